import { describe, expect, it } from "vitest";
import { PolicyError } from "../../../shared/src/core/modelgate-error.js";
import { evaluateShadow } from "../../../shared/src/shadow/evaluate-shadow.js";
import { parsePolicy } from "../../../shared/src/policy/parse-policy.js";
import { computePercentileRatios } from "../../../shared/src/stats/percentile-ratio-bootstrap.js";
import { expected } from "./support/load-fixtures.js";
import { fixtureComparison } from "./support/fixture-comparison.js";

const provenance = { file: "modelgate.yml", sha256: "p".repeat(64), source: "file" as const };
const policy = (shadow: string) => parsePolicy(`version: 1\nmodel: churn\nshadow:\n${shadow}`, "modelgate.yml");

// The fixture (pandas): coverage 0.95167, flip rate 0.09632, "br" flips 15 of 60 = 0.25, accuracy 0.61758 → 0.62233,
// latency p95 75.52 → 83.54 ms (ratio 1.106).
describe("evaluateShadow", async () => {
  const comparison = await fixtureComparison();

  it("passes rules the fixture meets and fails those it breaks, failures first", () => {
    const result = evaluateShadow({
      policy: policy(
        "  min-coverage: 0.95\n  max-flip-rate: 0.05\n  max-accuracy-drop: 0.01\n  max-slice-flip-rate: 0.2\n",
      ),
      policyProvenance: provenance,
      comparison,
    });
    expect(result.verdict).toBe("fail");
    expect(result.checks.map((c) => `${c.name}=${c.verdict}`)).toEqual([
      "flip_rate:max-flip-rate=fail",
      "slice_flip_rate:max-slice-flip-rate=fail",
      "requests:min-requests=pass",
      "coverage:min-coverage=pass",
      "accuracy:max-accuracy-drop=pass",
    ]);
    expect(result.checks.find((c) => c.metric === "coverage")?.value).toBeCloseTo(expected.coverage, 12);
    expect(result.checks.find((c) => c.metric === "slice_flip_rate")?.message).toMatch(
      /country = "br" \(60 requests\), flips 25%; the maximum is 20%/,
    );
    const accuracy = result.checks.find((c) => c.metric === "accuracy")!;
    expect(accuracy.p_value).toBeCloseTo(expected.mcnemar_pvalue, 10);
    expect([accuracy.value, accuracy.baseline]).toEqual([expected.shadow_accuracy, expected.production_accuracy]);
    expect(result.outputs).toEqual({ agreement: String(expected.agreement), coverage: String(expected.coverage) });
  });

  it("fails on too little data even when every rule passes", () => {
    const result = evaluateShadow({
      policy: policy("  min-requests: 1000\n  min-coverage: 0.5\n"),
      policyProvenance: provenance,
      comparison,
    });
    expect(result.verdict).toBe("fail");
    expect(result.checks[0]?.message).toMatch(/Only 571 requests .* min-requests is 1000/);
  });

  it("decides the p95 latency rule on the bootstrap interval of the ratio: 1.106 fails +1%, passes +25%", () => {
    const tight = evaluateShadow({
      policy: policy("  max-latency-p95-regression-pct: 1\n"),
      policyProvenance: provenance,
      comparison,
    });
    const loose = evaluateShadow({
      policy: policy("  max-latency-p95-regression-pct: 25\n"),
      policyProvenance: provenance,
      comparison,
    });
    const check = (r: typeof tight) => r.checks.find((c) => c.metric === "latency_p95")!;
    expect(check(tight).verdict).toBe("fail");
    expect(check(loose).verdict).toBe("pass");
    expect(check(loose).effect_size).toBeCloseTo(expected.latency.p95!.shadow / expected.latency.p95!.production, 12);
    expect(check(loose).ci![0]).toBeLessThan(check(loose).effect_size!);
  });

  it("reports a rule the logs cannot support as NODATA, failing without a scorecard", async () => {
    const noScores = { ...comparison, distribution: {} };
    const result = evaluateShadow({
      policy: policy("  max-score-psi: 0.1\n"),
      policyProvenance: provenance,
      comparison: noScores,
    });
    const check = result.checks.find((c) => c.metric === "score_psi")!;
    expect(check.nodata).toBe(true);
    expect(check.verdict).toBe("fail");
  });

  it("judges latency with Kayenta's Mann–Whitney classifier when latency-judge is kayenta", async () => {
    const kayenta = await fixtureComparison("kayenta");
    const result = evaluateShadow({
      policy: policy("  latency-judge: kayenta\n"),
      policyProvenance: provenance,
      comparison: kayenta,
    });
    const check = result.checks.find((c) => c.rule === "latency-judge")!;
    expect(check.method).toBe("kayenta-mann-whitney");
    // A 10% slowdown of every request: the interval of the shift lies above ±0.25·|estimate|.
    expect(check.message).toMatch(/classifies the shadow.s latency as HIGH/);
    expect(check.verdict).toBe("fail");
  });

  it("throws PolicyError without a shadow: section", () => {
    const bare = parsePolicy("version: 1\nmodel: churn\n", "modelgate.yml");
    expect(() => evaluateShadow({ policy: bare, policyProvenance: provenance, comparison })).toThrow(PolicyError);
  });

  describe("with constant latencies", () => {
    const latencyComparison = (production: number, shadow: number) => ({
      ...comparison,
      latency: {
        judge: "bootstrap" as const,
        compared: 50,
        ratios: computePercentileRatios(new Float64Array(50).fill(production), new Float64Array(50).fill(shadow), {
          percents: [50, 95, 99],
          resamples: 200,
          seed: 0,
        }),
      },
    });
    const judge = (production: number, shadow: number) =>
      evaluateShadow({
        policy: policy("  max-latency-p95-regression-pct: 10\n"),
        policyProvenance: provenance,
        comparison: latencyComparison(production, shadow),
      }).checks.find((c) => c.metric === "latency_p95")!;

    it("decides on the zero-width interval at the ratio: 110 vs 100 ms passes +10%, 120 fails", () => {
      expect(judge(100, 110)).toMatchObject({ verdict: "pass", ci: [1.1, 1.1], effect_size: 1.1 });
      expect(judge(100, 120)).toMatchObject({ verdict: "fail", ci: [1.2, 1.2], effect_size: 1.2 });
    });

    it("passes two all-zero logs (ratio 1) and fails a shadow slower than an all-zero production, never NODATA", () => {
      const same = judge(0, 0);
      expect(same).toMatchObject({ verdict: "pass", ci: [1, 1] });
      expect(same.nodata).toBeUndefined();
      const slower = judge(0, 5);
      expect(slower).toMatchObject({ verdict: "fail", value: 5, baseline: 0 });
      expect(slower.nodata).toBeUndefined();
      expect(slower.ci).toBeUndefined();
      expect(slower.message).toMatch(/production's p95 is 0 on every resample .* slower by more than any factor/);
    });
  });
});
