import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createOctokit } from "../../../shared/src/github/create-octokit.js";
import { openGitHubRegistryStore } from "../../../shared/src/github/github-registry-store.js";
import { promoteVersion } from "../../../shared/src/registry/promote-version.js";
import type { PromoteRequest } from "../../../shared/src/registry/promote-version.js";
import { registerVersion } from "../../../shared/src/registry/register-version.js";
import type { RegistryStore } from "../../../shared/src/registry/registry-store.js";
import { verifyRegistry } from "../../../shared/src/registry/verify-registry.js";
import { useGitHubStandIn } from "../../support/github-stand-in/use-github-stand-in.js";
import { promotionRequest } from "../registry/promotion-request.js";

const OWNER = "acme";
const REPO = "models";
const NOW = "2026-01-02T03:04:05Z";
const COMMITS = Array.from({ length: 3 }, (_, index) =>
  createHash("sha1").update(`verify commit ${index}`).digest("hex"),
);
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const api = useGitHubStandIn();
const octokit = () =>
  createOctokit({
    token: "ghs_test_write",
    baseUrl: api().url,
    log: { warning: () => undefined, debug: () => undefined },
  });
const openStore = () => openGitHubRegistryStore(octokit(), { owner: OWNER, repo: REPO });
const verify = (store: RegistryStore, allowForeignTags = false) =>
  verifyRegistry(store, { allowForeignTags, versionsPerCommit: "one", now: new Date(Date.now() + 7200_000) });
/** Runs a printed `gh api -X DELETE '<path>'` fix through the API, as `gh` would send it. */
const runFix = async (fix: string) => {
  const path = /^gh api -X DELETE '([^']+)'$/.exec(fix)?.[1];
  expect(path, fix).toBeDefined();
  await octokit().request(`DELETE /${path!}`);
};

function request(version: string, commit: string, weights: string): PromoteRequest {
  return promotionRequest(version, commit, { artifacts: [{ name: "model.bin", bytes: Buffer.from(weights) }] });
}

