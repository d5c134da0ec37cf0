import { drawBootstrapDistribution } from "../stats/bootstrap-distribution.js";
import type { BootstrapMethod } from "../stats/bootstrap-interval.js";
import { comparePairOrdering } from "../stats/compare-pair-ordering.js";
import { constantPairKernel } from "../stats/constant-pair-kernel.js";
import { computeDelong } from "../stats/delong.js";
import { countChangedUnits, fewestChangesForDirection } from "../stats/count-changed-units.js";
import { findConstantDifference } from "../stats/find-constant-difference.js";
import { computeMcnemarExact } from "../stats/mcnemar-exact.js";
import { formatNumber } from "../core/format-number.js";
import { computeRocAuc } from "../stats/roc-auc.js";
import { perExampleRange, toPerExampleValues, type MeanMetric } from "../stats/per-example-values.js";
import type { SignificanceEvidence } from "../stats/to-significance-interval.js";

/** Mean-type metrics go through the paired bootstrap; ROC AUC through DeLong's test (contract §3 `method`). */
export type SignificanceMetric = MeanMetric | "roc_auc";

/** How a rule's interval is computed: the paired bootstrap, DeLong, or the exact bound of a change with no variance. */
export type MethodFields =
  | { method: "delong" }
  | { method: "bootstrap"; interval: BootstrapMethod; seed: number; resamples: number }
  | { method: "exact-bound"; replaces: "bootstrap" | "delong" };

/** What a significance rule is decided from: the bootstrap distribution or DeLong's variance, and the baseline's value. */
export type GatheredEvidence = { method: MethodFields } & (
  | { ok: true; evidence: SignificanceEvidence; baselineValue: number; noDifference: number | undefined }
  | { ok: false; reason: string }
);

export interface GatherOptions {
  /**
   * The smallest level the rule may be decided at (its `significance`, divided by the family's size when the
   * levels are adjusted): below `fewestChangesForDirection` of it, a change is bounded exactly, not resampled.
   */
  alpha: number;
  seed: number;
  /** Default 9,999, as scipy.stats.bootstrap. */
  resamples?: number;
  /** Default "bca". */
  interval?: BootstrapMethod;
}

/**
 * The evidence one significance rule is decided on, gathered once. ROC AUC: DeLong's Δ and Var(Δ), unless both
 * models order every positive–negative pair alike (`comparePairOrdering`), where Var(Δ) is 0: then the exact bound
 * on min(positives, negatives) disjoint pairs, each a fresh independent (positive, negative) draw. Mean-type metrics:
 * the paired bootstrap distribution of the per-example changes, unless the change is the same on every example
 * (`findConstantDifference`: BCa has no acceleration and a percentile interval would be the single point), where the
 * exact bound over the n examples applies with the metric's per-example range (`perExampleRange`); see
 * `toNoVarianceLimits` for the derivation. So does a change on too few examples: with k > 0 examples changed and
 * k < `fewestChangesForDirection(alpha)`, no exact paired test could show a direction at alpha, yet the bootstrap of
 * k changes among n − k zeros gives a degenerate, too narrow interval (with 1 improved example and none worse, its
 * whole distribution is ≥ 0, "shown" at any level); the exact bound with k of n examples differing from 0 is used
 * instead. McNemar's exact p for accuracy and DeLong's p for AUC are kept beside.
 * @throws {StatsInputError} on unusable predictions (mismatched lengths, non-finite values, non-binary labels) or
 * resamples out of range.
 */
export function gatherSignificanceEvidence(
  input: {
    metric: SignificanceMetric;
    yTrue: ArrayLike<number>;
    baseline: ArrayLike<number>;
    candidate: ArrayLike<number>;
  },
  options: GatherOptions,
): GatheredEvidence {
  const { metric, yTrue, baseline, candidate } = input;
  if (metric === "roc_auc") return gatherAuc(yTrue, baseline, candidate);
  const candidateValues = toPerExampleValues(metric, yTrue, candidate);
  const baselineValues = toPerExampleValues(metric, yTrue, baseline);
  const baselineValue = mean(baselineValues);
  const noDifference =
    metric === "accuracy"
      ? computeMcnemarExact({ baselineCorrect: baselineValues, candidateCorrect: candidateValues }).pValue
      : undefined;
  const constant = findConstantDifference(candidateValues, baselineValues);
  if (constant !== undefined) {
    const [lowest, highest] = perExampleRange(metric);
    const evidence: SignificanceEvidence = {
      method: "exact-bound",
      bound: { constant, range: [lowest - highest, highest - lowest], trials: candidateValues.length },
      units: "examples",
      observed: `the per-example change candidate − baseline is the same (${formatNumber(constant)}) on all ${candidateValues.length} examples, so the bootstrap has no variance to resample`,
      ...(highest === Infinity && {
        unbounded: `a per-example ${metric} has no upper bound, so that share does not bound the mean change`,
      }),
    };
    return {
      method: { method: "exact-bound", replaces: "bootstrap" },
      ok: true,
      evidence,
      baselineValue,
      noDifference,
    };
  }
  const changed = countChangedUnits(candidateValues, baselineValues);
  if (changed < fewestChangesForDirection(options.alpha)) {
    return {
      method: { method: "exact-bound", replaces: "bootstrap" },
      ok: true,
      evidence: fewChangesEvidence(metric, changed, candidateValues.length, options.alpha),
      baselineValue,
      noDifference,
    };
  }
  const resamples = options.resamples ?? 9999;
  const interval = options.interval ?? "bca";
  const differences = candidateValues.map((value, i) => value - (baselineValues[i] as number));
  const distribution = drawBootstrapDistribution(differences, { resamples, seed: options.seed });
  return {
    method: { method: "bootstrap", interval, seed: options.seed, resamples },
    ok: true,
    evidence: { method: "bootstrap", distribution, interval },
    baselineValue,
    noDifference,
  };
}

