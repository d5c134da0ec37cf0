import type { FeatureAttribution, LocalAttributions } from "./explanations.js";

/**
 * Global attributions from per-example ones, as SHAP summaries define them: importance = mean |attribution|
 * (`np.abs(values).mean(axis=0)`), direction = mean signed attribution (`values.mean(axis=0)`).
 * Needs at least one row (the readers refuse empty files).
 */
export function computeGlobalAttributions(local: LocalAttributions): Map<string, FeatureAttribution> {
  const global = new Map<string, FeatureAttribution>();
  local.features.forEach((feature, f) => {
    const values = local.values[f]!;
    let sumAbs = 0;
    let sum = 0;
    for (const value of values) {
      sumAbs += Math.abs(value);
      sum += value;
    }
    global.set(feature, { meanAbs: sumAbs / values.length, mean: sum / values.length });
  });
  return global;
}
