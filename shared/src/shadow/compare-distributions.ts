import { ksTwoSampleSorted } from "../stats/ks-two-sample.js";
import {
  binCountsOfSorted,
  populationStabilityIndex,
  quantileBinEdgesOfSorted,
} from "../stats/population-stability-index.js";
import { wassersteinOfSorted } from "../stats/wasserstein.js";
import type { ScoreComparison } from "./compare-scores.js";
import type { JoinedLogs } from "./join-shadow-logs.js";
import type { ShadowComparison } from "./shadow-comparison.js";
import type { ShadowLog } from "./shadow-log.js";

/** Contract §7: PSI over 10 bins at the reference's quantiles. */
const PSI_BINS = 10;

/**
 * How far the shadow's output distribution is from production's on the same requests: KS and Wasserstein distance
 * of the paired scores, PSI of the scores (10 bins at production's quantiles, contract §7) and PSI of the
 * predicted classes (one bin per class either model predicts).
 */
export function compareDistributions(
  production: ShadowLog,
  shadow: ShadowLog,
  joined: JoinedLogs,
  scores: ScoreComparison | undefined,
): ShadowComparison["distribution"] {
  const out: ShadowComparison["distribution"] = {};
  if (scores && scores.compared > 0) {
    // compareScores keeps both sides sorted (finite: pairs with a missing score are left out).
    const production = scores.production;
    const shadow = scores.shadow;
    const ks = ksTwoSampleSorted(production, shadow);
    out.scoreKs = { statistic: ks.statistic, pValue: ks.pValue, method: ks.method };
    out.scoreWasserstein = wassersteinOfSorted(production, shadow);
    const edges = quantileBinEdgesOfSorted(production, PSI_BINS);
    out.scorePsi = populationStabilityIndex(
      binCountsOfSorted(production, edges),
      binCountsOfSorted(shadow, edges),
    ).value;
  }
  const a = production.predictions;
  const b = shadow.predictions;
  if (a && b) {
    const labels = [...new Set([...a.dictionary, ...b.dictionary])].sort();
    const index = new Map(labels.map((label, i) => [label, i]));
    const productionCounts = new Array<number>(labels.length).fill(0);
    const shadowCounts = new Array<number>(labels.length).fill(0);
    for (let i = 0; i < joined.productionRows.length; i++) {
      const p = a.codes[joined.productionRows[i] as number] as number;
      const s = b.codes[joined.shadowRows[i] as number] as number;
      if (p < 0 || s < 0) continue;
      productionCounts[index.get(a.dictionary[p] as string) as number]! += 1;
      shadowCounts[index.get(b.dictionary[s] as string) as number]! += 1;
    }
    if (productionCounts.some((count) => count > 0))
      out.predictionPsi = populationStabilityIndex(productionCounts, shadowCounts).value;
  }
  return out;
}
