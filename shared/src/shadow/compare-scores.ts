import { sortFloat64 } from "../stats/sort-float64.js";
import { percentileOfSorted } from "../stats/numpy-percentile.js";
import type { JoinedLogs } from "./join-shadow-logs.js";
import type { ShadowLog } from "./shadow-log.js";

/** How the shadow's scores differ from production's on the same requests. */
export interface ScoreComparison {
  /** Paired requests where both scores are present. */
  compared: number;
  /** Mean of shadow − production. */
  meanDelta: number;
  meanAbsDelta: number;
  /** numpy.percentile (linear) of |shadow − production|. */
  p50AbsDelta: number;
  p95AbsDelta: number;
  /**
   * Each model's scores on the pairs where both have one, sorted ascending: the two distributions the KS,
   * Wasserstein and PSI statistics compare (sorted once here, in place, instead of copied and sorted by each).
   */
  production: Float64Array;
  shadow: Float64Array;
  /** |Δ| per joined pair (NaN where a score is missing), to rank disagreements. */
  absDelta: Float64Array;
}

/**
 * Score deltas shadow − production over the joined requests where both logs have a score: mean, mean |Δ| and the
 * median and 95th percentile of |Δ| (numpy.percentile's linear method). Undefined without scores in both logs, or
 * with no pair where both are present.
 */
export function compareScores(
  production: ShadowLog,
  shadow: ShadowLog,
  joined: JoinedLogs,
): ScoreComparison | undefined {
  const a = production.scores;
  const b = shadow.scores;
  if (!a || !b) return undefined;
  const n = joined.productionRows.length;
  const absDelta = new Float64Array(n);
  const pairedA = new Float64Array(n);
  const pairedB = new Float64Array(n);
  let compared = 0;
  let sum = 0;
  let sumAbs = 0;
  for (let i = 0; i < n; i++) {
    const x = a[joined.productionRows[i] as number] as number;
    const y = b[joined.shadowRows[i] as number] as number;
    const delta = y - x;
    absDelta[i] = Math.abs(delta);
    if (Number.isNaN(delta)) continue;
    pairedA[compared] = x;
    pairedB[compared] = y;
    compared++;
    sum += delta;
    sumAbs += Math.abs(delta);
  }
  if (compared === 0) return undefined;
  // The |Δ| of the compared pairs are the first `compared` values of pairedB − pairedA, before those are sorted:
  // one typed copy, sorted in place (a typed array's filter and sort would each box every value on the heap).
  const sorted = new Float64Array(compared);
  for (let i = 0; i < compared; i++) sorted[i] = Math.abs((pairedB[i] as number) - (pairedA[i] as number));
  sortFloat64(sorted);
  return {
    compared,
    meanDelta: sum / compared,
    meanAbsDelta: sumAbs / compared,
    p50AbsDelta: percentileOfSorted(sorted, 50),
    p95AbsDelta: percentileOfSorted(sorted, 95),
    production: sortFloat64(pairedA.subarray(0, compared)),
    shadow: sortFloat64(pairedB.subarray(0, compared)),
    absDelta,
  };
}
