import { execSync } from "node:child_process";
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { promoteVersion } from "../../../shared/src/registry/promote-version.js";
import type { PromoteRequest } from "../../../shared/src/registry/promote-version.js";
import { readModelRegistry } from "../../../shared/src/registry/read-model-registry.js";
import type { RegistryStore } from "../../../shared/src/registry/registry-store.js";
import { verifyRegistry } from "../../../shared/src/registry/verify-registry.js";
import type { VerifyOptions } from "../../../shared/src/registry/verify-registry.js";
import { GIT_ENV, createLocalRepo } from "./local-git-fixture.js";
import type { LocalRepo } from "./local-git-fixture.js";
import { promotionRequest } from "./promotion-request.js";

// Past the grace period of any staging these tests leave (staging younger than an hour may be a running promotion).
const LATER = new Date(Date.now() + 2 * 3600_000);
let repo: LocalRepo;
beforeEach(() => {
  repo = createLocalRepo();
});
afterEach(() => repo.remove());

function request(version: string, commit: string, overrides: Partial<PromoteRequest> = {}): PromoteRequest {
  return promotionRequest(version, commit, {
    artifacts: [{ name: "model.bin", bytes: Buffer.from(`weights of ${version}`) }],
    ...overrides,
  });
}

const verify = (options: Partial<VerifyOptions> = {}) =>
  verifyRegistry(repo.store, { allowForeignTags: false, versionsPerCommit: "one", now: LATER, ...options });
const findings = async (options: Partial<VerifyOptions> = {}) =>
  (await verify(options)).models
    .flatMap((model) => model.findings)
    .map((found) => [found.kind, found.subject, found.file]);
const run = (command: string) => execSync(command, { shell: "/bin/sh", env: GIT_ENV, stdio: "pipe" });

/** The store, except that a writer dies right after it created the version tag, before it published the artifacts. */
function diesAfterCommitPoint(store: RegistryStore): RegistryStore {
  return {
    ...store,
    async stageAssets(versionTag, assets) {
      const staged = await store.stageAssets(versionTag, assets);
      return { ...staged, publish: () => Promise.reject(new Error("killed after the version tag was created")) };
    },
  };
}

