import { describe, expect, it } from "vitest";
import type { Predictions } from "../../../shared/src/data/predictions/predictions.js";
import type { MetricsFile } from "../../../shared/src/data/metrics/read-metrics-file.js";
import { PolicyError } from "../../../shared/src/core/modelgate-error.js";
import { computePredictionMetrics } from "../../../shared/src/evaluate/compute-prediction-metrics.js";
import { evaluateGate } from "../../../shared/src/evaluate/evaluate-gate.js";
import { sliceColumnsOf } from "../../../shared/src/evaluate/evaluate-slices.js";
import { parsePolicy } from "../../../shared/src/policy/parse-policy.js";

const provenance = { file: "modelgate.yml", sha256: "p".repeat(64), source: "file" as const };

/**
 * 100 examples: region EU (40), US (40), APAC (20, below the minimum of 30); plan basic/pro alternating.
 * Labels all 1. The baseline is right everywhere; the candidate is wrong on 8 EU examples only, so its EU
 * accuracy is 32/40 = 0.8 (Δ −0.2), US 1.0 (Δ 0), APAC 1.0, overall 92/100.
 */
function build(name: string, wrong: (row: number) => boolean): Predictions {
  const region = Array.from({ length: 100 }, (_, i) => (i < 40 ? "EU" : i < 80 ? "US" : "APAC"));
  const plan = Array.from({ length: 100 }, (_, i) => (i % 2 === 0 ? "basic" : "pro"));
  return {
    task: "classification",
    input: `${name}-predictions`,
    name: `${name}.csv`,
    sha256: name.padEnd(64, "0"),
    rows: 100,
    labels: new Float64Array(100).fill(1),
    predictions: Float64Array.from({ length: 100 }, (_, i) => (wrong(i) ? 0 : 1)),
    warnings: [],
    slices: new Map<string, readonly string[]>([
      ["region", region],
      ["plan", plan],
    ]),
  };
}
const CANDIDATE = build("candidate", (i) => i < 8);
const BASELINE = build("baseline", () => false);
const metricsOf = (p: Predictions): MetricsFile => ({
  name: p.name,
  sha256: p.sha256,
  values: computePredictionMetrics(p).metrics,
});

function judge(
  slices: string,
  evaluation: { candidate: Predictions; baseline?: Predictions } | null = { candidate: CANDIDATE, baseline: BASELINE },
) {
  const policy = parsePolicy(
    `version: 1\nevaluate:\n  metrics:\n    accuracy: { direction: higher, max-regression: 0.1 }\n${slices}`,
    "modelgate.yml",
  );
  return evaluateGate({
    policy,
    policyProvenance: provenance,
    candidate: metricsOf(CANDIDATE),
    baseline: metricsOf(BASELINE),
    ...(evaluation && { evaluation }),
  });
}

describe("evaluateGate with slices", () => {
  it("fails on the one slice that regressed while the whole set passes, and lists it first", () => {
    const result = judge("  slices: [{ column: region }]\n");
    expect(result.checks.find((c) => c.name === "accuracy:max-regression")).toMatchObject({
      verdict: "pass",
      value: 0.92,
      baseline: 1,
    });
    expect(result.verdict).toBe("fail");
    expect(result.checks[0]).toMatchObject({
      name: "accuracy:max-regression[region=EU]",
      slice: "region=EU",
      verdict: "fail",
      value: 0.8,
      baseline: 1,
    });
    expect(result.checks[0]!.delta).toBeCloseTo(-0.2, 12);
    expect(result.slices!.map((s) => [s.slice, s.rows, s.gated, s.verdict])).toEqual([
      ["region=EU", 40, true, "fail"],
      ["region=US", 40, true, "pass"],
      ["region=APAC", 20, false, "pass"],
    ]);
  });

  it("reports a slice below min-size with its metrics but no check", () => {
    const result = judge("  slices: [{ column: region }]\n");
    expect(result.checks.some((c) => c.slice === "region=APAC")).toBe(false);
    expect(result.slices!.find((s) => s.slice === "region=APAC")!.metrics).toEqual([
      { metric: "accuracy", value: 1, baseline: 1, delta: 0, delta_pct: 0 },
    ]);
    expect(result.notes).toContain("1 slice is smaller than the minimum size and reported without gating.");
  });

  it("crosses columns, honours a per-slice min-size and per-slice rules", () => {
    // EU × basic holds rows 0,2,…,38: 20 examples, 4 of them wrong → 0.8.
    const result = judge(
      "  slices:\n    - column: [region, plan]\n      min-size: 20\n      metrics: { accuracy: { direction: higher, max-regression: 0.25 } }\n",
    );
    expect(result.slices!.map((s) => s.slice).sort()).toEqual([
      "region=APAC, plan=basic",
      "region=APAC, plan=pro",
      "region=EU, plan=basic",
      "region=EU, plan=pro",
      "region=US, plan=basic",
      "region=US, plan=pro",
    ]);
    expect(result.checks.find((c) => c.slice === "region=EU, plan=basic")).toMatchObject({
      verdict: "pass",
      value: 0.8,
      threshold: 0.25,
    });
    expect(result.slices!.filter((s) => !s.gated).map((s) => s.slice)).toEqual([
      "region=APAC, plan=basic",
      "region=APAC, plan=pro",
    ]);
  });

  it("needs predictions to slice, and says so", () => {
    expect(() => judge("  slices: [{ column: region }]\n", null)).toThrow(PolicyError);
    expect(() => judge("  slices: [{ column: region }]\n", null)).toThrow(/needs the candidate's predictions/);
  });

  it("names each sliced column once for the reader", () => {
    const policy = parsePolicy(
      "version: 1\nevaluate:\n  metrics: { accuracy: { direction: higher, min: 0 } }\n  slices: [{ column: region }, { column: [region, plan] }]\n",
      "modelgate.yml",
    );
    expect(sliceColumnsOf(policy.evaluate)).toEqual(["region", "plan"]);
  });
});
