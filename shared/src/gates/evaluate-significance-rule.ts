import { drawBootstrapDistribution } from "../stats/bootstrap-distribution.js";
import type { BootstrapMethod } from "../stats/bootstrap-interval.js";
import { computeDelong } from "../stats/delong.js";
import { computeMcnemarExact } from "../stats/mcnemar-exact.js";
import { computeMeanMetric } from "../stats/mean-metric.js";
import { toPairedDifferences } from "../stats/paired-bootstrap.js";
import { toPerExampleValues, type MeanMetric } from "../stats/per-example-values.js";
import { computeSignificancePValue } from "./compute-significance-p-value.js";
import { decideSignificance, type SignificanceDecision } from "./decide-significance.js";
import { toSignificanceInterval, type SignificanceEvidence } from "./to-significance-interval.js";
import type { SignificanceRule } from "./to-significance-margin.js";

/** Mean-type metrics go through the paired bootstrap; ROC AUC through DeLong's test (contract §3 `method`). */
export type SignificanceMetric = MeanMetric | "roc_auc";

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

export interface SignificanceRuleOptions {
  seed: number;
  /** Default 9,999, as scipy.stats.bootstrap. */
  resamples?: number;
  /** Default "bca". */
  interval?: BootstrapMethod;
}

type MethodFields = { method: "delong" } | { method: "bootstrap"; interval: BootstrapMethod; seed: number; resamples: number };

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
 * accuracy. Both one-sided (1 − alpha) limits go to `decideSignificance`. Same data and seed, same check.
 * @throws {StatsInputError} on unusable predictions (mismatched lengths, non-finite values, non-binary labels) or
 * alpha / resamples out of range.
 */
export function evaluateSignificanceRule(input: SignificanceRuleInput, options: SignificanceRuleOptions): SignificanceCheck {
  return decideSignificanceEvidence(gatherSignificanceEvidence(input, options), input.rule, input.alpha);
}

/**
 * Decides one rule from evidence gathered once (`gatherSignificanceEvidence`) at a level that may come later, after
 * the gate's multiple-testing adjustment, which itself needs every check's evidence.
 */
export function decideSignificanceEvidence(gathered: GatheredEvidence, ruleWithoutBaseline: Omit<SignificanceRule, "baseline">, alpha: number): SignificanceCheck {
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
  return {
    ...method, decided: true, verdict: decision.verdict, message: decision.message, ci: decision.ci,
    bound: decision.bound, p_value: pValue.value, ...beside,
  };
}

/** What a significance rule is decided from: the bootstrap distribution or DeLong's variance, and the baseline's value. */
export type GatheredEvidence = { method: MethodFields } & (
  | { ok: true; evidence: SignificanceEvidence; baselineValue: number; noDifference: number | undefined }
  | { ok: false; reason: string }
);

/** DeLong for roc_auc, else the paired bootstrap distribution; the baseline's value; the "no difference" p. */
export function gatherSignificanceEvidence(input: Omit<SignificanceRuleInput, "rule" | "alpha">, options: SignificanceRuleOptions): GatheredEvidence {
  const { metric, yTrue, baseline, candidate } = input;
  if (metric === "roc_auc") {
    const method = { method: "delong" } as const;
    const delong = computeDelong(yTrue, baseline, candidate);
    if (!delong.ok) return { method, ok: false, reason: delong.reason };
    const evidence = { method: "delong", difference: delong.difference, varianceDifference: delong.varianceDifference } as const;
    return { method, ok: true, evidence, baselineValue: delong.aucBaseline, noDifference: delong.pValue };
  }
  const resamples = options.resamples ?? 9999;
  const interval = options.interval ?? "bca";
  const differences = toPairedDifferences({ metric, yTrue, candidate, baseline });
  const distribution = drawBootstrapDistribution(differences, { resamples, seed: options.seed });
  let noDifference: number | undefined;
  if (metric === "accuracy") {
    const baselineCorrect = toPerExampleValues("accuracy", yTrue, baseline);
    const candidateCorrect = toPerExampleValues("accuracy", yTrue, candidate);
    noDifference = computeMcnemarExact({ baselineCorrect, candidateCorrect }).pValue;
  }
  return {
    method: { method: "bootstrap", interval, seed: options.seed, resamples },
    ok: true,
    evidence: { method: "bootstrap", distribution, interval },
    baselineValue: computeMeanMetric(metric, yTrue, baseline),
    noDifference,
  };
}
