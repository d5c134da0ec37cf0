import { describe, expect, it } from "vitest";
import { searchSlices } from "../../../../shared/src/evaluate/slice-search/search-slices.js";
import { evaluateGate } from "../../../../shared/src/evaluate/evaluate-gate.js";
import { computePredictionMetrics } from "../../../../shared/src/evaluate/compute-prediction-metrics.js";
import { parsePolicy } from "../../../../shared/src/policy/parse-policy.js";
import type { EvaluatePolicy } from "../../../../shared/src/evaluate/evaluate-policy-schema.js";
import type { Predictions } from "../../../../shared/src/data/predictions/predictions.js";
import { synthetic } from "./synthetic-predictions.js";
import { renderEvaluateMarkdown } from "../../../../shared/src/report/render-evaluate-markdown.js";
import { renderEvaluateText } from "../../../../shared/src/report/render-evaluate-text.js";
import { RULE_P_MEANING, SLICE_P_MEANING } from "../../../../shared/src/report/format-evidence.js";
import { escapeMarkdown } from "../../../../shared/src/report/escape-markdown.js";

const provenance = { file: "modelgate.yml", sha256: "p".repeat(64), source: "file" as const };

function policyOf(search: string, metrics = "accuracy: { direction: higher, max-regression: 0.02 }"): EvaluatePolicy {
  const policy = parsePolicy(`version: 1\nevaluate:\n  metrics:\n    ${metrics}\n${search}`, "modelgate.yml");
  return policy.evaluate as EvaluatePolicy;
}

// Candidate errs on 40% of a=a2 ∧ b=b1 (about 330 of 4,000 examples) where both models otherwise err on 10%.
const PLANTED = synthetic(7, 4000, 0.1, { where: (a, b) => a === "a2" && b === "b1", rate: 0.4 });

describe("searchSlices", () => {
  it("finds and names a regression planted in one two-predicate slice, worst first", () => {
    const { summary } = searchSlices(policyOf(""), PLANTED, "modelgate.yml")!;
    expect(summary?.slices[0]?.slice).toBe("a=a2, b=b1");
    expect(summary?.slices[0]?.significant).toBe(true);
    expect(summary?.slices[0]?.predicates).toEqual(["a=a2", "b=b1"]);
    // Both models' accuracy on the slice, and the change between them.
    const top = summary!.slices[0]!;
    expect(top.delta).toBeCloseTo(top.value - top.baseline, 12);
    expect(top.value).toBeLessThan(0.7);
    expect(top.baseline).toBeGreaterThan(0.85);
    // No slice disjoint from the planted one is a finding.
    const found = summary!.slices.filter((s) => s.significant);
    for (const s of found) expect(s.predicates.some((p) => p === "a=a2" || p === "b=b1")).toBe(true);
  });

  it("counts the family from the features alone: every slice of the minimum size, the same whatever the outcomes", () => {
    const planted = searchSlices(policyOf(""), PLANTED, "modelgate.yml")!.summary!;
    const null0 = synthetic(7, 4000, 0.1);
    const none = searchSlices(policyOf(""), null0, "modelgate.yml")!.summary!;
    // Same seed, so the same features: a (4) + b (3) + c (3) + x (5 quantile bins) = 15 one-predicate slices and
    // 4·3 + 4·3 + 4·5 + 3·3 + 3·5 + 3·5 = 83 pairs, all above 100 examples at 4,000 rows.
    expect(planted.family_by_depth).toEqual([15, 83]);
    expect(none.family_by_depth).toEqual([15, 83]);
    expect(planted.family).toBe(98);
    expect(planted.method).toBe("t-test-holm");
  });

  it("keeps the false-finding rate within α + 2 SE over 200 seeds when nothing is planted", () => {
    // Margin 0: the null hypothesis holds with equality, the hardest case for the level.
    const policy = policyOf("  slice-search: { min-size: 20, margin: 0 }");
    let findings = 0;
    const seeds = 200;
    for (let seed = 1; seed <= seeds; seed++) {
      const { summary } = searchSlices(policy, synthetic(1000 + seed, 300, 0.2), "modelgate.yml")!;
      if (summary!.found > 0) findings++;
    }
    const alpha = 0.05;
    expect(findings / seeds).toBeLessThanOrEqual(alpha + 2 * Math.sqrt((alpha * (1 - alpha)) / seeds));
  });

  it("tests against the margin, not zero: a regression within the margin is no finding", () => {
    const small = synthetic(11, 4000, 0.1, { where: (a, b) => a === "a2" && b === "b1", rate: 0.14 });
    const generous = searchSlices(
      policyOf("", "accuracy: { direction: higher, max-regression: 0.2 }"),
      small,
      "modelgate.yml",
    )!.summary!;
    expect(generous.margin).toBe(0.2);
    expect(generous.margin_source).toBe("evaluate.metrics.accuracy.max-regression");
    expect(generous.found).toBe(0);
    const zero = searchSlices(policyOf("  slice-search: { margin: 0 }"), PLANTED, "modelgate.yml")!.summary!;
    expect(zero.margin_source).toBe("evaluate.slice-search.margin");
  });

  it("searches three-predicate conjunctions when depth is 3", () => {
    const summary = searchSlices(
      policyOf("  slice-search: { depth: 3, min-size: 30 }"),
      PLANTED,
      "modelgate.yml",
    )!.summary!;
    expect(summary.family_by_depth).toHaveLength(3);
    expect(summary.family_by_depth[2]).toBeGreaterThan(0);
    expect(summary.slices[0]?.significant).toBe(true);
  });

  it("does not run when turned off, without features, or without baseline predictions unless asked", () => {
    expect(searchSlices(policyOf("  slice-search: false"), PLANTED, "modelgate.yml")).toBeUndefined();
    const bare: Predictions = { ...PLANTED.candidate, features: new Map() };
    expect(
      searchSlices(policyOf(""), { candidate: bare, baseline: PLANTED.baseline }, "modelgate.yml"),
    ).toBeUndefined();
    expect(searchSlices(policyOf(""), { candidate: PLANTED.candidate }, "modelgate.yml")).toBeUndefined();
    const asked = searchSlices(
      policyOf("  slice-search: { depth: 1 }"),
      { candidate: PLANTED.candidate },
      "modelgate.yml",
    );
    expect(asked?.summary).toBeUndefined();
    expect(asked?.notes[0]).toMatch(/needs baseline predictions/);
  });

  it("ranks by log loss and says so when the gate's metric does not decompose per example", () => {
    const scored = (p: Predictions): Predictions => ({
      ...p,
      scores: Float64Array.from(p.predictions, (v) => (v === 1 ? 0.8 : 0.3)),
    });
    const evaluation = { candidate: scored(PLANTED.candidate), baseline: scored(PLANTED.baseline) };
    const outcome = searchSlices(
      policyOf("", "roc_auc: { direction: higher, max-regression: 0.01 }"),
      evaluation,
      "modelgate.yml",
    )!;
    expect(outcome.summary?.loss).toBe("log-loss");
    expect(outcome.summary?.metric).toBe("log_loss");
    expect(outcome.notes.join(" ")).toMatch(/roc_auc does not decompose per example.*log loss/);
    expect(outcome.notes.join(" ")).toMatch(/margin of 0/);
  });

  it("refuses a loss the predictions cannot give, naming the policy key", () => {
    expect(() => searchSlices(policyOf("  slice-search: { loss: brier }"), PLANTED, "modelgate.yml")).toThrow(
      /evaluate.slice-search.loss is brier.*no score column/,
    );
  });
});

