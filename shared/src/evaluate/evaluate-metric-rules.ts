import type { MetricPolicy, RuleName } from "./evaluate-policy-schema.js";
import { RULE_NAMES } from "./evaluate-policy-schema.js";
import { formatPair, formatPercent } from "../core/format-number.js";

/** A percent in a sentence: "2.5%", the sign is said in words. */
const percentText = (value: number | null | undefined, digits?: number): string =>
  formatPercent(value, digits).replace(/^\+/, "");
import { computeChange } from "../core/compute-change.js";
import { isAtLeast, isAtMost } from "../core/compare-within-tolerance.js";
import type { EvaluateCheck } from "./gate-result.js";
import type { MetricReading } from "./read-metric-value.js";
import type { Verdict } from "../core/verdict.js";

type Decision = { verdict: Verdict; message: string };

/**
 * How a baseline rule decides when the baseline lacks the metric: `warn` (contract §3, a file baseline) or `fail`
 * (a `registry:` baseline, or `evaluate.on-missing-baseline: fail`), with what is missing and how to fix it.
 */
export interface MissingBaseline {
  verdict: "warn" | "fail";
  /** Replaces the generic reason for a metric, e.g. what the registry version lacks. */
  why?: (metric: string) => string;
  fix?: (metric: string) => string;
}

/** The metric-unit rule that decides a percent rule when the baseline is zero (contract §3). */
const ABSOLUTE_COUNTERPART: Partial<Record<RuleName, RuleName>> = {
  "max-regression-pct": "max-regression",
  "min-improvement-pct": "min-improvement",
  "warn-regression-pct": "warn-regression",
};

/**
 * Applies every rule a metric declares, one check per rule (contract §3): direction-aware, inclusive
 * bounds with 1e-9 relative tolerance; a missing or non-finite candidate fails every rule; a missing
 * baseline makes baseline rules `warn` (or `fail`, as `missing` says) while absolute rules still decide. A metric the
 * predictions leave undefined cannot decide: on the candidate it fails every rule, on the baseline every baseline rule.
 */
export function evaluateMetricRules(
  metric: string,
  policy: MetricPolicy,
  candidate: MetricReading,
  baseline: MetricReading,
  missing: MissingBaseline = { verdict: "warn" },
): EvaluateCheck[] {
  const checks: EvaluateCheck[] = [];
  for (const rule of RULE_NAMES) {
    const threshold = policy[rule];
    if (threshold === undefined) continue;
    const decision = decide(metric, rule, threshold, policy, candidate, baseline, missing);
    const value = candidate.ok ? candidate.value : null;
    const base = baseline.ok ? baseline.value : null;
    checks.push({
      name: `${metric}:${rule}`,
      metric,
      rule,
      verdict: decision.verdict,
      value,
      baseline: base,
      ...computeChange(value, base),
      threshold,
      message: decision.message,
    });
  }
  return checks;
}

function decide(
  metric: string,
  rule: RuleName,
  bound: number,
  policy: MetricPolicy,
  candidate: MetricReading,
  baseline: MetricReading,
  missing: MissingBaseline,
): Decision {
  if (!candidate.ok) {
    const problem = candidate.problem === "no file" ? "is missing" : candidate.problem;
    const fix = candidate.fix ? ` Fix: ${candidate.fix}` : "";
    return { verdict: "fail", message: `The candidate's ${metric} ${problem}, so the gate cannot decide.${fix}` };
  }
  const c = candidate.value;
  if (rule === "min") {
    return isAtLeast(c, bound)
      ? { verdict: "pass", message: `${formatPair(c, bound).join(" is at least the minimum ")}.` }
      : { verdict: "fail", message: `${formatPair(c, bound).join(" is below the minimum ")}.` };
  }
  if (rule === "max") {
    return isAtMost(c, bound)
      ? { verdict: "pass", message: `${formatPair(c, bound).join(" is at most the maximum ")}.` }
      : { verdict: "fail", message: `${formatPair(c, bound).join(" is above the maximum ")}.` };
  }
  if (!baseline.ok && baseline.undefinedMetric) {
    return {
      verdict: "fail",
      message: `The baseline's ${metric} ${baseline.problem}, so the change cannot be measured and the gate cannot decide. Fix: ${baseline.fix}`,
    };
  }
  if (!baseline.ok) {
    const why =
      missing.why?.(metric) ??
      (baseline.problem === "no file" ? "No baseline file was given" : `The baseline's ${metric} ${baseline.problem}`);
    if (missing.verdict === "warn") return { verdict: "warn", message: `${why}, so this rule is not applied.` };
    const fix = missing.fix?.(metric) ?? "Give a baseline that has it, or set evaluate.on-missing-baseline: warn.";
    return { verdict: "fail", message: `${why}, so this rule cannot be applied and fails (fail closed). Fix: ${fix}` };
  }
  return decideAgainstBaseline(rule, bound, policy, c, baseline.value);
}

