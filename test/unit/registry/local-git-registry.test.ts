import { createHash } from "node:crypto";
import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { promoteVersion } from "../../../shared/src/registry/promote-version.js";
import type { PromoteRequest } from "../../../shared/src/registry/promote-version.js";
import { readModelRegistry } from "../../../shared/src/registry/read-model-registry.js";
import { readStageRecord } from "../../../shared/src/registry/read-stage-record.js";
import { registryHistory } from "../../../shared/src/registry/registry-history.js";
import { rollbackStage } from "../../../shared/src/registry/rollback-stage.js";
import { currentAssignment, semverHolder } from "../../../shared/src/registry/stage-state.js";
import { verifyEventChain } from "../../../shared/src/registry/verify-event-chain.js";
import { RegistryError } from "../../../shared/src/registry/registry-error.js";
import { createLocalRepo } from "./local-git-fixture.js";
import type { LocalRepo } from "./local-git-fixture.js";

const NOW = "2026-01-02T03:04:05Z";
let repo: LocalRepo;
beforeEach(() => {
  repo = createLocalRepo();
});
afterEach(() => repo.remove());

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

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

describe("the registry on a real git repository", () => {
  it("writes GTO tags on the version's commit with JSON records that git reads back", async () => {
    const outcome = await promoteVersion(repo.store, request("1.0.0", repo.commits[0]));
    expect(outcome).toMatchObject({ versionCreated: true, eventCreated: true, previousVersion: null });
    expect(repo.git("tag", "--list").split("\n").sort()).toEqual(["churn#prod#1", "churn@v1.0.0"]);
    expect(repo.git("cat-file", "-t", "churn#prod#1")).toBe("tag");
    expect(repo.git("rev-parse", "churn#prod#1^{commit}")).toBe(repo.commits[0]);
    const record = JSON.parse(repo.git("tag", "-l", "--format=%(contents)", "churn@v1.0.0")) as Record<string, unknown>;
    expect(record).toMatchObject({
      schema: "modelgate.registry/v1",
      model: "churn",
      version: "v1.0.0",
      artifacts: [{ name: "model.bin", sha256: sha256("weights of 1.0.0"), bytes: 16 }],
    });
    const event = JSON.parse(repo.git("tag", "-l", "--format=%(contents)", "churn#prod#1")) as Record<string, unknown>;
    expect(event).toEqual({
      event: "promote",
      version: "v1.0.0",
      previous_version: null,
      reason: null,
      actor: "octocat",
      run_url: null,
      created_at: NOW,
      previous_event_sha: null,
      gates: [{ action: "evaluate-gate", key: "churn", verdict: "pass", run_url: null }],
      metrics: { accuracy: 0.9 },
    });
  });

  it("records a second stage's promotion with that promotion's own gates, not the first promotion's", async () => {
    const staging = [{ action: "evaluate-gate", key: "churn", verdict: "pass", run_url: "https://ci/1" }];
    const prod = [
      { action: "evaluate-gate", key: "churn", verdict: "warn", run_url: "https://ci/2" },
      { action: "check", key: "canary", verdict: "pass", run_url: null },
    ];
    await promoteVersion(
      repo.store,
      request("1.0.0", repo.commits[0], { stage: "staging", gates: staging, metrics: { accuracy: 0.9 } }),
    );
    const second = await promoteVersion(
      repo.store,
      request("1.0.0", repo.commits[0], { stage: "prod", gates: prod, metrics: { accuracy: 0.91 } }),
    );
    expect(second).toMatchObject({ versionCreated: false, eventCreated: true });
    const registry = await readModelRegistry(repo.store, "churn");
    expect(registry.versions[0]!.record.gates).toEqual(staging);
    expect(registryHistory(registry).map((row) => [row.stage, row.gates])).toEqual([
      ["staging", staging],
      ["prod", prod],
    ]);
    expect(currentAssignment(registry, "prod")!.record.metrics).toEqual({ accuracy: 0.91 });
  });

  it("promotes twice, rolls back once, and reads the history and chain back", async () => {
    await promoteVersion(repo.store, request("1.0.0", repo.commits[0]));
    const second = await promoteVersion(repo.store, request("1.1.0", repo.commits[1]));
    expect(second.previousVersion).toBe("v1.0.0");
    expect((await readStageRecord(repo.store, "churn", "prod")).version).toBe("v1.1.0");

    const rolled = await rollbackStage(repo.store, {
      model: "churn",
      stage: "prod",
      reason: "latency regression",
      actor: "oncall",
      runUrl: null,
      now: NOW,
    });
    expect(rolled.from).toBe("v1.1.0");
    expect(rolled.to.version).toBe("v1.0.0");
    expect([rolled.unassignment.tag, rolled.assignment.tag]).toEqual(["churn#prod!#3", "churn#prod#4"]);
    expect(repo.git("rev-parse", "churn#prod!#3^{commit}")).toBe(repo.commits[1]);
    expect(repo.git("rev-parse", "churn#prod#4^{commit}")).toBe(repo.commits[0]);

    const stage = await readStageRecord(repo.store, "churn", "prod");
    expect(stage.version).toBe("v1.0.0");
    expect(Buffer.from(await stage.readAsset("model.bin")).toString()).toBe("weights of 1.0.0");

    const registry = await readModelRegistry(repo.store, "churn");
    expect(
      registryHistory(registry, "prod").map((row) => [row.counter, row.event, row.version, row.previous_version]),
    ).toEqual([
      [1, "promote", "v1.0.0", null],
      [2, "promote", "v1.1.0", "v1.0.0"],
      [3, "unassign", "v1.1.0", null],
      [4, "rollback", "v1.0.0", "v1.1.0"],
    ]);
    expect(verifyEventChain(registry)).toEqual([]);
    // Each event names the tag object of the one before it.
    expect(registry.events[3]!.record.previous_event_sha).toBe(repo.git("rev-parse", "churn#prod!#3"));
  });

  it("treats a re-run of the same promotion as a no-op", async () => {
    await promoteVersion(repo.store, request("1.0.0", repo.commits[0]));
    const again = await promoteVersion(repo.store, request("1.0.0", repo.commits[0], { now: "2026-02-02T00:00:00Z" }));
    expect(again).toMatchObject({ versionCreated: false, eventCreated: false });
    expect(again.event.tag).toBe("churn#prod#1");
    expect(repo.git("tag", "--list").split("\n").sort()).toEqual(["churn#prod#1", "churn@v1.0.0"]);
  });

  it("refuses the same version with other artifact digests or another commit, writing nothing", async () => {
    await promoteVersion(repo.store, request("1.0.0", repo.commits[0]));
    const other = request("1.0.0", repo.commits[0], {
      artifacts: [{ name: "model.bin", bytes: Buffer.from("other weights") }],
    });
    await expect(promoteVersion(repo.store, other)).rejects.toThrow(
      /^Version v1.0.0 of churn already exists with other artifacts \(model\.bin [0-9a-f]{12}\); a version's identity is its commit and artifact digests\. Nothing was written\.$/,
    );
    await expect(promoteVersion(repo.store, request("1.0.0", repo.commits[1]))).rejects.toThrow(
      new RegExp(`already exists with commit ${repo.commits[0]}`),
    );
    expect(repo.git("tag", "--list").split("\n")).toHaveLength(2);
  });

  it("assigns the stage to the highest-N assignment not followed by its unassignment", async () => {
    await promoteVersion(repo.store, request("1.0.0", repo.commits[0]));
    await promoteVersion(repo.store, request("2.0.0", repo.commits[1], { stage: "staging" }));
    await promoteVersion(repo.store, request("2.0.0", repo.commits[1]));
    const registry = await readModelRegistry(repo.store, "churn");
    // N counts across all stages of the model.
    expect(registry.events.map((event) => event.tag)).toEqual(["churn#prod#1", "churn#staging#2", "churn#prod#3"]);
    expect(currentAssignment(registry, "prod")?.record.version).toBe("v2.0.0");
    expect(currentAssignment(registry, "staging")?.record.version).toBe("v2.0.0");
    expect(currentAssignment(registry, "canary")).toBeUndefined();
  });

  it("refuses a rollback onto a tampered asset and moves nothing", async () => {
    await promoteVersion(repo.store, request("1.0.0", repo.commits[0]));
    await promoteVersion(repo.store, request("1.1.0", repo.commits[1]));
    writeFileSync(path.join(repo.assetDir, "churn@v1.0.0", "model.bin"), "weights of 1.0.1");
    const attempt = rollbackStage(repo.store, {
      model: "churn",
      stage: "prod",
      reason: "bad",
      actor: "oncall",
      runUrl: null,
      now: NOW,
    });
    await expect(attempt).rejects.toThrow(
      /Artifact model.bin of churn@v1.0.0 has sha256 [0-9a-f]{64} \(16 bytes\), but the version record says/,
    );
    expect((await readStageRecord(repo.store, "churn", "prod")).version).toBe("v1.1.0");
    expect(repo.git("tag", "--list", "churn#*").split("\n")).toHaveLength(2);
  });

  it("refuses a rollback onto a missing asset and moves nothing", async () => {
    await promoteVersion(repo.store, request("1.0.0", repo.commits[0]));
    await promoteVersion(repo.store, request("1.1.0", repo.commits[1]));
    rmSync(path.join(repo.assetDir, "churn@v1.0.0", "model.bin"));
    const attempt = rollbackStage(repo.store, {
      model: "churn",
      stage: "prod",
      reason: "bad",
      actor: "oncall",
      runUrl: null,
      now: NOW,
    });
    await expect(attempt).rejects.toThrow(/^Artifact model\.bin of churn@v1\.0\.0 is missing from the artifact store/);
    expect((await readStageRecord(repo.store, "churn", "prod")).version).toBe("v1.1.0");
    expect(repo.git("tag", "--list", "churn#*").split("\n")).toHaveLength(2);
  });

  it("refuses rollbacks with nothing to go back to, or to a version never promoted to the stage", async () => {
    const base = { model: "churn", stage: "prod", reason: "r", actor: "a", runUrl: null, now: NOW };
    await expect(rollbackStage(repo.store, base)).rejects.toThrow(/Model churn has no versions in the registry/);
    await promoteVersion(repo.store, request("1.0.0", repo.commits[0]));
    await expect(rollbackStage(repo.store, base)).rejects.toThrow(/no earlier good version/);
    await promoteVersion(repo.store, request("1.1.0", repo.commits[1], { stage: "staging" }));
    await expect(rollbackStage(repo.store, { ...base, to: "1.1.0" })).rejects.toThrow(
      /Version v1.1.0 of churn was never promoted to prod by modelgate\./,
    );
    await expect(rollbackStage(repo.store, { ...base, to: "9.9.9" })).rejects.toThrow(
      /never promoted to prod by modelgate \(it is not registered\)/,
    );
    await expect(rollbackStage(repo.store, { ...base, stage: "canary" })).rejects.toThrow(
      /Stage canary of churn holds no version/,
    );
    await expect(rollbackStage(repo.store, { ...base, to: "1.1" })).rejects.toThrow(/Input "to" is "1.1"/);
  });

  it("skips versions that were themselves rolled back when choosing the default target", async () => {
    await promoteVersion(repo.store, request("1.0.0", repo.commits[0]));
    await promoteVersion(repo.store, request("1.1.0", repo.commits[1]));
    await rollbackStage(repo.store, { model: "churn", stage: "prod", reason: "r", actor: "a", runUrl: null, now: NOW });
    await promoteVersion(repo.store, request("1.2.0", repo.commit("third model")));
    const rolled = await rollbackStage(repo.store, {
      model: "churn",
      stage: "prod",
      reason: "r",
      actor: "a",
      runUrl: null,
      now: NOW,
    });
    expect([rolled.from, rolled.to.version]).toEqual(["v1.2.0", "v1.0.0"]);
  });

  it("reports a malformed record, skips it in history and never trusts it", async () => {
    await promoteVersion(repo.store, request("1.0.0", repo.commits[0]));
    repo.git("tag", "-a", "-m", "{not json", "churn#prod#7", repo.commits[1]);
    repo.git("tag", "-a", "-m", '{"schema":"modelgate.registry/v1"}', "churn@v3.0.0", repo.commits[1]);
    const registry = await readModelRegistry(repo.store, "churn");
    expect(registry.problems.map((p) => p.tag)).toEqual(["churn#prod#7", "churn@v3.0.0"]);
    expect(registry.problems[0]!.problem).toMatch(/^its message is not JSON/);
    expect(registry.problems[1]!.problem).toMatch(/^its record is malformed at model/);
    expect(registryHistory(registry).map((row) => row.tag)).toEqual(["churn#prod#1"]);
    expect(currentAssignment(registry, "prod")?.record.version).toBe("v1.0.0");
    // The next event takes a counter above every tag, trusted or not.
    const next = await promoteVersion(repo.store, request("1.1.0", repo.commits[1]));
    expect(next.event.tag).toBe("churn#prod#8");
    await expect(promoteVersion(repo.store, request("3.0.0", repo.commits[1]))).rejects.toThrow(
      /Version tag churn@v3.0.0 exists but its record is malformed/,
    );
  });

  it("verify reports a rewritten or deleted event", async () => {
    await promoteVersion(repo.store, request("1.0.0", repo.commits[0]));
    await promoteVersion(repo.store, request("1.1.0", repo.commits[1]));
    await promoteVersion(repo.store, request("1.2.0", repo.commit("third model")));
    expect(verifyEventChain(await readModelRegistry(repo.store, "churn"))).toEqual([]);

    // A rewritten event: same name, another record -> another tag object, which the next event does not name.
    const rewritten = repo.git("tag", "-l", "--format=%(contents)", "churn#prod#2").replace('"octocat"', '"mallory"');
    repo.git("tag", "-f", "-a", "-m", rewritten, "churn#prod#2", repo.commits[1]);
    let breaks = verifyEventChain(await readModelRegistry(repo.store, "churn"));
    expect(breaks.map((b) => b.tag)).toEqual(["churn#prod#3"]);
    expect(breaks[0]!.problem).toMatch(
      /^it names previous event [0-9a-f]{40}, but the event before it is churn#prod#2 \([0-9a-f]{40}\): an event was deleted or rewritten$/,
    );

    // A deleted event (tag and claim): the chain skips it.
    repo.git("tag", "-d", "churn#prod#2");
    repo.git("update-ref", "-d", "refs/modelgate/churn.events/2");
    breaks = verifyEventChain(await readModelRegistry(repo.store, "churn"));
    expect(breaks.map((b) => b.tag)).toEqual(["churn#prod#3"]);
    expect(breaks[0]!.problem).toMatch(/but the event before it is churn#prod#1 /);
  });

  it("reads a claimed event whose tag ref was never written, reports it, and completes it on the next write", async () => {
    await promoteVersion(repo.store, request("1.0.0", repo.commits[0]));
    await promoteVersion(repo.store, request("1.1.0", repo.commits[1]));
    repo.git("tag", "-d", "churn#prod#2"); // as if the writer stopped between its claim and its tag ref
    const registry = await readModelRegistry(repo.store, "churn");
    expect(currentAssignment(registry, "prod")?.record.version).toBe("v1.1.0");
    expect(verifyEventChain(registry).map((b) => b.problem)).toEqual([
      "its counter 2 is claimed but the tag ref is missing: it was deleted, or a promotion was interrupted (the next promotion restores it)",
    ]);
    await promoteVersion(repo.store, request("1.2.0", repo.commit("third model")));
    expect(repo.git("tag", "--list", "churn#*").split("\n").sort()).toEqual([
      "churn#prod#1",
      "churn#prod#2",
      "churn#prod#3",
    ]);
    expect(verifyEventChain(await readModelRegistry(repo.store, "churn"))).toEqual([]);
  });

  it("refuses names outside GTO's grammar", async () => {
    await expect(promoteVersion(repo.store, request("1.0.0", repo.commits[0], { model: "churn_" }))).rejects.toThrow(
      /Input "model" is "churn_"/,
    );
    await expect(
      promoteVersion(repo.store, request("1.0.0", repo.commits[0], { model: "a..b:churn" })),
    ).rejects.toThrow(/GTO's grammar allows but git cannot carry in a tag: it contains "\.\."/);
    await expect(promoteVersion(repo.store, request("1.0.0", repo.commits[0], { stage: "prod#1" }))).rejects.toThrow(
      /Input "stage" is "prod#1"/,
    );
    await expect(readStageRecord(repo.store, "churn", "prod")).rejects.toThrow(RegistryError);
  });

  it("gives 8 concurrent promotions consecutive counters, an unbroken chain and one holder in both of GTO's orders", async () => {
    const versions = Array.from({ length: 8 }, (_, i) => `1.${i}.0`);
    const commits = versions.map((version) => repo.commit(version));
    const outcomes = await Promise.all(
      versions.map((version, k) =>
        promoteVersion(repo.store, request(version, commits[k]!), {
          maxAttempts: 40,
          backoff: () => new Promise((r) => setTimeout(r, Math.random() * 20)),
        }),
      ),
    );
    expect(outcomes.every((outcome) => outcome.eventCreated)).toBe(true);
    const registry = await readModelRegistry(repo.store, "churn");
    // Each promotion wrote its assignment; one that found higher versions active unassigned them first.
    const assignments = registry.events.filter((event) => !event.cancel);
    const unassignments = registry.events.filter((event) => event.cancel);
    expect(assignments.map((event) => event.record.version).sort()).toEqual(versions.map((version) => `v${version}`));
    expect(outcomes.reduce((sum, outcome) => sum + outcome.superseded.length, 0)).toBe(unassignments.length);
    expect(registry.events.map((event) => event.counter)).toEqual(
      Array.from({ length: registry.events.length }, (_, k) => k + 1),
    );
    expect(verifyEventChain(registry)).toEqual([]);
    // Whatever the interleaving, GTO's SemVer order and its time order name the same holder.
    expect(semverHolder(registry, "prod")?.record.version).toBe(currentAssignment(registry, "prod")?.record.version);
  }, 180_000);
});
