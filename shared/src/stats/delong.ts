import {
  tailProbability,
  type Alternative,
  type IntervalLimits,
  type IntervalOptions,
} from "./interval-alternative.js";
import { normalPpf, normalSf } from "./normal-distribution.js";
import { computePlacementValues } from "./placement-values.js";
import { requireBinaryLabels } from "./require-binary-labels.js";
import { requireFinite } from "./require-finite.js";
import { requireSameLength } from "./require-same-length.js";
import { cannotCompute, type StatResult } from "./stat-result.js";

/** DeLong's comparison of two ROC AUCs measured on the same examples. */
export interface DelongComparison {
  positives: number;
  negatives: number;
  aucBaseline: number;
  aucCandidate: number;
  varianceBaseline: number;
  varianceCandidate: number;
  /** Covariance of the two AUC estimates. */
  covariance: number;
  /** aucCandidate − aucBaseline. */
  difference: number;
  varianceDifference: number;
  /** difference / √varianceDifference. */
  z: number;
  /** Two-sided p-value for "equal AUCs", 2·Φ(−|z|). */
  pValue: number;
  confidence: number;
  alternative: Alternative;
  /** Normal-theory interval of the difference at `confidence`; ±∞ on the open side of a one-sided interval. */
  low: number;
  high: number;
}

/** AUC and the two structural-component vectors (V10 per positive, V01 per negative) of one score vector. */
function components(yTrue: ArrayLike<number>, scores: ArrayLike<number>) {
  const { negativesBelow, positivesAbove } = computePlacementValues(yTrue, scores);
  const m = negativesBelow.length;
  const n = positivesAbove.length;
  let sum = 0;
  for (const value of negativesBelow) sum += value;
  return { auc: sum / (m * n), v10: negativesBelow.map((x) => x / n), v01: positivesAbove.map((x) => x / m) };
}

function mean(values: Float64Array): number {
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}

/** Sample covariance with ddof = 1, as numpy.cov. */
function covariance(a: Float64Array, b: Float64Array): number {
  const meanA = mean(a);
  const meanB = mean(b);
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += ((a[i] as number) - meanA) * ((b[i] as number) - meanB);
  return sum / (a.length - 1);
}

/**
 * DeLong, DeLong & Clarke-Pearson (1988) test of two correlated ROC AUCs (candidate − baseline) on the same examples,
 * by the O(n log n) midrank algorithm of Sun & Xu (2014): S = S10/m + S01/n with sample covariances (ddof = 1),
 * Var(Δ) = S_bb + S_cc − 2·S_bc, z = Δ/√Var(Δ), two-sided p = 2·Φ(−|z|) (scipy.stats.norm.sf), ties counting ½; as
 * R's pROC::roc.test(method = "delong"). Options set the interval (default 95% two-sided). "Cannot compute" with
 * fewer than two examples of a class, or when Var(Δ) is 0 (e.g. both models rank every pair alike).
 * @throws {StatsInputError} on empty or mismatched arrays, labels other than 0/1, non-finite scores, or a confidence
 * outside (0, 1).
 */
export function computeDelong(
  yTrue: ArrayLike<number>,
  baselineScores: ArrayLike<number>,
  candidateScores: ArrayLike<number>,
  options: IntervalOptions = {},
): StatResult<DelongComparison> {
  requireSameLength({ yTrue, baselineScores, candidateScores });
  requireBinaryLabels(yTrue, "yTrue");
  requireFinite(baselineScores, "baselineScores");
  requireFinite(candidateScores, "candidateScores");
  const confidence = options.confidence ?? 0.95;
  const alternative = options.alternative ?? "two-sided";
  tailProbability(confidence, alternative);
  const base = components(yTrue, baselineScores);
  const cand = components(yTrue, candidateScores);
  const positives = base.v10.length;
  const negatives = base.v01.length;
  if (positives < 2 || negatives < 2) {
    return cannotCompute(
      `DeLong's variance needs at least two positive and two negative examples; ` +
        `there are ${positives} and ${negatives}.`,
    );
  }
  const s = (a: Float64Array, b: Float64Array, c: Float64Array, d: Float64Array) =>
    covariance(a, b) / positives + covariance(c, d) / negatives;
  const varianceBaseline = s(base.v10, base.v10, base.v01, base.v01);
  const varianceCandidate = s(cand.v10, cand.v10, cand.v01, cand.v01);
  const cov = s(base.v10, cand.v10, base.v01, cand.v01);
  const varianceDifference = varianceBaseline + varianceCandidate - 2 * cov;
  if (!(varianceDifference > 0)) {
    return cannotCompute(
      "DeLong's variance of the AUC difference is 0: each positive's and each negative's placement changes by the same amount between the models.",
    );
  }
  const difference = cand.auc - base.auc;
  const z = difference / Math.sqrt(varianceDifference);
  const limits = toDelongInterval({ difference, varianceDifference }, { confidence, alternative });
  return {
    ok: true,
    positives,
    negatives,
    aucBaseline: base.auc,
    aucCandidate: cand.auc,
    varianceBaseline,
    varianceCandidate,
    covariance: cov,
    difference,
    varianceDifference,
    z,
    pValue: 2 * normalSf(Math.abs(z)),
    confidence,
    alternative,
    ...limits,
  };
}

/**
 * The normal-theory interval of a DeLong AUC difference at another confidence or side, without recomputing:
 * Δ ∓ z_{α}·√Var(Δ) with α from `tailProbability` (two-sided: α = (1 − c)/2 on each side; one-sided "less" gives
 * (−∞, Δ + z·se], "greater" gives [Δ − z·se, +∞)), z from scipy.special.ndtri.
 * @throws {StatsInputError} when the confidence is outside (0, 1).
 */
export function toDelongInterval(
  comparison: Pick<DelongComparison, "difference" | "varianceDifference">,
  options: IntervalOptions = {},
): IntervalLimits {
  const alternative = options.alternative ?? "two-sided";
  const critical = -normalPpf(tailProbability(options.confidence ?? 0.95, alternative));
  const margin = critical * Math.sqrt(comparison.varianceDifference);
  return {
    low: alternative === "less" ? -Infinity : comparison.difference - margin,
    high: alternative === "greater" ? Infinity : comparison.difference + margin,
  };
}
