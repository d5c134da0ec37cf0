import { createSeededRandomFromState } from "./seeded-random.js";
import { wasmResamplePositions } from "./percentile-resample-wasm.js";

/**
 * The order statistics numpy.percentile (linear) needs for each percent of a sample of n: ranks `below` and
 * `below + 1` (0-based, ascending, clamped to n − 1) and the weight t of the upper one. The ranks below the middle
 * are found walking up from the smallest value, the others walking down from the largest (rank k is rank n − 1 − k
 * from the top): p95 and p99 then walk a twentieth of the data, not all of it.
 */
export interface PercentilePlan {
  /** Distinct ranks below n / 2, ascending. */
  up: Int32Array;
  /** Distinct ranks from n / 2 on, descending, each as its rank from the top (n − 1 − rank). */
  down: Int32Array;
  /** Per percent: where its two order statistics are among the ranks of `up` then `down`, and the upper one's weight. */
  lower: Int32Array;
  upper: Int32Array;
  t: Float64Array;
}

/** The plan of a resample's percentiles for samples of n. */
export function planPercentiles(n: number, percents: readonly number[]): PercentilePlan {
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
    lower: Int32Array.from(wanted, ({ below }) => slots.indexOf(below)),
    upper: Int32Array.from(wanted, ({ below }) => slots.indexOf(Math.min(below + 1, n - 1))),
    t: Float64Array.from(wanted, ({ t }) => t),
  };
}

/**
 * Receives resample b's sorted positions of the plan's ranks: the control's (those of `up`, then those of `down`),
 * then the treatment's. The array is reused for the next resample.
 */
export type ResampleSink = (b: number, positions: Int32Array) => void;

/**
 * Draws `resamples` paired resamples of n = `controlOrder.length` observations and hands each one's sorted positions
 * of the plan's ranks to `sink`. Resample b tallies the n indices `tallyInts(n, n, counts)` draws from the xoshiro128**
 * generator at `state` after the b resamples before it, and walks each model's sorted order (`controlOrder`,
 * `treatmentOrder`: observation indices, ascending by value) adding up the multiplicities, up from the smallest for
 * the ranks of `up` and down from the largest for those of `down`. By the WebAssembly kernel (percentile-resample.wat,
 * full speed from its first resample) where it can run, else in JavaScript: the same positions either way.
 */
export function resamplePositions(
  state: readonly [number, number, number, number],
  controlOrder: Uint32Array,
  treatmentOrder: Uint32Array,
  plan: PercentilePlan,
  resamples: number,
  sink: ResampleSink,
): void {
  if (wasmResamplePositions(state, controlOrder, treatmentOrder, plan, resamples, sink)) return;
  jsResamplePositions(state, controlOrder, treatmentOrder, plan, resamples, sink);
}

/** `resamplePositions` in JavaScript: for no WebAssembly, n above 2²¹ or more memory than it may have. */
export function jsResamplePositions(
  state: readonly [number, number, number, number],
  controlOrder: Uint32Array,
  treatmentOrder: Uint32Array,
  plan: PercentilePlan,
  resamples: number,
  sink: ResampleSink,
): void {
  const n = controlOrder.length;
  const { up, down } = plan;
  const slots = up.length + down.length;
  const random = createSeededRandomFromState(state);
  const counts = new Int32Array(n);
  const positions = new Int32Array(2 * slots);
  for (let b = 0; b < resamples; b++) {
    // How many times each observation is drawn, counted as drawn: no index array, one loop per resample.
    counts.fill(0);
    random.tallyInts(n, n, counts);
    walk(counts, controlOrder, 0, 1, up, positions, 0);
    walk(counts, controlOrder, n - 1, -1, down, positions, up.length);
    walk(counts, treatmentOrder, 0, 1, up, positions, slots);
    walk(counts, treatmentOrder, n - 1, -1, down, positions, slots + up.length);
    sink(b, positions);
  }
}

/**
 * Walks the observations in sorted order from `start` by `step` (+1 up from the smallest, -1 down from the largest),
 * adding up their multiplicities, and writes at `positions[offset + j]` the sorted position where the count first
 * passes `ranks[j]` (0-based, counted from `start`'s end, in walking order). The multiplicities add up to n, past
 * every rank. One small function for both directions, so the engine optimizes it after few resamples.
 */
function walk(
  counts: Int32Array,
  order: Uint32Array,
  start: number,
  step: number,
  ranks: Int32Array,
  positions: Int32Array,
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
    positions[offset + j] = position;
  }
}