describe("evaluateGate with the slice search", () => {
  const metricsOf = (p: Predictions) => ({
    name: p.name,
    sha256: p.sha256,
    values: computePredictionMetrics(p).metrics,
  });
  const gate = (search: string) =>
    evaluateGate({
      policy: { evaluate: policyOf(search) },
      policyProvenance: provenance,
      candidate: metricsOf(PLANTED.candidate),
      baseline: metricsOf(PLANTED.baseline),
      evaluation: PLANTED,
    });

  it("warns by default on a significant finding, marked found automatically", () => {
    const result = gate("");
    const check = result.checks.find((c) => c.slice?.startsWith("found:"));
    expect(check?.verdict).toBe("warn");
    expect(check?.name).toBe("accuracy:max-regression[found: a=a2, b=b1]");
    expect(check?.message).toMatch(/^Found automatically: on a=a2, b=b1/);
    expect(result.slice_search?.found).toBeGreaterThan(0);
  });

  it("fails on a significant finding when on-finding is fail", () => {
    const result = gate("  slice-search: { on-finding: fail }");
    expect(result.verdict).toBe("fail");
    expect(result.checks.find((c) => c.slice?.startsWith("found:"))?.verdict).toBe("fail");
  });
});

describe("the report of a slice search finding", () => {
  const gate = () =>
    evaluateGate({
      policy: { evaluate: policyOf("") },
      policyProvenance: provenance,
      candidate: { name: "c.csv", sha256: "c".repeat(64), values: computePredictionMetrics(PLANTED.candidate).metrics },
      baseline: { name: "b.csv", sha256: "b".repeat(64), values: computePredictionMetrics(PLANTED.baseline).metrics },
      evaluation: PLANTED,
    });

  it("says what a found slice's p measures, and not the meaning of an interval rule's p, which it does not have", () => {
    const result = gate();
    expect(result.checks.some((c) => c.ci !== undefined)).toBe(false);
    const reasons = renderEvaluateMarkdown(result).split("<summary>Why each check decided</summary>")[1]!;
    expect(reasons).toContain(`_${escapeMarkdown(SLICE_P_MEANING, 300)}._`);
    expect(reasons).not.toContain(escapeMarkdown(RULE_P_MEANING, 300));
    const text = renderEvaluateText(result);
    expect(text).toContain(SLICE_P_MEANING);
    expect(text).not.toContain(RULE_P_MEANING);
  });
});
