import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildModelHistory } from "../../../shared/src/registry/model-history.js";
import { promoteVersion } from "../../../shared/src/registry/promote-version.js";
import { readModelRegistry } from "../../../shared/src/registry/read-model-registry.js";
import type { GateRecord } from "../../../shared/src/registry/registry-records.js";
import { toRegistryShow } from "../../../shared/src/registry/version-page.js";
import { renderModelHistoryMarkdown, renderModelHistoryText } from "../../../shared/src/report/render-model-history.js";
import { renderSparkline } from "../../../shared/src/report/render-sparkline.js";
import { median } from "../../../shared/src/stats/median.js";
import { createLocalRepo } from "./local-git-fixture.js";
import type { LocalRepo } from "./local-git-fixture.js";

const DATA_A = "a".repeat(64);
const DATA_B = "b".repeat(64);
let repo: LocalRepo;
beforeEach(() => {
  repo = createLocalRepo();
});
afterEach(() => repo.remove());

const gate = (metrics: Record<string, number>, data: string | null): GateRecord => ({
  action: "evaluate-gate",
  key: "churn",
  verdict: "pass",
  run_url: null,
  metrics,
  ...(data === null ? {} : { subject: { model: "churn", eval_data_sha256: data } }),
});

async function promote(version: string, stage: string, gates: GateRecord[], minute: number) {
  const commit = repo.commit(version);
  await promoteVersion(repo.store, {
    model: "churn",
    stage,
    version: { explicit: version },
    commitSha: commit,
    artifacts: [{ name: "model.bin", bytes: Buffer.from(version) }],
    manifestSha256: null,
    metrics: {},
    gates,
    actor: "octocat",
    reason: null,
    runUrl: null,
    now: `2026-01-01T00:${String(minute).padStart(2, "0")}:00Z`,
  });
}

