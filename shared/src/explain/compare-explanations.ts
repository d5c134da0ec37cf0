import type { Explanations, FeatureAttribution } from "./explanations.js";
import type { ExplanationSummary, FeatureComparison, FeatureStanding } from "./explanation-summary.js";
import { compareAttributionSigns } from "./compare-attribution-signs.js";
import { rankFeatures } from "./rank-features.js";

/**
 * Compares two models' global explanations: each model's top-k features by importance (mean |attribution|),
 * rank changes, features entering or leaving the top-k, sign changes (as `compareAttributionSigns` defines them), and features only one
 * model has. Without a baseline, only the candidate's top-k is listed. Pure; ranks as `rankFeatures` orders them.
 */
export function compareExplanations(
  candidate: Explanations,
  baseline: Explanations | undefined,
  topK: number,
): ExplanationSummary {
  const candidateRanks = rankFeatures(candidate.global);
  const baselineRanks = baseline ? rankFeatures(baseline.global) : new Map<string, number>();
  const top = (ranks: ReadonlyMap<string, number>) =>
    [...ranks].filter(([, rank]) => rank <= topK).map(([name]) => name);
  const candidateTop = top(candidateRanks);
  const baselineTop = top(baselineRanks);
  const candidateTopSet = new Set(candidateTop);
  const shown = [...candidateTop, ...baselineTop.filter((name) => !candidateTopSet.has(name))];
  const compare = (feature: string): FeatureComparison => {
    const c = standing(candidate.global.get(feature), candidateRanks.get(feature));
    const b = standing(baseline?.global.get(feature), baselineRanks.get(feature));
    const signs = baseline && c && b ? compareAttributionSigns(feature, candidate, baseline) : undefined;
    return {
      feature,
      candidate: c,
      baseline: b,
      rank_change: c && b ? c.rank - b.rank : null,
      sign_flip: signs?.changed ?? null,
      sign_change_share: signs?.share ?? null,
    };
  };
  const baselineNames = baseline ? [...baselineRanks.keys()] : [];
  const shared = [...candidateRanks.keys()].filter((name) => baselineRanks.has(name));
  return {
    top_k: topK,
    files: { candidate: candidate.name, baseline: baseline?.name ?? null },
    features: shown.map(compare),
    entered: baseline ? candidateTop.filter((name) => !baselineTop.includes(name)) : [],
    left: baselineTop.filter((name) => !candidateTopSet.has(name)),
    sign_flips: shared.filter((name) => compare(name).sign_flip === true),
    sign_unknown:
      baseline !== undefined &&
      [...candidate.global.values(), ...baseline.global.values()].some((a) => a.mean === null),
    only_candidate: baseline ? [...candidateRanks.keys()].filter((name) => !baselineRanks.has(name)) : [],
    only_baseline: baselineNames.filter((name) => !candidateRanks.has(name)),
  };
}

function standing(attribution: FeatureAttribution | undefined, rank: number | undefined): FeatureStanding | null {
  if (!attribution || rank === undefined) return null;
  return { importance: attribution.meanAbs, mean: attribution.mean, rank };
}