function decideAgainstBaseline(rule: RuleName, bound: number, policy: MetricPolicy, c: number, b: number): Decision {
  // Regression is the change in the bad direction; positive means worse.
  const regression = policy.direction === "higher" ? b - c : c - b;
  const scale = Math.max(Math.abs(b), Math.abs(c));
  const softFail: Verdict = rule.startsWith("warn-") ? "warn" : "fail";
  if (rule.endsWith("-pct")) {
    if (b === 0) return decideZeroBaselinePercent(rule, policy, c, b);
    const percent = (regression / Math.abs(b)) * 100;
    const percentScale = (scale / Math.abs(b)) * 100;
    if (rule === "min-improvement-pct") {
      const [amount, limit] = formatPair(Math.abs(percent), bound, percentText);
      return isAtLeast(-percent, bound, percentScale)
        ? {
            verdict: "pass",
            message: `${describeChange(regression, amount)}; an improvement of at least ${limit} is required.`,
          }
        : {
            verdict: "fail",
            message: `${describeChange(regression, amount)}; an improvement of at least ${limit} is required.`,
          };
    }
    const [amount, limit] = formatPair(Math.abs(percent), bound, percentText);
    return isAtMost(percent, bound, percentScale)
      ? { verdict: "pass", message: `${describeChange(regression, amount)}; up to ${limit} regression allowed.` }
      : { verdict: softFail, message: `Regressed by ${amount}; more than the ${limit} allowed.` };
  }
  if (rule === "min-improvement") {
    const [amount, limit] = formatPair(Math.abs(regression), bound);
    return isAtLeast(-regression, bound, scale)
      ? {
          verdict: "pass",
          message: `${describeChange(regression, amount)}; an improvement of at least ${limit} is required.`,
        }
      : {
          verdict: "fail",
          message: `${describeChange(regression, amount)}; an improvement of at least ${limit} is required.`,
        };
  }
  const [amount, limit] = formatPair(Math.abs(regression), bound);
  return isAtMost(regression, bound, scale)
    ? { verdict: "pass", message: `${describeChange(regression, amount)}; up to ${limit} regression allowed.` }
    : { verdict: softFail, message: `Regressed by ${amount}; more than the ${limit} allowed.` };
}

function decideZeroBaselinePercent(rule: RuleName, policy: MetricPolicy, c: number, b: number): Decision {
  if (c === 0) return { verdict: "pass", message: "Baseline and candidate are both zero: no change." };
  const counterpart = ABSOLUTE_COUNTERPART[rule]!;
  const counterpartBound = policy[counterpart];
  if (counterpartBound === undefined) {
    return {
      verdict: "fail",
      message: `A percent change from a zero baseline is undefined; add ${counterpart} to decide this metric in its own units.`,
    };
  }
  const decided = decideAgainstBaseline(counterpart, counterpartBound, policy, c, b);
  return {
    verdict: decided.verdict,
    message: `Percent change from a zero baseline is undefined; decided by ${counterpart}: ${decided.message}`,
  };
}

function describeChange(regression: number, amount: string): string {
  if (regression > 0) return `Regressed by ${amount}`;
  if (regression < 0) return `Improved by ${amount}`;
  return "No change";
}
