import type { FeatureAttribution } from "./explanations.js";

/**
 * 1-based importance ranks: the most important feature (largest mean |attribution|) is rank 1. Equal importances
 * are ordered by feature name (code-unit order), so ranks are a total order and identical on every machine.
 */
export function rankFeatures(global: ReadonlyMap<string, FeatureAttribution>): Map<string, number> {
  const ordered = [...global].sort(
    ([nameA, a], [nameB, b]) => b.meanAbs - a.meanAbs || (nameA < nameB ? -1 : nameA > nameB ? 1 : 0),
  );
  return new Map(ordered.map(([name], i) => [name, i + 1]));
}