/**
 * DeLong, or the exact bound when both models order every positive–negative pair alike. Derivation: the AUC change
 * is E[h_c − h_b] over a random (positive, negative) pair, h the pair kernel (1, ½, 0), so |ΔAUC| ≤ π, the share of
 * pairs the two models order differently. Matching k = min(positives, negatives) positives to as many negatives, one
 * each in row order, gives k disjoint pairs that are independent draws (Hoeffding 1963, JASA 58(301) §5: a U-statistic
 * through disjoint blocks); all of them alike has probability (1 − π)^k, so π ≤ 1 − alpha^(1/k) at 1 − alpha exactly
 * as in `toNoVarianceLimits` with c = 0 and range [−1, 1]. The same k follows from identical scores: a pair can differ
 * only through a positive or a negative whose score changed, and the worst case puts every change in the smaller class.
 * DeLong's Var(Δ) is also 0 when each model's kernel is the same on every pair (`constantPairKernel`: it scores the
 * classes wholly apart, or every example alike), so every pair changes by the same c = h_c − h_b ≠ 0: the same k
 * disjoint pairs all showing c bound the share of pairs whose change is not c, and `toNoVarianceLimits` with that c.
 */
function gatherAuc(
  yTrue: ArrayLike<number>,
  baseline: ArrayLike<number>,
  candidate: ArrayLike<number>,
): GatheredEvidence {
  const delong = computeDelong(yTrue, baseline, candidate);
  const method = { method: "delong" } as const;
  if (delong.ok) {
    const evidence = {
      method: "delong",
      difference: delong.difference,
      varianceDifference: delong.varianceDifference,
    } as const;
    return { method, ok: true, evidence, baselineValue: delong.aucBaseline, noDifference: delong.pValue };
  }
  // Pairs ordered alike give both models the same placement values, so DeLong's Var(Δ) is exactly 0: the ordering
  // needs checking only when DeLong cannot decide.
  const ordering = comparePairOrdering(yTrue, baseline, candidate);
  const auc = computeRocAuc(yTrue, baseline);
  const pairs = `${ordering.positives} × ${ordering.negatives} positive–negative pairs`;
  let change = 0;
  let observed = `both models order all ${pairs} alike (AUC change 0), so DeLong's test has no variance to measure`;
  if (!ordering.alike) {
    const baselineKernel = constantPairKernel(yTrue, baseline);
    const candidateKernel = constantPairKernel(yTrue, candidate);
    if (baselineKernel === undefined || candidateKernel === undefined)
      return { method, ok: false, reason: delong.reason };
    change = candidateKernel - baselineKernel;
    observed = `each model scores all ${pairs} one way (the baseline ${describeKernel(baselineKernel)}, the candidate ${describeKernel(candidateKernel)}), so every pair changes by ${formatNumber(change)} (AUC change ${formatNumber(change)}) and DeLong's test has no variance to measure`;
  }
  if (!auc.ok) return { method, ok: false, reason: delong.reason };
  const evidence: SignificanceEvidence = {
    method: "exact-bound",
    bound: { constant: change, range: [-1, 1], trials: Math.min(ordering.positives, ordering.negatives) },
    units: "disjoint positive–negative pairs",
    observed,
  };
  return {
    method: { method: "exact-bound", replaces: "delong" },
    ok: true,
    evidence,
    baselineValue: auc.value,
    noDifference: undefined,
  };
}

/** How a model whose pair kernel is the same on every pair scores them, for the report. */
function describeKernel(kernel: 0 | 0.5 | 1): string {
  if (kernel === 1) return "puts each positive above each negative";
  if (kernel === 0) return "puts each positive below each negative";
  return "ties them all";
}

/** The exact bound of a change of 0 on all but `changed` of n examples. */
function fewChangesEvidence(metric: MeanMetric, changed: number, n: number, alpha: number): SignificanceEvidence {
  const [lowest, highest] = perExampleRange(metric);
  const fewest = fewestChangesForDirection(alpha);
  return {
    method: "exact-bound",
    bound: { constant: 0, range: [lowest - highest, highest - lowest], trials: n, differing: changed },
    units: "examples",
    observed: `only ${changed} of ${n} examples change (candidate − baseline ≠ 0), fewer than the ${fewest} an exact paired test needs to show any direction at α = ${formatNumber(alpha)} (½^k ≤ α; McNemar's exact test for accuracy), so the bootstrap of so few changes would be too narrow`,
    ...(highest === Infinity && {
      unbounded: `a per-example ${metric} has no upper bound, so that share does not bound the mean change`,
    }),
  };
}

/** Plain summation, as `computeMeanMetric`. */
function mean(values: Float64Array): number {
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}
