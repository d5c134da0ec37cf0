import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PolicyError } from "../../../shared/src/core/modelgate-error.js";
import { decideHistoryMedian } from "../../../shared/src/evaluate/decide-history-median.js";
import type { EvaluatePolicy } from "../../../shared/src/evaluate/evaluate-policy-schema.js";
import type { GateResult } from "../../../shared/src/evaluate/gate-result.js";
import { promoteVersion } from "../../../shared/src/registry/promote-version.js";
import { renderEvaluateMarkdown } from "../../../shared/src/report/render-evaluate-markdown.js";
import { renderEvaluateText } from "../../../shared/src/report/render-evaluate-text.js";
import { addModelHistory } from "../../../shared/src/use-cases/add-model-history.js";
import { createLocalRepo } from "../registry/local-git-fixture.js";
import type { LocalRepo } from "../registry/local-git-fixture.js";

const DATA = "d".repeat(64);
let repo: LocalRepo;
beforeEach(() => {
  repo = createLocalRepo();
});
afterEach(() => repo.remove());

async function promote(version: string, auc: number, minute: number, data = DATA) {
  await promoteVersion(repo.store, {
    model: "churn",
    stage: "production",
    version: { explicit: version },
    commitSha: repo.commit(version),
    artifacts: [{ name: "model.bin", bytes: Buffer.from(version) }],
    manifestSha256: null,
    metrics: {},
    actor: "octocat",
    reason: null,
    runUrl: null,
    now: `2026-01-01T00:0${minute}:00Z`,
    gates: [
      {
        action: "evaluate-gate",
        key: "churn",
        verdict: "pass",
        run_url: null,
        metrics: { auc },
        subject: { model: "churn", eval_data_sha256: data },
      },
    ],
  });
}

function result(auc: number, data: string | null = DATA): GateResult {
  return {
    action: "evaluate-gate",
    key: "churn",
    verdict: "pass",
    ungated: [],
    notes: [],
    files: { candidate: "c.json", baseline: "b.json" },
    subject: { model: "churn", ...(data !== null ? { eval_data_sha256: data } : {}) },
    policy: { file: "modelgate.yml", sha256: "0".repeat(64), source: "local" },
    checks: [
      {
        name: "auc:min",
        metric: "auc",
        rule: "min",
        verdict: "pass",
        value: auc,
        baseline: null,
        delta: null,
        delta_pct: null,
        threshold: 0.5,
        message: "ok",
      },
    ],
  } as unknown as GateResult;
}

const policy = (history: EvaluatePolicy["history"]): EvaluatePolicy => ({
  metrics: { auc: { direction: "higher", min: 0.5 } },
  history,
});

describe("addModelHistory", () => {
  it("fails the gate when the candidate falls more than X below the median of the last N comparable versions", async () => {
    await promote("1.0.0", 0.95, 1);
    await promote("1.1.0", 0.94, 2);
    await promote("1.2.0", 0.93, 3);
    const rule = policy({ stage: "production", versions: 3, "max-below-median": { auc: 0.005 } });
    const slid = await addModelHistory(result(0.93), rule, "churn", async () => repo.store);
    expect(slid.verdict).toBe("fail");
    expect(slid.checks[0]).toMatchObject({
      name: "auc:max-below-median",
      verdict: "fail",
      value: 0.93,
      baseline: 0.94,
      threshold: 0.005,
    });
    expect(slid.checks[0]!.message).toBe(
      "auc 0.93 is 0.01 below the median 0.94 of the last 3 comparable versions; at most 0.005 is allowed.",
    );
    expect(slid.history?.comparable.map((v) => v.version)).toEqual(["v1.0.0", "v1.1.0", "v1.2.0"]);
    expect(slid.history?.candidate).toEqual({ auc: 0.93 });
    const markdown = renderEvaluateMarkdown(slid);
    expect(markdown).toContain("#### History of production: last 3 of 3 comparable versions");
    expect(markdown).toContain(
      "| auc | 0.95 | 0.94 | 0.93 | 0.94 | 0.93 | █▄▁▁ | fail (at most 0.005 worse than the median) |",
    );
    expect(markdown).toContain(
      "| Compare with the versions in the history table: auc has slid below what the stage usually held; find what the recent retrains lost (data, features, parameters) before merging. |",
    );
    const held = await addModelHistory(result(0.936), rule, "churn", async () => repo.store);
    expect(held.verdict).toBe("pass");
  });

  it("decides against the median only over versions on the same evaluation data, and says when there are fewer than N", async () => {
    await promote("1.0.0", 0.99, 1, "e".repeat(64));
    await promote("1.1.0", 0.9, 2);
    const out = await addModelHistory(
      result(0.9),
      policy({ stage: "production", "max-below-median": { auc: 0 } }),
      "churn",
      async () => repo.store,
    );
    expect(out.verdict).toBe("pass");
    expect(out.history?.apart).toEqual([
      { version: "v1.0.0", reason: `evaluated on other data (sha256:${"e".repeat(12)})` },
    ]);
    expect(out.notes).toContain(
      "History: Only 1 of the 2 versions that held production is comparable; the history asks for 5.",
    );
    // The note shows once in each report, among the notes above, not again in the history section.
    const shortfall = "Only 1 of the 2 versions that held production is comparable; the history asks for 5.";
    for (const report of [renderEvaluateMarkdown(out), renderEvaluateText(out)]) {
      expect(report.split(shortfall)).toHaveLength(2);
      expect(report).toMatch(/history of production: last 1 of 5 comparable versions/i);
    }
  });

  it("fails closed when no comparable version has the metric, and refuses a rule on a metric the gate does not judge", async () => {
    await promote("1.0.0", 0.95, 1);
    const noDigest = await addModelHistory(
      result(0.95, null),
      policy({ stage: "production", "max-below-median": { auc: 0.01 } }),
      "churn",
      async () => repo.store,
    );
    expect(noDigest.verdict).toBe("fail");
    expect(noDigest.checks[0]!.message).toContain("there is no median to compare with");
    expect(renderEvaluateMarkdown(noDigest)).toContain(
      "Name the evaluation data with eval-data, as the stage's versions did, so the history has a median to compare with; or remove the rule in modelgate.yml on the base branch.",
    );
    await expect(
      addModelHistory(
        result(0.95),
        policy({ stage: "production", "max-below-median": { f1: 0.01 } }),
        "churn",
        async () => repo.store,
      ),
    ).rejects.toBeInstanceOf(PolicyError);
    await expect(
      addModelHistory(result(0.95), policy({ stage: "production" }), "churn", undefined),
    ).rejects.toBeInstanceOf(PolicyError);
  });
});

describe("decideHistoryMedian", () => {
  it("reads worse as above the median for a lower-is-better metric", () => {
    const base = { metric: "latency", direction: "lower" as const, median: 100, comparable: 4, threshold: 5 };
    expect(decideHistoryMedian({ ...base, candidate: 105 }).verdict).toBe("pass");
    expect(decideHistoryMedian({ ...base, candidate: 106 }).verdict).toBe("fail");
    expect(decideHistoryMedian({ ...base, candidate: 90 }).message).toBe(
      "latency 90 is not above the median 100 of the last 4 comparable versions.",
    );
  });
});
