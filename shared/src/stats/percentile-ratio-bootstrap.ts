import { toBootstrapInterval, type BootstrapInterval } from "./bootstrap-interval.js";
import { tailProbability, type IntervalOptions } from "./interval-alternative.js";
import { percentileOfSorted } from "./numpy-percentile.js";
import { argsortFloat64 } from "./argsort-float64.js";
import { requireCount } from "./require-count.js";
import { requireFinite } from "./require-finite.js";
import { requireSameLength } from "./require-same-length.js";
import { createSeededRandom } from "./seeded-random.js";
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
 * sorted order, O(n) per resample and no copy of the data. Constant latencies give the zero-width interval at the
 * ratio. A control percentile of 0 makes the ratio 1 when the treatment's is 0 too (0/0: neither is slower) and +∞
 * otherwise: +∞ in the data and every resample gives the interval [+∞, +∞]; "cannot compute" when only some resamples
 * are infinite.
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
  const random = createSeededRandom(options.seed);
  const counts = new Int32Array(n);
  const controlAt = new Float64Array(percents.length);
  const treatmentAt = new Float64Array(percents.length);
  const plan = planPercentiles(n, percents);
  for (let b = 0; b < resamples; b++) {
    // How many times each observation is drawn, counted as drawn: no index array, one loop per resample.
    counts.fill(0);
    random.tallyInts(n, n, counts);
    resampledPercentiles(controlSorted, controlOrder, counts, plan, controlAt);
    resampledPercentiles(treatmentSorted, treatmentOrder, counts, plan, treatmentAt);
    for (let p = 0; p < percents.length; p++)
      (draws[p] as Float64Array)[b] = toRatio(treatmentAt[p] as number, controlAt[p] as number);
  }
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
 * The order statistics numpy.percentile (linear) needs for each percent of a sample of n: ranks `below` and
 * `below + 1` (0-based, ascending, clamped to n − 1) and the weight t of the upper one. The ranks below the middle
 * are found walking up from the smallest value, the others walking down from the largest (rank k is rank n − 1 − k
 * from the top): p95 and p99 then walk a twentieth of the data, not all of it.
 */
interface PercentilePlan {
  /** Distinct ranks below n / 2, ascending. */
  up: Int32Array;
  /** Distinct ranks from n / 2 on, descending, each as its rank from the top (n − 1 − rank). */
  down: Int32Array;
  /** The value of each rank of `up` then `down` (first its sorted position), filled per resample. */
  values: Float64Array;
  /** Per percent: where its two order statistics are in `values`, and the weight of the upper one. */
  lower: Int32Array;
  upper: Int32Array;
  t: Float64Array;
}

/** The plan of `resampledPercentiles` for samples of n. */
function planPercentiles(n: number, percents: readonly number[]): PercentilePlan {
  const wanted = percents.map((percent) => {
    const index = (n - 1) * (percent / 100);
    return { below: Math.floor(index), t: index - Math.floor(index) };
  });
  const ranks = [...new Set(wanted.flatMap(({ below }) => [below, Math.min(below + 1, n - 1)]))];
  const up = ranks.filter((rank) => 2 * rank < n).sort((a, b) => a - b);
  const down = ranks.filter((rank) => 2 * rank >= n).sort((a, b) => b - a);
  const slots = [...up, ...down];
  return {
    up: Int32Array.from(up),
    down: Int32Array.from(down, (rank) => n - 1 - rank),
    values: new Float64Array(slots.length),
    lower: Int32Array.from(wanted, ({ below }) => slots.indexOf(below)),
    upper: Int32Array.from(wanted, ({ below }) => slots.indexOf(Math.min(below + 1, n - 1))),
    t: Float64Array.from(wanted, ({ t }) => t),
  };
}

/**
 * Walks the observations in sorted order from `start` by `step` (+1 up from the smallest, -1 down from the largest),
 * adding up their multiplicities, and writes at `values[offset + j]` the sorted position where the count first
 * passes `ranks[j]` (0-based, counted from `start`'s end, in walking order). The multiplicities add up to n, past
 * every rank. One small function for both directions, so the engine optimizes it after few resamples.
 */
function walk(
  counts: Int32Array,
  order: Uint32Array,
  start: number,
  step: number,
  ranks: Int32Array,
  values: Float64Array,
  offset: number,
): void {
  let cumulative = 0;
  let position = start - step;
  for (let j = 0; j < ranks.length; j++) {
    const rank = ranks[j] as number;
    while (cumulative <= rank) {
      position += step;
      cumulative += counts[order[position] as number] as number;
    }
    values[offset + j] = position;
  }
}

/**
 * numpy.percentile (linear) of the resample in which value `sorted[r]` (from observation `order[r]`) occurs
 * `counts[order[r]]` times: order statistics found by walking the multiplicities from the nearer end, all percents
 * in one pass from each end.
 */
function resampledPercentiles(
  sorted: Float64Array,
  order: Uint32Array,
  counts: Int32Array,
  plan: PercentilePlan,
  out: Float64Array,
): void {
  const { up, down, values, lower, upper, t } = plan;
  walk(counts, order, 0, 1, up, values, 0);
  walk(counts, order, sorted.length - 1, -1, down, values, up.length);
  for (let j = 0; j < values.length; j++) values[j] = sorted[values[j] as number] as number;
  for (let p = 0; p < out.length; p++) {
    const a = values[lower[p] as number] as number;
    const b = values[upper[p] as number] as number;
    const weight = t[p] as number;
    const difference = b - a;
    out[p] = weight >= 0.5 ? b - difference * (1 - weight) : a + difference * weight;
  }
}
