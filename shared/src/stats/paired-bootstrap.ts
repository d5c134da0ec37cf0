import { drawBootstrapDistribution } from "./bootstrap-distribution.js";
import { toBootstrapInterval, type BootstrapInterval, type BootstrapIntervalOptions } from "./bootstrap-interval.js";
import { toPerExampleValues, type MeanMetric } from "./per-example-values.js";
import { requireSameLength } from "./require-same-length.js";

/** Two models' predictions for the same examples, and the mean-type metric to compare them on. */
export interface PairedBootstrapInput {
  metric: MeanMetric;
  yTrue: ArrayLike<number>;
  /** Predicted labels (accuracy), probabilities of class 1 (brier, log-loss) or values (errors), per example. */
  candidate: ArrayLike<number>;
  baseline: ArrayLike<number>;
}

export interface PairedBootstrapOptions extends BootstrapIntervalOptions {
  /** Number of resamples; default 9,999. */
  resamples?: number;
  seed: number;
}

/**
 * Per-example differences candidate − baseline of a mean-type metric; their mean is metric(candidate) −
 * metric(baseline), and resampling them resamples both models on the same indices.
 * @throws {StatsInputError} as `toPerExampleValues`, or when the three arrays differ in length.
 */
export function toPairedDifferences(input: PairedBootstrapInput): Float64Array {
  requireSameLength({ yTrue: input.yTrue, candidate: input.candidate, baseline: input.baseline });
  const candidate = toPerExampleValues(input.metric, input.yTrue, input.candidate);
  const baseline = toPerExampleValues(input.metric, input.yTrue, input.baseline);
  return candidate.map((value, i) => value - (baseline[i] as number));
}

/**
 * Paired bootstrap confidence interval of metric(candidate) − metric(baseline), resampling examples jointly: as
 * scipy.stats.bootstrap((candidate_values, baseline_values), lambda c, b: c.mean() − b.mean(), paired=True), which
 * SciPy computes as the one-sample bootstrap of the differences (`paired=True` resamples indices). Defaults: BCa,
 * 9,999 resamples, 95%, two-sided. Same seed and data, same interval; NumPy's stream is not reproduced.
 * @throws {StatsInputError} on unusable input (see `toPerExampleValues`) or options out of range.
 */
export function computePairedBootstrap(
  input: PairedBootstrapInput,
  options: PairedBootstrapOptions,
): BootstrapInterval {
  const differences = toPairedDifferences(input);
  const distribution = drawBootstrapDistribution(differences, { resamples: options.resamples, seed: options.seed });
  return toBootstrapInterval(distribution, options);
}