describe("buildModelHistory", () => {
  it("compares only versions evaluated on the candidate's data, lists the others apart with the reason, and takes the median", async () => {
    await promote("1.0.0", "prod", [gate({ auc: 0.95, f1: 0.9 }, DATA_A)], 1);
    await promote("1.1.0", "prod", [gate({ auc: 0.9 }, DATA_B)], 2);
    await promote("1.2.0", "prod", [gate({ auc: 0.94, f1: 0.88 }, DATA_A)], 3);
    await promote("1.3.0", "prod", [gate({ auc: 0.93, f1: 0.87 }, null)], 4);
    await promote("1.4.0", "prod", [gate({ auc: 0.92, f1: 0.86 }, DATA_A)], 5);
    const registry = await readModelRegistry(repo.store, "churn");
    const history = buildModelHistory(registry, {
      stage: "prod",
      window: 3,
      metrics: ["auc", "f1"],
      candidateEvalData: DATA_A,
    });
    expect(history.comparable.map((v) => [v.version, v.values])).toEqual([
      ["v1.0.0", { auc: 0.95, f1: 0.9 }],
      ["v1.2.0", { auc: 0.94, f1: 0.88 }],
      ["v1.4.0", { auc: 0.92, f1: 0.86 }],
    ]);
    expect(history.apart).toEqual([
      { version: "v1.3.0", reason: "no digest of its evaluation data was recorded" },
      { version: "v1.1.0", reason: `evaluated on other data (sha256:${"b".repeat(12)})` },
    ]);
    expect(history.median).toEqual({ auc: 0.94, f1: 0.88 });
    expect(history.shortfall).toBeNull();
  });

  it("says so when fewer comparable versions exist than asked for, and when no version held the stage", async () => {
    await promote("1.0.0", "prod", [gate({ auc: 0.95 }, DATA_A)], 1);
    await promote("1.1.0", "prod", [gate({ auc: 0.94 }, DATA_A)], 2);
    const registry = await readModelRegistry(repo.store, "churn");
    expect(
      buildModelHistory(registry, { stage: "prod", window: 5, metrics: ["auc"], candidateEvalData: DATA_A }).shortfall,
    ).toBe("Only 2 of the 2 versions that held prod are comparable; the history asks for 5.");
    expect(buildModelHistory(registry, { stage: "staging", window: 5, metrics: ["auc"] }).shortfall).toBe(
      "No version has held staging yet; the history asks for 5.",
    );
    const none = buildModelHistory(registry, { stage: "prod", window: 5, metrics: ["auc"], candidateEvalData: null });
    expect(none.comparable).toEqual([]);
    expect(none.apart.map((a) => a.reason)).toEqual([
      "the candidate's evaluation data has no digest to compare with (eval-data names it)",
      "the candidate's evaluation data has no digest to compare with (eval-data names it)",
    ]);
  });

  it("reads a second stage's own gates, not those the version was registered with", async () => {
    await promote("1.0.0", "staging", [gate({ auc: 0.8 }, DATA_B)], 1);
    const commit = (await readModelRegistry(repo.store, "churn")).versions[0]!.commitSha;
    await promoteVersion(repo.store, {
      model: "churn",
      stage: "prod",
      version: { explicit: "1.0.0" },
      commitSha: commit,
      artifacts: [{ name: "model.bin", bytes: Buffer.from("1.0.0") }],
      manifestSha256: null,
      metrics: {},
      gates: [gate({ auc: 0.91 }, DATA_A)],
      actor: "octocat",
      reason: null,
      runUrl: null,
      now: "2026-01-01T00:09:00Z",
    });
    const registry = await readModelRegistry(repo.store, "churn");
    const history = buildModelHistory(registry, {
      stage: "prod",
      window: 5,
      metrics: ["auc"],
      candidateEvalData: DATA_A,
    });
    expect(history.comparable.map((v) => [v.version, v.values.auc, v.eval_data_sha256])).toEqual([
      ["v1.0.0", 0.91, DATA_A],
    ]);
    // registry show: each stage's own history, compared with the latest holder's data.
    const show = toRegistryShow(registry, 5);
    expect(show.history.map((h) => [h.stage, h.comparable.map((v) => v.values.auc)])).toEqual([
      ["prod", [0.91]],
      ["staging", [0.8]],
    ]);
  });

  it("renders the table with the candidate, the median, the sparkline and the versions apart", async () => {
    await promote("1.0.0", "prod", [gate({ auc: 0.95 }, DATA_A)], 1);
    await promote("1.1.0", "prod", [gate({ auc: 0.9 }, DATA_B)], 2);
    await promote("1.2.0", "prod", [gate({ auc: 0.93 }, DATA_A)], 3);
    const history = buildModelHistory(await readModelRegistry(repo.store, "churn"), {
      stage: "prod",
      window: 3,
      metrics: ["auc"],
      candidateEvalData: DATA_A,
    });
    const markdown = renderModelHistoryMarkdown(history, {
      candidate: { auc: 0.91 },
      rule: { auc: { verdict: "fail", threshold: 0.01 } },
    });
    expect(markdown).toBe(
      [
        `#### History of prod: last 2 of 3 comparable versions (evaluation data sha256:${"a".repeat(12)})`,
        "",
        "| metric | v1.0.0 | v1.2.0 | median | candidate | trend | median rule |",
        "|---|---:|---:|---:|---:|---:|---:|",
        "| auc | 0.95 | 0.93 | 0.94 | 0.91 | █▅▁ | fail (at most 0.01 worse than the median) |",
        "",
        "_Only 2 of the 3 versions that held prod are comparable; the history asks for 3._",
        "",
        "Not compared (other evaluation data, or none recorded):",
        "",
        `- v1.1.0: evaluated on other data \\(sha256:${"b".repeat(12)}\\)`,
        "",
      ].join("\n"),
    );
    expect(renderModelHistoryText(history)).toBe(
      [
        `  history of prod: last 2 of 3 comparable versions (evaluation data sha256:${"a".repeat(12)})`,
        "    metric  v1.0.0  v1.2.0  median  trend",
        "    auc       0.95    0.93    0.94     █▁",
        "    Only 2 of the 3 versions that held prod are comparable; the history asks for 3.",
        `    not compared: v1.1.0: evaluated on other data (sha256:${"b".repeat(12)})`,
        "",
      ].join("\n"),
    );
  });
});

describe("renderSparkline", () => {
  it("scales a positive metric between its own extremes so a slow slide shows", () => {
    expect(renderSparkline([0.95, 0.94, 0.93, 0.92])).toBe("█▆▃▁");
  });
  it("scales a signed metric from zero", () => {
    expect(renderSparkline([-1, 0, 1])).toBe("▁▅█");
    expect(renderSparkline([-0.5, -0.25])).toBe("▁▅");
  });
  it("draws the middle block for equal values and a space for a missing one", () => {
    expect(renderSparkline([2, null, 2])).toBe("▄ ▄");
    expect(renderSparkline([null])).toBe("");
  });
});

describe("median", () => {
  it("is numpy.median: the middle value, or the mean of the two middle values", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeUndefined();
  });
});
