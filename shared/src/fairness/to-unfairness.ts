import { isRatioMetric } from "./fairness-metrics.js";
import type { FairnessMetric } from "./fairness-metrics.js";

/**
 * How unfair a value is, on a scale where larger is worse: a difference as is, a fairlearn ratio (≤ 1) as 1 − ratio,
 * disparate impact (parity at 1, either side unfair) as |1 − DI|. A regression is an increase of this.
 */
export function toUnfairness(metric: FairnessMetric, value: number): number {
  if (metric === "disparate_impact") return Math.abs(1 - value);
  return isRatioMetric(metric) ? 1 - value : value;
}
