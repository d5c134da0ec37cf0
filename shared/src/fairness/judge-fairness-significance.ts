import { formatNumber, formatSigned } from "../core/format-number.js";
import { computeSignificancePValue } from "../stats/compute-significance-p-value.js";
import { decideSignificance } from "../stats/decide-significance.js";
import { toSignificanceLevels } from "../stats/to-adjusted-alphas.js";
import { toSignificanceInterval } from "../stats/to-significance-interval.js";
import type { SignificanceEvidence } from "../stats/to-significance-interval.js";
import type { SignificanceRule } from "../stats/to-significance-margin.js";
import type { FairnessCheck, FairnessSignificanceSettings } from "./bias-result.js";
import type { ChangeDistribution } from "./bootstrap-fairness-change.js";
import type { FairnessRule } from "./fairness-policy-schema.js";

/** One max-regression rule with `significance:` on one grouping: its plain check and the change's distribution. */
export interface FairnessSignificanceTask {
  check: FairnessCheck;
  rule: FairnessRule;
  distribution: ChangeDistribution;
}

export interface FairnessSignificanceOptions {
  seed: number;
  resamples: number;
  /** Rows the changes were resampled from. */
  rows: number;
  /** Default holm with more than one check (contract §3). */
  multipleTesting?: "holm" | "bonferroni" | "none" | undefined;
  /** Gate-wide default of each rule's `on-inconclusive`; default fail (fail closed). */
  onInconclusive?: "fail" | "warn" | undefined;
}

export const FAIRNESS_SIGNIFICANCE_METHOD = "bootstrap-percentile (paired, stratified)";

/**
 * Decides bias-check's significance rules as one family, as evaluate-gate decides its own (contract §3): the rule
 * "the candidate is at most m less fair than the baseline" is the hypothesis delta ≤ m on the change in unfairness
 * (`toUnfairness`, lower is better), read on the percentile limits of its paired bootstrap distribution
 * (`bootstrapFairnessChange`; percentile because the max–min gaps are not smooth enough for BCa). Each check's
 * p-value is the smallest alpha at which its interval would pass (`computeSignificancePValue`); the levels are
 * adjusted across the family (Holm by default, Bonferroni, or none: `toAdjustedAlphas`); each interval is read at
 * its level (`decideSignificance`): pass when the upper limit is ≤ m, fail when the lower limit is > m, otherwise
 * inconclusive, which becomes the rule's `on-inconclusive` (default the section's, then fail). A change without a
 * distribution fails and says why. Checks come back in task order.
 */
export function judgeFairnessSignificance(
  tasks: readonly FairnessSignificanceTask[],
  options: FairnessSignificanceOptions,
  familyAlpha: number,
): { checks: FairnessCheck[]; settings: FairnessSignificanceSettings } {
  const method = tasks.length > 1 ? (options.multipleTesting ?? "holm") : "none";
  const evidence = tasks.map((task): SignificanceEvidence | undefined =>
    task.distribution.ok
      ? {
          method: "bootstrap",
          interval: "percentile",
          distribution: {
            estimate: task.distribution.estimate,
            sorted: task.distribution.sorted,
            acceleration: { ok: false, reason: "percentile intervals only" },
            sampleSize: options.rows,
          },
        }
      : undefined,
  );
  const pValues = tasks.map((task, i) => {
    const found = evidence[i];
    if (!found) return 1;
    const p = computeSignificancePValue(toRule(task), found);
    return p.ok ? p.value : 1;
  });
  const levels = toSignificanceLevels(
    pValues,
    tasks.map((task) => task.rule.significance as number),
    { familyAlpha, method },
  );
  const checks = tasks.map((task, i): FairnessCheck => {
    const level = levels[i]!;
    const plain: FairnessCheck = {
      ...task.check,
      // Decided on the paired interval of the change, not on the point change the plain check compared.
      gate_on: "ci",
      method: FAIRNESS_SIGNIFICANCE_METHOD,
      alpha: level.alpha,
      p_value: level.p_value,
      ...(level.p_value_adjusted !== undefined && { p_value_adjusted: level.p_value_adjusted }),
    };
    delete plain.ci;
    const distribution = task.distribution;
    const found = evidence[i];
    if (!distribution.ok || !found) {
      const reason = distribution.ok ? "no bootstrap distribution" : distribution.reason;
      return {
        ...plain,
        verdict: "fail",
        message: `significance: ${formatNumber(task.rule.significance as number)} cannot be decided: ${reason}. The gate cannot decide, so it fails.`,
      };
    }
    const limits = toSignificanceInterval(found, level.alpha);
    if (!limits.ok)
      return { ...plain, verdict: "fail", message: `${limits.reason} The gate cannot decide, so it fails.` };
    const decision = decideSignificance(toRule(task), level.alpha, limits);
    const common = { ...plain, ci: decision.ci, effect_size: distribution.estimate };
    const change = `Change in unfairness ${formatSigned(distribution.estimate)}.`;
    if (!decision.decided)
      return {
        ...common,
        verdict: "fail",
        message: `${change} ${decision.message} The gate cannot decide, so it fails.`,
      };
    const decided = { ...common, significance_decision: decision.verdict };
    if (decision.verdict !== "inconclusive")
      return { ...decided, verdict: decision.verdict, message: `${change} ${decision.message}` };
    const onInconclusive = task.rule["on-inconclusive"] ?? options.onInconclusive ?? "fail";
    return {
      ...decided,
      verdict: onInconclusive,
      message: `${change} ${decision.message} on-inconclusive: ${onInconclusive}.`,
    };
  });
  return {
    checks,
    settings: {
      seed: options.seed,
      resamples: options.resamples,
      multiple_testing: method,
      family_alpha: familyAlpha,
      checks: tasks.length,
      interval: "percentile",
      strata: "intersection cell of the sensitive columns",
    },
  };
}

function toRule(task: FairnessSignificanceTask): SignificanceRule {
  return { direction: "lower", kind: "max-regression", bound: task.rule["max-regression"] as number };
}
