import { describe, expect, it } from "vitest";
import { evaluateExplanations } from "../../../shared/src/explain/evaluate-explanations.js";
import type { Explanations } from "../../../shared/src/explain/explanations.js";
import { renderReportMarkdown } from "../../../shared/src/report/render-report.js";
import { toResultJson } from "../../../shared/src/report/to-result-json.js";
import { expected } from "./support/load-fixtures.js";
import { explainedResult } from "./support/explained-result.js";

describe("evaluateGate with explanations", () => {
  it("adds the explanation summary and joins the policy's explanation checks to the gate's", async () => {
    const result = await explainedResult({ showExamples: true });
    expect(result.explanations?.features.map((f) => f.feature)).toEqual([
      "age",
      "support_calls",
      "tenure",
      "income",
      "discount",
    ]);
    // age: baseline rank 4 → candidate 1 (NumPy's ranks), beyond the allowed 1; tenure moved by 1.
    const age = result.checks.find((c) => c.name === "rank(age):max-rank-change")!;
    expect(age).toMatchObject({
      verdict: "fail",
      value: expected.candidate.age!.rank,
      baseline: expected.baseline.age!.rank,
      policy_line: 8,
    });
    expect(result.checks.find((c) => c.name === "rank(tenure):max-rank-change")).toMatchObject({ verdict: "pass" });
    expect(result.verdict).toBe("fail");
    expect(result.explanations?.changed_predictions?.examples?.map((e) => e.id)).toEqual(
      expected.largest.map((e) => e.id),
    );
  });

  it("names features present in one model only in a note, never silently", async () => {
    const result = await explainedResult({ showExamples: false });
    expect(result.notes).toContain(
      "The models' explanations name different features: 1 only in the candidate's (support_calls), 1 only in the baseline's (discount); their ranks are not compared.",
    );
  });

  it("keeps example ids out of the report and the result JSON without show-examples", async () => {
    const result = await explainedResult({ showExamples: false });
    const json = toResultJson(result, renderReportMarkdown(result));
    expect(json).not.toMatch(/c0\d\d/);
    expect(result.explanations?.changed_predictions).toEqual({
      output: "score",
      compared: 40,
      changed: expected.changed,
      max_abs_delta: expected.max_abs_delta,
    });
  });

  it("reports only, with no check, when the policy has no explanations section", async () => {
    const policy = "version: 1\nevaluate:\n  metrics:\n    roc_auc: { direction: higher, min: 0 }\n";
    const result = await explainedResult({ showExamples: false, policy });
    expect(result.checks.map((c) => c.rule)).toEqual(["min"]);
    expect(result.explanations?.top_k).toBe(10);
  });
});

describe("evaluateExplanations", () => {
  const local = (ids: string[] | null) => ({ features: ["a"], ids, rows: 2, values: [Float64Array.of(0.1, -0.3)] });
  const model = (name: string, ids: string[] | null): Explanations => ({
    input: "x",
    name,
    sha256: "0",
    global: new Map([["a", { meanAbs: 0.2, mean: -0.1 }]]),
    local: local(ids),
  });
  const paired = {
    output: "score" as const,
    ids: ["p1", "p2"],
    candidate: Float64Array.of(0.2, 0.9),
    baseline: Float64Array.of(0.2, 0.5),
  };

  it("says when per-example attributions share no id with the predictions, or have no id column", () => {
    const evaluation = evaluateExplanations(undefined, {
      candidate: model("c.csv", ["x1", "x2"]),
      baseline: model("b.csv", null),
      paired,
      showExamples: true,
    });
    expect(evaluation.notes).toEqual([
      "c.csv shares no example id with the predictions, so no example's reasons can be given from it.",
      "b.csv has no id column, so its per-example attributions cannot be matched to the predictions' examples.",
    ]);
    expect(evaluation.summary?.changed_predictions?.examples).toEqual([
      { id: "p2", baseline: 0.5, candidate: 0.9, delta: 0.9 - 0.5, candidate_reasons: null, baseline_reasons: null },
    ]);
  });

  it("passes on why examples cannot be listed when predictions were not paired by id", () => {
    const why = "The largest-changed predictions are not listed: both predictions files need the id column.";
    const evaluation = evaluateExplanations(undefined, {
      candidate: model("c.csv", ["p1", "p2"]),
      pairedUnavailable: why,
      showExamples: false,
    });
    expect(evaluation.notes).toEqual([why]);
    expect(evaluation.summary?.changed_predictions).toBeUndefined();
  });
});
