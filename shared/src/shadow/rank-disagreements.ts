import type { ShadowComparison } from "./shadow-comparison.js";

/**
 * The joined pairs (indices in join order) where the models disagree most: a different class, or without classes a
 * non-zero score delta; largest |score delta| first, then join order, so the ranking is deterministic.
 */
export function rankDisagreements(comparison: ShadowComparison): number[] {
  const { classes, scores } = comparison;
  const n = comparison.joined.productionRows.length;
  const picked: number[] = [];
  for (let i = 0; i < n; i++) {
    const differs = classes ? classes.disagree[i] === 1 : scores !== undefined && (scores.absDelta[i] as number) > 0;
    if (differs) picked.push(i);
  }
  const delta = (i: number) => {
    const value = scores?.absDelta[i] ?? Number.NaN;
    return Number.isNaN(value) ? -1 : value;
  };
  return picked.sort((a, b) => delta(b) - delta(a) || a - b);
}

/**
 * Pairs a person should label: every disagreement, then requests where either model's score is within `margin` of
 * the decision threshold (low confidence), at most `limit`, most uncertain first. Returns indices in join order
 * with why each was picked.
 */
export function selectReviewPairs(
  comparison: ShadowComparison,
  options: { margin: number; threshold: number; limit: number },
): { pair: number; reason: "disagreement" | "low-confidence" }[] {
  const out: { pair: number; reason: "disagreement" | "low-confidence" }[] = rankDisagreements(comparison).map(
    (pair) => ({ pair, reason: "disagreement" }),
  );
  const taken = new Set(out.map((entry) => entry.pair));
  const { production, shadow, joined } = comparison;
  if (production.scores && shadow.scores) {
    const uncertain: { pair: number; distance: number }[] = [];
    for (let i = 0; i < joined.productionRows.length; i++) {
      if (taken.has(i)) continue;
      const a = Math.abs((production.scores[joined.productionRows[i] as number] as number) - options.threshold);
      const b = Math.abs((shadow.scores[joined.shadowRows[i] as number] as number) - options.threshold);
      const distance = Math.min(Number.isNaN(a) ? Infinity : a, Number.isNaN(b) ? Infinity : b);
      if (distance < options.margin) uncertain.push({ pair: i, distance });
    }
    uncertain.sort((x, y) => x.distance - y.distance || x.pair - y.pair);
    out.push(...uncertain.map(({ pair }) => ({ pair, reason: "low-confidence" as const })));
  }
  return out.slice(0, options.limit);
}
