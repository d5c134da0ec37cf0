import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createOctokit } from "../../../shared/src/github/create-octokit.js";
import { openGitHubRegistryStore } from "../../../shared/src/github/github-registry-store.js";
import { GitHubApiError } from "../../../shared/src/core/modelgate-error.js";
import { promoteVersion } from "../../../shared/src/registry/promote-version.js";
import type { PromoteRequest } from "../../../shared/src/registry/promote-version.js";
import { readModelRegistry } from "../../../shared/src/registry/read-model-registry.js";
import { readStageRecord } from "../../../shared/src/registry/read-stage-record.js";
import { RegistryError } from "../../../shared/src/registry/registry-error.js";
import { rollbackStage } from "../../../shared/src/registry/rollback-stage.js";
import { verifyEventChain } from "../../../shared/src/registry/verify-event-chain.js";
import { useGitHubStandIn } from "../../support/github-stand-in/use-github-stand-in.js";

const OWNER = "acme";
const REPO = "models";
const NOW = "2026-01-02T03:04:05Z";
const COMMITS = Array.from({ length: 20 }, (_, index) => createHash("sha1").update(`commit ${index}`).digest("hex"));
const api = useGitHubStandIn();

function openStore(token = "ghs_test_write") {
  const log = { warning: () => undefined, debug: () => undefined };
  const octokit = createOctokit({ token, baseUrl: api().url, log, retryAfterBaseValue: 10 });
  return openGitHubRegistryStore(octokit, { owner: OWNER, repo: REPO });
}

function seedCommits(): void {
  for (const sha of COMMITS) api().seedCommit(OWNER, REPO, sha);
}

function request(version: string, commit: string, overrides: Partial<PromoteRequest> = {}): PromoteRequest {
  return {
    model: "churn",
    stage: "prod",
    version: { explicit: version },
    commitSha: commit,
    artifacts: [{ name: "model.bin", bytes: Buffer.from(`weights of ${version}`) }],
    manifestSha256: null,
    metrics: { accuracy: 0.9 },
    gates: [{ action: "evaluate-gate", key: "churn", verdict: "pass", run_url: null }],
    actor: "octocat",
    reason: null,
    runUrl: null,
    now: NOW,
    ...overrides,
  };
}

