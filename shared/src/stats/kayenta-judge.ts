import { computeMannWhitneyU } from "./mann-whitney-u.js";
import { createSeededRandom } from "./seeded-random.js";

/** Kayenta's metric classifications; `nodata` when either sample is empty. */
export type KayentaClassification = "pass" | "high" | "low" | "nodata";

/** Which changes count against the experiment: Kayenta's `direction` (increase, decrease or either). */
export type KayentaDirection = "increase" | "decrease" | "either";

export interface KayentaJudgeOptions {
  /** Default 0.98, as NetflixACAJudge. */
  confidence?: number;
  /** Fraction of |estimate| that bounds the interval; default 0.25, as NetflixACAJudge. */
  tolerance?: number;
  /** Default "either", Kayenta's default. */
  direction?: KayentaDirection;
  /** Kayenta's allowedDecrease / allowedIncrease on the mean ratio experiment/control; default 1 and 1. */
  allowedDecrease?: number;
  allowedIncrease?: number;
  /** Seed of the Gaussian noise Kayenta adds when each sample is constant. */
  seed: number;
}

export interface KayentaJudgement {
  classification: KayentaClassification;
  /** Why, in one sentence. */
  reason: string;
  /** Mean(experiment)/mean(control), NaN-free: null when a mean is 0 (Kayenta's NaN). */
  meanRatio: number | null;
  /** The Mann–Whitney result when the test ran. */
  test?: { pValue: number; estimate: number; low: number; high: number; lowerBound: number; upperBound: number };
}

/**
 * Kayenta's Mann–Whitney metric classifier (spinnaker/kayenta MannWhitneyClassifier.scala with NetflixACAJudge's
 * defaults): "high" when the interval of the shift experiment − control lies above +tolerance·|estimate| and the
 * mean ratio is ≥ allowedIncrease, "low" when it lies below −tolerance·|estimate| and the ratio is ≤ allowedDecrease
 * (a ratio that cannot be computed does not block), else "pass". Identical samples, or one value throughout, pass;
 * when each sample is constant, Gaussian noise of scale 1e-5·value is added first (seeded here, random in Kayenta).
 */
export function judgeKayenta(
  control: ArrayLike<number>,
  experiment: ArrayLike<number>,
  options: KayentaJudgeOptions,
): KayentaJudgement {
  const {
    confidence = 0.98,
    tolerance = 0.25,
    direction = "either",
    allowedDecrease = 1,
    allowedIncrease = 1,
  } = options;
  if (control.length === 0 || experiment.length === 0) {
    return { classification: "nodata", reason: "One of the samples is empty.", meanRatio: null };
  }
  const meanRatio = ratioOfMeans(control, experiment);
  const sortedControl = Float64Array.from(control).sort();
  const sortedExperiment = Float64Array.from(experiment).sort();
  if (sortedControl.length === sortedExperiment.length && sortedControl.every((v, i) => v === sortedExperiment[i])) {
    return { classification: "pass", reason: "The two samples are identical.", meanRatio };
  }
  const constant = (sorted: Float64Array) => sorted[0] === sorted[sorted.length - 1];
  if (constant(sortedControl) && constant(sortedExperiment) && sortedControl[0] === sortedExperiment[0]) {
    return { classification: "pass", reason: "Every observation has the same value.", meanRatio };
  }
  const noisy = constant(sortedControl) && constant(sortedExperiment);
  const random = createSeededRandom(options.seed);
  const x = noisy ? addNoise(experiment, random) : experiment;
  const y = noisy ? addNoise(control, random) : control;
  const result = computeMannWhitneyU(x, y, { confidence });
  if (!result.ok) return { classification: "pass", reason: result.reason, meanRatio };
  const upperBound = tolerance * Math.abs(result.estimate);
  const lowerBound = -upperBound;
  const test = {
    pValue: result.pValue,
    estimate: result.estimate,
    low: result.low,
    high: result.high,
    lowerBound,
    upperBound,
  };
  const high =
    direction !== "decrease" && result.low > upperBound && (meanRatio === null || meanRatio >= allowedIncrease);
  const low =
    direction !== "increase" && result.high < lowerBound && (meanRatio === null || meanRatio <= allowedDecrease);
  if (high)
    return {
      classification: "high",
      reason: "The interval of the shift lies above the tolerance band.",
      meanRatio,
      test,
    };
  if (low)
    return {
      classification: "low",
      reason: "The interval of the shift lies below the tolerance band.",
      meanRatio,
      test,
    };
  return {
    classification: "pass",
    reason: "The interval of the shift reaches into the tolerance band.",
    meanRatio,
    test,
  };
}

function ratioOfMeans(control: ArrayLike<number>, experiment: ArrayLike<number>): number | null {
  const mean = (values: ArrayLike<number>) => {
    let sum = 0;
    for (let i = 0; i < values.length; i++) sum += values[i] as number;
    return sum / values.length;
  };
  const c = mean(control);
  const e = mean(experiment);
  return c === 0 || e === 0 ? null : e / c;
}

function addNoise(values: ArrayLike<number>, random: ReturnType<typeof createSeededRandom>): Float64Array {
  const scale = (values[0] as number) * 1e-5;
  return Float64Array.from(values, (value) => {
    // Box–Muller: one standard normal from two uniforms; 1 − u keeps the logarithm finite.
    const u = 1 - random.nextDouble();
    const v = random.nextDouble();
    return value + scale * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  });
}
