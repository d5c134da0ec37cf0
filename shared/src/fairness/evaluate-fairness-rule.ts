import { formatPair } from "../core/format-number.js";
import type { FairnessCheck } from "./bias-result.js";
import { isAtLeast, isAtMost } from "../core/compare-within-tolerance.js";
import { computeChange } from "../core/compute-change.js";
import type { Verdict } from "../core/verdict.js";
import type { FairnessRule, FairnessRuleName } from "./fairness-policy-schema.js";
import type { MetricAssessment } from "./assess-fairness.js";
import { toUnfairness } from "./to-unfairness.js";
import type { FairnessMetric } from "./fairness-metrics.js";

/**
 * The checks of one `fairness.metrics` rule on one grouping: `min`/`max` bound the candidate's value (or, with
 * `gate-on: ci`, its interval limit on the unfair side: the lower limit for `min`, the upper for `max`), inclusive
 * with contract §3's tolerance; `max-regression` fails and `warn-regression` warns when the candidate is less fair
 * than the baseline by more than the bound (`toUnfairness`). An undefined value or interval — the candidate's, or
 * the baseline's for a regression rule — cannot decide: fail with the reason.
 */
export function evaluateFairnessRule(
  metric: FairnessMetric,
  rule: FairnessRule,
  grouping: string,
  candidate: MetricAssessment,
  baseline: MetricAssessment | undefined,
  hasBaseline: boolean,
): FairnessCheck[] {
  const checks: FairnessCheck[] = [];
  const name = `${candidate.label} [${grouping}]`;
  const base = baseline?.value ?? null;
  const change = computeChange(candidate.value, base);
  const ci = candidate.interval?.ok
    ? ([candidate.interval.low, candidate.interval.high] as [number, number])
    : undefined;
  const make = (
    ruleName: FairnessRuleName,
    threshold: number,
    verdict: Verdict,
    message: string,
    gateOn: "point" | "ci" = "point",
  ): FairnessCheck => ({
    name: `${name}:${ruleName}`,
    metric: name,
    rule: ruleName,
    verdict,
    value: candidate.value,
    baseline: base,
    ...change,
    threshold,
    message,
    grouping,
    gate_on: gateOn,
    ...(ci && { ci }),
    ...(gateOn === "ci" && { method: "bootstrap-percentile (stratified)" }),
  });
  for (const bound of ["min", "max"] as const) {
    const threshold = rule[bound];
    if (threshold === undefined) continue;
    if (candidate.value === null) {
      checks.push(make(bound, threshold, "fail", `Cannot decide: ${candidate.reason ?? "the value is undefined"}.`));
      continue;
    }
    if (rule["gate-on"] === "ci") {
      if (!candidate.interval?.ok) {
        const why = candidate.interval
          ? candidate.interval.reason
          : "no bootstrap interval was computed (resamples: 0)";
        checks.push(make(bound, threshold, "fail", `Cannot decide on the interval: ${why}.`, "ci"));
        continue;
      }
      const limit = bound === "min" ? candidate.interval.low : candidate.interval.high;
      const holds = bound === "min" ? isAtLeast(limit, threshold) : isAtMost(limit, threshold);
      const side = bound === "min" ? "lower" : "upper";
      checks.push(
        make(
          bound,
          threshold,
          holds ? "pass" : "fail",
          `The interval's ${side} limit ${formatPair(limit, threshold).join(` is ${holds ? "within" : "beyond"} the ${bound} `)}.`,
          "ci",
        ),
      );
      continue;
    }
    const holds = bound === "min" ? isAtLeast(candidate.value, threshold) : isAtMost(candidate.value, threshold);
    checks.push(
      make(
        bound,
        threshold,
        holds ? "pass" : "fail",
        `${formatPair(candidate.value, threshold).join(` is ${holds ? "within" : "beyond"} the ${bound} `)}.`,
      ),
    );
  }
  for (const [ruleName, failing] of [
    ["max-regression", "fail"],
    ["warn-regression", "warn"],
  ] as const) {
    const threshold = rule[ruleName];
    if (threshold === undefined) continue;
    if (!hasBaseline) {
      checks.push(
        make(ruleName, threshold, "warn", "No baseline predictions were given, so the regression cannot be measured."),
      );
      continue;
    }
    if (candidate.value === null) {
      checks.push(make(ruleName, threshold, "fail", `Cannot decide: ${candidate.reason ?? "the value is undefined"}.`));
      continue;
    }
    if (base === null) {
      checks.push(
        make(
          ruleName,
          threshold,
          "fail",
          `Cannot decide: the baseline's value is undefined (${baseline?.reason ?? "not computed"}), so the regression cannot be measured.`,
        ),
      );
      continue;
    }
    const regression = toUnfairness(metric, candidate.value) - toUnfairness(metric, base);
    const holds = isAtMost(regression, threshold, Math.max(Math.abs(candidate.value), Math.abs(base)));
    const message =
      regression > 0
        ? `The candidate is less fair than the baseline by ${regression}`
        : `The candidate is not less fair than the baseline`;
    checks.push(make(ruleName, threshold, holds ? "pass" : failing, `${message} (allowed: ${threshold}).`));
  }
  return checks;
}
