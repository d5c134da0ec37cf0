import { toBootstrapInterval, type BootstrapInterval } from "./bootstrap-interval.js";
import { tailProbability, type IntervalOptions } from "./interval-alternative.js";
import { percentileOfSorted } from "./numpy-percentile.js";
import { argsortFloat64 } from "./argsort-float64.js";
import { requireCount } from "./require-count.js";
import { requireFinite } from "./require-finite.js";
import { requireSameLength } from "./require-same-length.js";
import { seededState } from "./seeded-random.js";
import { planPercentiles, resamplePositions } from "./percentile-resample.js";
import { cannotCompute } from "./stat-result.js";
import { gather } from "./gather.js";

export interface PercentileRatioOptions extends IntervalOptions {
  /** Percentiles in [0, 100], e.g. [50, 95, 99]. */
  percents: readonly number[];
  /** Number of resamples; default 1,000. */
  resamples?: number;
  seed: number;
}

/** One percentile's ratio treatment/control with its percentile bootstrap interval. */
export interface PercentileRatio {
  percent: number;
  control: number;
  treatment: number;
  interval: BootstrapInterval;
}

/**
 * The ratio percentile(treatment)/percentile(control) of paired observations (the same requests served by both
 * models), numpy.percentile's linear method, with a paired percentile-bootstrap interval: each resample draws request
 * indices with replacement and takes both models' percentiles on the same draw, as scipy.stats.bootstrap((control,
 * treatment), ratio, paired=True, method="percentile"). Resamples work on multiplicities walked in each model's
 * sorted order, O(n) per resample and no copy of the data, by WebAssembly where it can run (`resamplePositions`: the
 * same draws either way). Constant latencies give the zero-width interval at the ratio. A control percentile of 0
 * makes the ratio 1 when the treatment's is 0 too (0/0: neither is slower) and +∞ otherwise: +∞ in the data and every
 * resample gives the interval [+∞, +∞]; "cannot compute" when only some resamples are infinite.
 * @throws {StatsInputError} on empty or unequal-length input, a non-finite value, or options out of range.
 */
export function computePercentileRatios(
  control: ArrayLike<number>,
  treatment: ArrayLike<number>,
  options: PercentileRatioOptions,
): PercentileRatio[] {
  const n = requireSameLength({ control, treatment });
  requireFinite(control, "control");
  requireFinite(treatment, "treatment");
  const resamples = options.resamples ?? 1000;
  requireCount(resamples, "Bootstrap resamples", 1);
  const controlOrder = sortedOrder(control);
  const treatmentOrder = sortedOrder(treatment);
  const controlSorted = gather(control, controlOrder);
  const treatmentSorted = gather(treatment, treatmentOrder);
  const { percents } = options;
  const draws = percents.map(() => new Float64Array(resamples));
  const plan = planPercentiles(n, percents);
  const { lower, upper, t } = plan;
  const slots = plan.up.length + plan.down.length;
  const values = new Float64Array(2 * slots);
  resamplePositions(seededState(options.seed), controlOrder, treatmentOrder, plan, resamples, (b, positions) => {
    for (let j = 0; j < slots; j++) {
      values[j] = controlSorted[positions[j] as number] as number;
      values[slots + j] = treatmentSorted[positions[slots + j] as number] as number;
    }
    for (let p = 0; p < percents.length; p++) {
      const controlAt = interpolate(values, lower[p] as number, upper[p] as number, t[p] as number);
      const treatmentAt = interpolate(
        values,
        slots + (lower[p] as number),
        slots + (upper[p] as number),
        t[p] as number,
      );
      (draws[p] as Float64Array)[b] = toRatio(treatmentAt, controlAt);
    }
  });
  return percents.map((percent, p) => {
    const base = percentileOfSorted(controlSorted, percent);
    const value = percentileOfSorted(treatmentSorted, percent);
    const sorted = (draws[p] as Float64Array).sort();
    const interval = toRatioInterval(percent, toRatio(value, base), sorted, n, options);
    return { percent, control: base, treatment: value, interval };
  });
}

/** The percentile interval of one ratio from its sorted draws, or [+∞, +∞] when every draw and the data's are +∞. */
function toRatioInterval(
  percent: number,
  estimate: number,
  sorted: Float64Array,
  sampleSize: number,
  options: PercentileRatioOptions,
): BootstrapInterval {
  if (Number.isFinite(estimate) && Number.isFinite(sorted[sorted.length - 1] as number)) {
    const acceleration = cannotCompute("not used by the percentile method");
    return toBootstrapInterval(
      { estimate, sorted, sampleSize, acceleration },
      { confidence: options.confidence, alternative: options.alternative, method: "percentile" },
    );
  }
  // Production's percentile is 0 in the data and every resample, the shadow's is not: slower beyond any factor.
  if (estimate === Infinity && sorted[0] === Infinity) return toInfiniteInterval(sorted, sampleSize, options);
  return cannotCompute(
    `The control's p${percent} is 0 in the data or in some resamples, and the treatment's is not, so the ratio is infinite in some resamples only.`,
  );
}

/**
 * treatment/control, with 0/0 = 1 (both percentiles 0: neither is slower) and t/0 = +∞ for t > 0 (the treatment is
 * slower than the control by more than any factor).
 */
function toRatio(treatment: number, control: number): number {
  if (control !== 0) return treatment / control;
  return treatment === 0 ? 1 : Infinity;
}

/**
 * The zero-width interval [+∞, +∞] of a ratio infinite in the data and in every resample, read as
 * `toBootstrapInterval` reads the percentile method (levels α and 1 − α, an open side stays open); numpy.percentile
 * would interpolate ∞ − ∞ there.
 */
function toInfiniteInterval(
  sorted: Float64Array,
  sampleSize: number,
  options: Pick<PercentileRatioOptions, "confidence" | "alternative">,
): BootstrapInterval {
  if (sampleSize < 2) {
    return cannotCompute(`A bootstrap interval needs at least two examples; there are ${sampleSize}.`);
  }
  const confidence = options.confidence ?? 0.95;
  const alternative = options.alternative ?? "two-sided";
  const alpha = tailProbability(confidence, alternative);
  return {
    ok: true,
    method: "percentile",
    estimate: Infinity,
    confidence,
    alternative,
    resamples: sorted.length,
    standardError: 0,
    low: alternative === "less" ? -Infinity : Infinity,
    high: Infinity,
    levels: { low: alpha, high: 1 - alpha },
  };
}

/** The indices that sort `values`, ties in index order. */
function sortedOrder(values: ArrayLike<number>): Uint32Array {
  return argsortFloat64(values);
}

/**
 * numpy.percentile's linear interpolation between order statistics `values[lower]` and `values[upper]` with weight t
 * of the upper one, in its operations (from the upper one for t ≥ ½), so the same double.
 */
function interpolate(values: Float64Array, lower: number, upper: number, t: number): number {
  const a = values[lower] as number;
  const b = values[upper] as number;
  const difference = b - a;
  return t >= 0.5 ? b - difference * (1 - t) : a + difference * t;
}