describe("registry verify through the GitHub API", () => {
  it("reports a run that stopped after the version tag, completes it on a re-run, and removes its draft and a foreign tag with the printed commands", async () => {
    for (const sha of COMMITS) api().seedCommit(OWNER, REPO, sha);
    const store = openStore();
    const dies: RegistryStore = {
      ...store,
      stageAssets: async (tag, assets) => ({
        ...(await store.stageAssets(tag, assets)),
        publish: () => Promise.reject(new Error("killed")),
      }),
    };
    await expect(promoteVersion(dies, request("1.0.0", COMMITS[0]!, "weights"))).rejects.toThrow(/killed/);
    expect(
      api()
        .releases(OWNER, REPO)
        .map((release) => [release.tag_name, release.draft]),
    ).toEqual([["churn@v1.0.0", true]]);
    expect(
      (await verify(openStore())).models[0]!.findings.map((found) => [found.kind, found.subject, found.file]),
    ).toEqual([
      ["asset-missing", "churn@v1.0.0", "model.bin"],
      ["asset-orphan", "churn@v1.0.0", null],
    ]);

    await promoteVersion(openStore(), request("1.0.0", COMMITS[0]!, "weights"));
    // A tag written outside modelgate, with a `#` its removal must encode.
    const { data: foreign } = await octokit().request("POST /repos/{owner}/{repo}/git/tags", {
      owner: OWNER,
      repo: REPO,
      tag: "churn#staging#9",
      message: "Assigning stage staging to artifact churn version v1.0.0",
      object: COMMITS[0]!,
      type: "commit",
      tagger: { name: "gto-user", email: "gto@example.com", date: "2026-01-02T04:00:00Z" },
    });
    await octokit().request("POST /repos/{owner}/{repo}/git/refs", {
      owner: OWNER,
      repo: REPO,
      ref: "refs/tags/churn#staging#9",
      sha: foreign.sha,
    });
    const report = await verify(openStore());
    expect(report.models[0]!.findings.map((found) => [found.kind, found.subject])).toEqual([
      ["foreign-tag", "churn#staging#9"],
      ["asset-orphan", "churn@v1.0.0"],
    ]);
    expect(report.models[0]!.findings[0]!.fix).toContain(
      `gh api -X DELETE 'repos/acme/models/git/refs/tags/churn%23staging%239'`,
    );
    await runFix(report.models[0]!.findings[0]!.fix.replace(/^.*\((gh api [^)]*)\)$/, "$1"));
    await runFix(report.models[0]!.findings[1]!.fix);
    expect(await verify(openStore())).toMatchObject({ ok: true });
    expect(
      api()
        .releases(OWNER, REPO)
        .map((release) => [
          release.tag_name,
          release.draft,
          release.assets.map((asset) => Buffer.from(asset.bytes).toString()),
        ]),
    ).toEqual([["churn@v1.0.0", false, ["weights"]]]);
    expect(api().violations).toEqual([]);
  }, 120_000);

  it("repairs a version an older modelgate left holding another build: delete its release, tag and claim, promote again", async () => {
    for (const sha of COMMITS) api().seedCommit(OWNER, REPO, sha);
    await registerVersion(openStore(), {
      model: "churn",
      version: { explicit: "1.0.0" },
      commitSha: COMMITS[1]!,
      artifacts: [{ name: "model.bin", bytes: Buffer.from("build A") }],
      records: [{ name: "model.bin", sha256: sha256("build A"), bytes: 7, uri: "" }],
      record: { manifest_sha256: null, metrics: {}, gates: [], actor: "octocat", created_at: NOW },
    });
    api().replaceAssetBytes(OWNER, REPO, "churn@v1.0.0", "model.bin", Buffer.from("build B"));
    expect(
      (await verify(openStore())).models[0]!.findings.map((found) => [found.kind, found.subject, found.file]),
    ).toEqual([["asset-changed", "churn@v1.0.0", "model.bin"]]);

    // The catalog's commands: gh release delete (DELETE /releases/{id}), then the tag's and the claim's refs.
    const [release] = api().releases(OWNER, REPO);
    await octokit().request("DELETE /repos/{owner}/{repo}/releases/{release_id}", {
      owner: OWNER,
      repo: REPO,
      release_id: release!.id,
    });
    await octokit().request("DELETE /repos/{owner}/{repo}/git/refs/{ref}", {
      owner: OWNER,
      repo: REPO,
      ref: "tags/churn@v1.0.0",
    });
    await octokit().request("DELETE /repos/{owner}/{repo}/git/refs/{ref}", {
      owner: OWNER,
      repo: REPO,
      ref: `modelgate/churn.commits/${COMMITS[1]}`,
    });
    expect(await verify(openStore())).toMatchObject({ ok: true, models: [] });
    await promoteVersion(openStore(), request("1.0.0", COMMITS[1]!, "build A"));
    expect(await verify(openStore())).toMatchObject({ ok: true });
    expect(api().violations).toEqual([]);
  }, 120_000);

  it("reports a file uploaded to a version's release that its record does not name, and removes it with the printed command", async () => {
    for (const sha of COMMITS) api().seedCommit(OWNER, REPO, sha);
    await promoteVersion(openStore(), request("1.0.0", COMMITS[0]!, "build A"));
    const { data: releases } = await octokit().request("GET /repos/{owner}/{repo}/releases", {
      owner: OWNER,
      repo: REPO,
    });
    const release = releases.find((found) => found.tag_name === "churn@v1.0.0")!;
    await octokit().request("POST /repos/{owner}/{repo}/releases/{release_id}/assets{?name}", {
      owner: OWNER,
      repo: REPO,
      baseUrl: new URL(release.upload_url.replace(/\{.*$/, "")).origin,
      release_id: release.id,
      name: "extra.bin",
      data: Buffer.from("not promoted") as unknown as string,
      headers: { "content-type": "application/octet-stream" },
    });
    const report = await verify(openStore());
    expect(report.models[0]!.findings.map((found) => [found.kind, found.subject, found.file])).toEqual([
      ["asset-unrecorded", "churn@v1.0.0", "extra.bin"],
    ]);
    await runFix(report.models[0]!.findings[0]!.fix);
    expect(await verify(openStore())).toMatchObject({ ok: true });
    expect(
      api()
        .releases(OWNER, REPO)
        .map((found) => found.assets.map((asset) => asset.name)),
    ).toEqual([["model.bin"]]);
    expect(api().violations).toEqual([]);
  }, 120_000);

  it("reports an empty draft a promotion left before its first upload, and removes it with the printed command", async () => {
    const { data: draft } = await octokit().request("POST /repos/{owner}/{repo}/releases", {
      owner: OWNER,
      repo: REPO,
      tag_name: "churn@v3.0.0",
      name: "churn@v3.0.0",
      draft: true,
    });
    const report = await verify(openStore());
    expect(
      report.models.map((model) => [
        model.model,
        model.findings.map((found) => [found.kind, found.subject, found.problem]),
      ]),
    ).toEqual([
      [
        "churn",
        [
          [
            "asset-orphan",
            "churn@v3.0.0",
            `1 artifact(s) staged for churn@v3.0.0 at release ${draft.id} (draft), never published: a promotion stopped before it finished`,
          ],
        ],
      ],
    ]);
    await runFix(report.models[0]!.findings[0]!.fix);
    expect(await verify(openStore())).toMatchObject({ ok: true, models: [] });
    expect(api().violations).toEqual([]);
  });
});
