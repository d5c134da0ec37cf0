import { execSync } from "node:child_process";
import { createHash } from "node:crypto";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { promoteVersion } from "../../../shared/src/registry/promote-version.js";
import type { PromoteRequest } from "../../../shared/src/registry/promote-version.js";
import { registerVersion } from "../../../shared/src/registry/register-version.js";
import { verifyRegistry } from "../../../shared/src/registry/verify-registry.js";
import { GIT_ENV, createLocalRepo } from "./local-git-fixture.js";
import type { LocalRepo } from "./local-git-fixture.js";
import { promotionRequest } from "./promotion-request.js";

const NOW = "2026-01-02T03:04:05Z";
let repo: LocalRepo;
beforeEach(() => {
  repo = createLocalRepo();
});
afterEach(() => repo.remove());

function request(version: string, commit: string, weights: string): PromoteRequest {
  return promotionRequest(version, commit, { artifacts: [{ name: "model.bin", bytes: Buffer.from(weights) }] });
}
const verify = () =>
  verifyRegistry(repo.store, {
    allowForeignTags: false,
    versionsPerCommit: "one",
    now: new Date(Date.now() + 7200_000),
  });
const sh = (command: string) => execSync(command, { cwd: repo.dir, shell: "/bin/sh", env: GIT_ENV, stdio: "pipe" });

describe("repairing a registry poisoned by racing promotions of an older modelgate (catalog: Repairing the registry)", () => {
  it("deletes a version with no stage event whose stored build is another's, restores one a stage held, and then verifies", async () => {
    // What the old writers left: v1.0.0 promoted to prod, whose stored file a losing writer overwrote afterwards;
    // v1.1.0 tagged by a writer that then failed (no event), holding a loser's build.
    await promoteVersion(repo.store, request("1.0.0", repo.commits[0], "build A"));
    writeFileSync(path.join(repo.assetDir, "churn@v1.0.0", "model.bin"), "build B");
    await registerVersion(repo.store, {
      model: "churn",
      version: { explicit: "1.1.0" },
      commitSha: repo.commits[1],
      artifacts: [{ name: "model.bin", bytes: Buffer.from("build C") }],
      records: [{ name: "model.bin", sha256: sha("build C"), bytes: 7, uri: "" }],
      record: { manifest_sha256: null, metrics: {}, gates: [], actor: "octocat", created_at: NOW },
    });
    writeFileSync(path.join(repo.assetDir, "churn@v1.1.0", "model.bin"), "build D");
    // A retry of v1.1.0 with the right build is refused: the version is lost until repaired.
    await expect(promoteVersion(repo.store, request("1.1.0", repo.commits[1], "build E"))).rejects.toThrow(
      /already exists/,
    );

    const before = await verify();
    expect(before.models[0]!.findings.map((found) => [found.kind, found.subject, found.file])).toEqual([
      ["asset-changed", "churn@v1.0.0", "model.bin"],
      ["asset-changed", "churn@v1.1.0", "model.bin"],
    ]);

    // Step 1: v1.1.0 has no stage event: delete its tag, its commit claim and its artifacts, then promote again.
    sh(
      `git tag -d 'churn@v1.1.0' && git update-ref -d 'refs/modelgate/churn.commits/${repo.commits[1]}' && rm -r '${repo.assetDir}/churn@v1.1.0'`,
    );
    // Step 2: v1.0.0 held prod: restore the build whose sha256 its record names.
    writeFileSync(path.join(repo.assetDir, "churn@v1.0.0", "model.bin"), "build A");
    expect(await verify()).toMatchObject({ ok: true });

    const again = await promoteVersion(repo.store, request("1.1.0", repo.commits[1], "build E"));
    expect(again).toMatchObject({ versionCreated: true, eventCreated: true, previousVersion: "v1.0.0" });
    expect(await verify()).toMatchObject({ ok: true });
  });
});

function sha(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