describe("verifyRegistry on a local repository", () => {
  it("passes a registry whose stored artifacts match their records, and names each artifact that does not", async () => {
    await promoteVersion(repo.store, request("1.0.0", repo.commits[0]));
    await promoteVersion(repo.store, request("1.1.0", repo.commits[1]));
    const clean = await verify();
    expect(clean).toMatchObject({
      ok: true,
      unowned: [],
      notes: [],
      models: [{ model: "churn", versions: 2, events: 2, artifacts: 2, findings: [] }],
    });

    writeFileSync(path.join(repo.assetDir, "churn@v1.0.0", "model.bin"), "weights of 6.6.6");
    writeFileSync(path.join(repo.assetDir, "churn@v1.1.0", "notes.txt"), "not in the record");
    execSync(`rm ${path.join(repo.assetDir, "churn@v1.1.0", "model.bin")}`);
    const broken = await verify();
    expect(broken.ok).toBe(false);
    expect(broken.models[0]!.findings.map((found) => [found.kind, found.subject, found.file])).toEqual([
      ["asset-changed", "churn@v1.0.0", "model.bin"],
      ["asset-missing", "churn@v1.1.0", "model.bin"],
      ["asset-unrecorded", "churn@v1.1.0", "notes.txt"],
    ]);
    expect(broken.models[0]!.findings[0]!.problem).toMatch(
      /has sha256 [0-9a-f]{64} \(16 bytes\), but the version record says [0-9a-f]{64} \(16 bytes\): it is not the artifact that was promoted/,
    );
    // The printed fix of an unrecorded file removes exactly it.
    run(broken.models[0]!.findings[2]!.fix);
    expect(readdirSync(path.join(repo.assetDir, "churn@v1.1.0"))).toEqual([]);
  });

  it("reports a writer that died after the commit point; the same promotion re-run completes it, and the printed command removes its staging", async () => {
    await expect(promoteVersion(diesAfterCommitPoint(repo.store), request("1.0.0", repo.commits[0]))).rejects.toThrow(
      /killed/,
    );
    expect(repo.git("tag", "--list")).toBe("churn@v1.0.0");
    // Nothing is published under the version; the staging folder is the dead writer's.
    expect(existsSync(path.join(repo.assetDir, "churn@v1.0.0"))).toBe(false);
    expect(await findings()).toEqual([
      ["asset-missing", "churn@v1.0.0", "model.bin"],
      ["asset-orphan", "churn@v1.0.0", null],
    ]);
    // Within the grace period the staging is a promotion that may still be running: a note, not a finding.
    const fresh = await verify({ now: new Date(Date.now()) });
    expect(fresh.notes).toEqual([
      expect.stringMatching(/^1 artifact\(s\) staged for churn@v1\.0\.0 at .*: a promotion in progress/),
    ]);

    const rerun = await promoteVersion(repo.store, request("1.0.0", repo.commits[0]));
    expect(rerun).toMatchObject({ versionCreated: false, eventCreated: true });
    const left = (await verify()).models[0]!.findings;
    expect(left.map((found) => found.kind)).toEqual(["asset-orphan"]);
    expect(left[0]!.fix).toMatch(/^rm -r '.*\/\.staging\/promote-[^']+'$/);
    run(left[0]!.fix);
    expect(await verify()).toMatchObject({ ok: true });
  });

  it("reports a commit claim no version holds, whose printed command frees the commit", async () => {
    const object = execSync("git mktag", {
      cwd: repo.dir,
      env: GIT_ENV,
      input: `object ${repo.commits[0]}\ntype commit\ntag churn@v1.0.0\ntagger Registry Test <registry@example.com> 1767323045 +0000\n\n{}\n`,
    })
      .toString()
      .trim();
    repo.git("update-ref", `refs/modelgate/churn.commits/${repo.commits[0]}`, object);
    const refused = promoteVersion(repo.store, request("1.0.0", repo.commits[0]), {
      maxAttempts: 2,
      backoff: () => Promise.resolve(),
    });
    await expect(refused).rejects.toThrow(
      /is claimed for churn@v1\.0\.0 \(ref refs\/modelgate\/churn\.commits\/[0-9a-f]{40}\), but no version tag on this commit holds it/,
    );
    // No tag names the model yet: verify it by name.
    const found = (await verify({ model: "churn" })).models.flatMap((model) => model.findings);
    expect(found.map((finding) => finding.kind)).toEqual(["stale-claim"]);
    run(found[0]!.fix);
    await promoteVersion(repo.store, request("1.0.0", repo.commits[0]));
    expect(await verify()).toMatchObject({ ok: true });
  });

  it("flags a commit with two versions unless the policy says versions-per-commit: many", async () => {
    await promoteVersion(repo.store, request("1.0.0", repo.commits[0]));
    const second = request("1.1.0", repo.commits[0], {
      artifacts: [{ name: "model.bin", bytes: Buffer.from("retrained") }],
    });
    await expect(promoteVersion(repo.store, second)).rejects.toThrow(
      /^Commit [0-9a-f]{40} already carries churn v1\.0\.0, and a commit carries one version of a model, as GTO requires \(GTO refuses a second with VersionExistsForCommit; its show and history fail with ManyVersions\)\. Nothing was written\.$/,
    );
    await promoteVersion(repo.store, second, { versionsPerCommit: "many" });
    expect(await findings()).toEqual([["many-versions", repo.commits[0], null]]);
    expect(await findings({ versionsPerCommit: "many" })).toEqual([]);
  });

  it("lists artifacts of no model, and a version folder whose tag does not exist", async () => {
    await promoteVersion(repo.store, request("1.0.0", repo.commits[0]));
    execSync(
      `mkdir -p '${repo.assetDir}/churn@v9.0.0' '${repo.assetDir}/ghost@v1.0.0' && echo x > '${repo.assetDir}/churn@v9.0.0/model.bin' && echo y > '${repo.assetDir}/ghost@v1.0.0/m.bin' && echo z > '${repo.assetDir}/stray.txt'`,
    );
    const report = await verify();
    expect(
      report.models.map((model) => [
        model.model,
        model.findings.map((found) => [found.kind, found.subject, found.file]),
      ]),
    ).toEqual([
      ["churn", [["asset-orphan", "churn@v9.0.0", "model.bin"]]],
      ["ghost", [["asset-orphan", "ghost@v1.0.0", "m.bin"]]],
    ]);
    expect(report.unowned.map((found) => [found.kind, found.subject, found.file])).toEqual([
      ["asset-orphan", path.join(repo.assetDir, "stray.txt"), "stray.txt"],
    ]);
    // Verifying one model checks only its own artifacts.
    expect((await verify({ model: "churn" })).unowned).toEqual([]);
    const registry = await readModelRegistry(repo.store, "churn");
    expect(registry.versions.map((version) => version.version)).toEqual(["v1.0.0"]);
  });
});
