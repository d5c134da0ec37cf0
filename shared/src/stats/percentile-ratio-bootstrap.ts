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
  const indices = new Uint32Array(n);
  const counts = new Int32Array(n);
  const controlAt = new Float64Array(percents.length);
  const treatmentAt = new Float64Array(percents.length);
  for (let b = 0; b < resamples; b++) {
    random.fillInts(n, indices);
    counts.fill(0);
    for (let k = 0; k < n; k++) counts[indices[k] as number]!++;
    resampledPercentiles(controlSorted, controlOrder, counts, percents, controlAt);
    resampledPercentiles(treatmentSorted, treatmentOrder, counts, percents, treatmentAt);
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
 * numpy.percentile (linear) of the resample in which value `sorted[r]` (from observation `order[r]`) occurs
 * `counts[order[r]]` times: order statistics found by walking the multiplicities, all percents in one pass.
 */
function resampledPercentiles(
  sorted: Float64Array,
  order: Uint32Array,
  counts: Int32Array,
  percents: readonly number[],
  out: Float64Array,
): void {
  const n = sorted.length;
  const wanted = percents.map((percent) => {
    const index = (n - 1) * (percent / 100);
    return { below: Math.floor(index), t: index - Math.floor(index) };
  });
  // Order statistics needed, ascending: for each percent, ranks `below` and `below + 1` (0-based) of the resample.
  const ranks = wanted.flatMap(({ below }) => [below, Math.min(below + 1, n - 1)]);
  const targets = [...new Set(ranks)].sort((a, b) => a - b);
  const valueAt = new Map<number, number>();
  let cumulative = 0;
  let next = 0;
  for (let r = 0; r < n && next < targets.length; r++) {
    cumulative += counts[order[r] as number] as number;
    while (next < targets.length && (targets[next] as number) < cumulative)
      valueAt.set(targets[next++] as number, sorted[r] as number);
  }
  wanted.forEach(({ below, t }, p) => {
    const a = valueAt.get(below) as number;
    const b = valueAt.get(Math.min(below + 1, n - 1)) as number;
    const difference = b - a;
    out[p] = t >= 0.5 ? b - difference * (1 - t) : a + difference * t;
  });
}