describe("the registry through the GitHub API", () => {
  it("writes annotated tags, a claim ref per event and a published release with the artifacts", async () => {
    seedCommits();
    const store = openStore();
    const outcome = await promoteVersion(store, request("1.0.0", COMMITS[0]!));
    expect(outcome).toMatchObject({ versionCreated: true, eventCreated: true, previousVersion: null, attempts: 1 });

    const refs = new Map(api().refs(OWNER, REPO));
    expect([...refs.keys()]).toEqual([
      `refs/modelgate/churn.commits/${COMMITS[0]}`,
      "refs/modelgate/churn.events/1",
      "refs/tags/churn#prod#1",
      "refs/tags/churn@v1.0.0",
    ]);
    expect(refs.get(`refs/modelgate/churn.commits/${COMMITS[0]}`)).toBe(refs.get("refs/tags/churn@v1.0.0"));
    expect(refs.get("refs/modelgate/churn.events/1")).toBe(refs.get("refs/tags/churn#prod#1"));
    const [release] = api().releases(OWNER, REPO);
    expect(release).toMatchObject({ tag_name: "churn@v1.0.0", draft: false });
    expect(release!.assets.map((asset) => [asset.name, Buffer.from(asset.bytes).toString()])).toEqual([
      ["model.bin", "weights of 1.0.0"],
    ]);
    // Publishing found the annotated tag in place: the release did not replace it with a lightweight one.
    expect(refs.get("refs/tags/churn@v1.0.0")).not.toBe(COMMITS[0]);

    const registry = await readModelRegistry(openStore(), "churn");
    expect(registry.problems).toEqual([]);
    expect(registry.versions.map((v) => [v.version, v.commitSha, v.record.artifacts[0]!.uri])).toEqual([
      ["v1.0.0", COMMITS[0], "https://github.com/acme/models/releases/download/churn%40v1.0.0/model.bin"],
    ]);
    expect(await store.resolveCommit("churn#prod#1")).toBe(COMMITS[0]);
    expect(api().violations).toEqual([]);
  }, 60_000);

  it("re-running the same promotion writes nothing new", async () => {
    seedCommits();
    await promoteVersion(openStore(), request("1.0.0", COMMITS[0]!));
    const before = api().refs(OWNER, REPO);
    const again = await promoteVersion(openStore(), request("1.0.0", COMMITS[0]!));
    expect(again).toMatchObject({ versionCreated: false, eventCreated: false });
    expect(api().refs(OWNER, REPO)).toEqual(before);
    expect(api().releases(OWNER, REPO)).toHaveLength(1);
    expect(api().violations).toEqual([]);
  }, 60_000);

  it("rolls back to the previous version after checking its asset digests, and refuses a tampered asset", async () => {
    seedCommits();
    await promoteVersion(openStore(), request("1.0.0", COMMITS[0]!));
    await promoteVersion(openStore(), request("1.1.0", COMMITS[1]!));

    api().replaceAssetBytes(OWNER, REPO, "churn@v1.0.0", "model.bin", Buffer.from("weights of 6.6.6"));
    const refused = rollbackStage(openStore(), {
      model: "churn",
      stage: "prod",
      reason: "latency",
      actor: "oncall",
      runUrl: null,
      now: NOW,
    });
    await expect(refused).rejects.toThrow(RegistryError);
    await expect(refused).rejects.toThrow(/model\.bin of churn@v1\.0\.0 has sha256 .* it was changed after promotion/);
    expect(
      api()
        .refs(OWNER, REPO)
        .map(([ref]) => ref),
    ).not.toContain("refs/tags/churn#prod!#3");

    api().replaceAssetBytes(OWNER, REPO, "churn@v1.0.0", "model.bin", Buffer.from("weights of 1.0.0"));
    const rolled = await rollbackStage(openStore(), {
      model: "churn",
      stage: "prod",
      reason: "latency",
      actor: "oncall",
      runUrl: null,
      now: NOW,
    });
    expect([rolled.from, rolled.to.version, rolled.unassignment.tag, rolled.assignment.tag]).toEqual([
      "v1.1.0",
      "v1.0.0",
      "churn#prod!#3",
      "churn#prod#4",
    ]);
    const stage = await readStageRecord(openStore(), "churn", "prod");
    expect(stage.version).toBe("v1.0.0");
    expect(Buffer.from(await stage.readAsset("model.bin")).toString()).toBe("weights of 1.0.0");
    const registry = await readModelRegistry(openStore(), "churn");
    expect(verifyEventChain(registry)).toEqual([]);
    expect(api().violations).toEqual([]);
  }, 90_000);

  it("names the contents: write permission when the token may only read", async () => {
    seedCommits();
    const failure = promoteVersion(openStore("ghs_test_read"), request("1.0.0", COMMITS[0]!));
    await expect(failure).rejects.toThrow(GitHubApiError);
    await expect(failure).rejects.toMatchObject({
      status: 403,
      hint: expect.stringMatching(/contents: write/) as unknown,
    });
    expect(api().refs(OWNER, REPO)).toEqual([]);
    expect(api().violations).toEqual([]);
  }, 30_000);

  it("reads an event whose writer stopped after its claim, completes its tag ref, and never trusts a malformed record", async () => {
    seedCommits();
    await promoteVersion(openStore(), request("1.0.0", COMMITS[0]!));
    const registry = await readModelRegistry(openStore(), "churn");
    // A writer that claimed counter 2 and stopped before writing the tag ref of its event.
    const octokit = createOctokit({
      token: "ghs_test_write",
      baseUrl: api().url,
      log: { warning: () => undefined, debug: () => undefined },
    });
    const record = {
      event: "promote",
      version: "v1.0.0",
      previous_version: null,
      reason: "re-deploy",
      actor: "octocat",
      run_url: null,
      created_at: NOW,
      previous_event_sha: registry.events[0]!.objectSha,
    };
    const { data: tag } = await octokit.request("POST /repos/{owner}/{repo}/git/tags", {
      owner: OWNER,
      repo: REPO,
      tag: "churn#staging#2",
      message: JSON.stringify(record),
      object: COMMITS[0]!,
      type: "commit",
    });
    await octokit.request("POST /repos/{owner}/{repo}/git/refs", {
      owner: OWNER,
      repo: REPO,
      ref: "refs/modelgate/churn.events/2",
      sha: tag.sha,
    });
    // A tag written outside modelgate (plain text, as GTO writes them): read as a version without a record.
    const { data: bad } = await octokit.request("POST /repos/{owner}/{repo}/git/tags", {
      owner: OWNER,
      repo: REPO,
      tag: "churn@v9.0.0",
      message: "not json",
      object: COMMITS[2]!,
      type: "commit",
    });
    await octokit.request("POST /repos/{owner}/{repo}/git/refs", {
      owner: OWNER,
      repo: REPO,
      ref: "refs/tags/churn@v9.0.0",
      sha: bad.sha,
    });

    const pending = await readModelRegistry(openStore(), "churn");
    expect(pending.missingTagRefs.map((event) => event.tag)).toEqual(["churn#staging#2"]);
    expect(pending.problems).toEqual([]);
    expect(pending.foreignTags).toEqual(["churn@v9.0.0"]);
    expect(pending.foreignVersions.map((version) => [version.version, version.message])).toEqual([
      ["v9.0.0", "not json"],
    ]);
    expect(pending.versions.map((version) => version.version)).toEqual(["v1.0.0"]);

    const next = await promoteVersion(openStore(), request("1.1.0", COMMITS[1]!));
    expect(next.event.counter).toBe(3);
    expect(new Map(api().refs(OWNER, REPO)).get("refs/tags/churn#staging#2")).toBe(tag.sha);
    const after = await readModelRegistry(openStore(), "churn");
    expect(after.missingTagRefs).toEqual([]);
    // The events link up; the foreign tag is verify's concern, not the chain's.
    expect(verifyEventChain(after)).toEqual([]);
    expect(api().violations).toEqual([]);
  }, 90_000);
});
