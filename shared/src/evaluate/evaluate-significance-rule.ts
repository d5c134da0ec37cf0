import { formatNumber, formatSigned } from "../core/format-number.js";
import { toNoVarianceLimits } from "../stats/no-variance-bound.js";
import { computeSignificancePValue } from "../stats/compute-significance-p-value.js";
import { decideSignificance, type SignificanceDecision } from "../stats/decide-significance.js";
import {
  gatherSignificanceEvidence,
  type GatheredEvidence,
  type GatherOptions,
  type MethodFields,
  type SignificanceMetric,
} from "./gather-significance-evidence.js";
import { toSignificanceInterval, type SignificanceEvidence } from "../stats/to-significance-interval.js";
import type { SignificanceRule } from "../stats/to-significance-margin.js";

export {
  gatherSignificanceEvidence,
  type GatheredEvidence,
  type SignificanceMetric,
} from "./gather-significance-evidence.js";

/** One rule on paired predictions of the same examples. */
export interface SignificanceRuleInput {
  metric: SignificanceMetric;
  yTrue: ArrayLike<number>;
  /** Predicted labels (accuracy), P(y = 1) (roc_auc, brier, log-loss) or values (errors), per example. */
  baseline: ArrayLike<number>;
  candidate: ArrayLike<number>;
  /** The baseline value of a percent rule is computed from the predictions. */
  rule: Omit<SignificanceRule, "baseline">;
  /** The level to decide at, already adjusted for multiple testing (`adjustSignificanceAlphas`). */
  alpha: number;
}

/** The gather options but the level, which is the rule's `alpha`. */
export type SignificanceRuleOptions = Omit<GatherOptions, "alpha">;

/** A check-like result of one significance rule; undecided means `fail` with the reason (style rule 6). */
export type SignificanceCheck = MethodFields &
  (
    | (Omit<Extract<SignificanceDecision, { decided: true }>, "decidedBy"> & {
        /** p-value of the rule's one-sided test (`computeSignificancePValue`). */
        p_value: number;
        /** "No difference" p-value, for the reviewer: McNemar's exact test (accuracy) or DeLong's (roc_auc). */
        p_value_no_difference?: number;
      })
    | { decided: false; verdict: "fail"; message: string }
  );

/**
 * Decides one `significance:` rule on paired predictions: "roc_auc" by DeLong's normal interval of the AUC difference
 * (`computeDelong`, two-sided DeLong p beside); a mean-type metric by the paired bootstrap of per-example differences
 * (`drawBootstrapDistribution`, BCa by default, as `computePairedBootstrap`), with McNemar's exact p beside for
 * accuracy; a change with no variance by its exact bound (`gatherSignificanceEvidence`). Both one-sided (1 − alpha)
 * limits go to `decideSignificance`. Same data and seed, same check.
 * @throws {StatsInputError} on unusable predictions (mismatched lengths, non-finite values, non-binary labels) or
 * alpha / resamples out of range.
 */
export function evaluateSignificanceRule(
  input: SignificanceRuleInput,
  options: SignificanceRuleOptions,
): SignificanceCheck {
  const gathered = gatherSignificanceEvidence(input, { ...options, alpha: input.alpha });
  return decideSignificanceEvidence(gathered, input.rule, input.alpha);
}

/**
 * Decides one rule from evidence gathered once (`gatherSignificanceEvidence`) at a level that may come later, after
 * the gate's multiple-testing adjustment, which itself needs every check's evidence. A decision on the exact bound
 * says so first: why there was no variance, the bound on the share of units that differ, and the limits it gives.
 */
export function decideSignificanceEvidence(
  gathered: GatheredEvidence,
  ruleWithoutBaseline: Omit<SignificanceRule, "baseline">,
  alpha: number,
): SignificanceCheck {
  const method = gathered.method;
  if (!gathered.ok) return { ...method, decided: false, verdict: "fail", message: gathered.reason };
  const rule: SignificanceRule = { ...ruleWithoutBaseline, baseline: gathered.baselineValue };
  const limits = toSignificanceInterval(gathered.evidence, alpha);
  if (!limits.ok) return { ...method, decided: false, verdict: "fail", message: limits.reason };
  const decision = decideSignificance(rule, alpha, limits);
  if (!decision.decided) return { ...method, decided: false, verdict: "fail", message: decision.message };
  const pValue = computeSignificancePValue(rule, gathered.evidence);
  if (!pValue.ok) return { ...method, decided: false, verdict: "fail", message: pValue.reason };
  const noDifference = gathered.noDifference;
  const beside = noDifference === undefined ? {} : { p_value_no_difference: noDifference };
  const message =
    gathered.evidence.method === "exact-bound"
      ? `${describeExactBound(gathered.evidence, alpha)} ${decision.message}`
      : decision.message;
  return {
    ...method,
    decided: true,
    verdict: decision.verdict,
    message,
    ci: decision.ci,
    bound: decision.bound,
    p_value: pValue.value,
    ...beside,
  };
}

/**
 * "No variance: … Decided by the exact bound: …, so the change lies within [low, high]." ("Too few changes: …" when
 * some units differ.)
 */
function describeExactBound(evidence: Extract<SignificanceEvidence, { method: "exact-bound" }>, alpha: number): string {
  const { low, high, rate } = toNoVarianceLimits(evidence.bound, alpha);
  const n = evidence.bound.trials;
  const k = evidence.bound.differing ?? 0;
  const level = `${formatNumber((1 - alpha) * 100)}% one-sided confidence`;
  const share =
    k === 0
      ? `at most ${formatNumber(rate * 100)}% of them differ at ${level} (Clopper–Pearson, 1 − α^(1/n) with 0 of ${n} differing)`
      : `at most ${formatNumber(rate * 100)}% of them change at ${level} (Clopper–Pearson with ${k} of ${n} changed, whichever way)`;
  const limits = `[${formatSigned(low)}, ${formatSigned(high)}]`;
  const consequence = evidence.unbounded
    ? `, but ${evidence.unbounded}: ${limits}.`
    : `, so the change lies within ${limits}.`;
  if (k === 0) {
    return `No variance: ${evidence.observed}. Decided by the exact bound instead: ${n} ${evidence.units} all alike, so ${share}${consequence}`;
  }
  return `Too few changes: ${evidence.observed}. Decided by the exact bound instead: ${k} of ${n} ${evidence.units} changed, so ${share}${consequence}`;
}
