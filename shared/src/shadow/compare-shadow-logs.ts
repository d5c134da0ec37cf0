import { compareClasses } from "./compare-classes.js";
import { compareLabels } from "./compare-labels.js";
import { compareLatency, type LatencyOptions } from "./compare-latency.js";
import { compareScores } from "./compare-scores.js";
import { compareSlices } from "./compare-slices.js";
import { joinShadowLogs, type DuplicatePolicy } from "./join-shadow-logs.js";
import type { ShadowLabels } from "./read-shadow-labels.js";
import type { ShadowComparison } from "./shadow-comparison.js";
import type { ShadowLog } from "./shadow-log.js";
import { compareDistributions } from "./compare-distributions.js";

export interface CompareShadowOptions {
  duplicates: DuplicatePolicy;
  latency: LatencyOptions;
  labels?: ShadowLabels;
}

/**
 * Joins the two logs and computes every comparison the policy may judge: classes, scores, their distributions,
 * latency, slices and, with labels, accuracy. Pure: the logs are already read.
 * @throws DataError from the join (duplicates under "error", no common id) and the class comparison.
 */
export function compareShadowLogs(
  production: ShadowLog,
  shadow: ShadowLog,
  options: CompareShadowOptions,
): ShadowComparison {
  const joined = joinShadowLogs(production, shadow, options.duplicates);
  const classes = compareClasses(production, shadow, joined);
  const scores = compareScores(production, shadow, joined);
  const latency = compareLatency(production, shadow, joined, options.latency);
  const labels = options.labels ? compareLabels(production, shadow, joined, options.labels) : undefined;
  return {
    production,
    shadow,
    joined,
    ...(classes && { classes }),
    ...(scores && { scores }),
    ...(latency && { latency }),
    slices: compareSlices(production, joined, classes),
    ...(labels && { labels }),
    distribution: compareDistributions(production, shadow, joined, scores),
  };
}
