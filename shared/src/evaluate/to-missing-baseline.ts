import type { EvaluatePolicy } from "./evaluate-policy-schema.js";
import type { MissingBaseline } from "./evaluate-metric-rules.js";

/**
 * A registry version used as the baseline: how reports name it, and its evaluation predictions: paired with the
 * candidate's, stored but not read (the candidate gave a metrics file), or none stored.
 */
export interface RegistryBaselineSource {
  label: string;
  predictions: "paired" | "stored" | "none";
}

/**
 * A baseline rule whose metric the baseline lacks warns by default (contract §3), but fails for a registry baseline:
 * the version was promoted without what the gate needs, and a gate that cannot compare must not pass as if it had.
 * `evaluate.on-missing-baseline` overrides either default.
 */
export function toMissingBaseline(
  evaluate: EvaluatePolicy,
  registry: RegistryBaselineSource | undefined,
): MissingBaseline {
  const verdict = evaluate["on-missing-baseline"] ?? (registry ? "fail" : "warn");
  if (!registry) return { verdict };
  const { label, predictions } = registry;
  const why: Record<RegistryBaselineSource["predictions"], (metric: string) => string> = {
    paired: (metric) => `${label} records no ${metric}, and its stored predictions do not give it`,
    stored: (metric) =>
      `${label} records no ${metric}; its stored predictions are read only when candidate-predictions are given`,
    none: (metric) => `${label} records no ${metric} and stores no evaluation predictions to compute it from`,
  };
  const fix: Record<RegistryBaselineSource["predictions"], (metric: string) => string> = {
    paired: (metric) =>
      `Record ${metric} with the version (the manifest's metrics or evaluate-gate's result at promotion), or set evaluate.on-missing-baseline: warn.`,
    stored: () =>
      "Give candidate-predictions, so both models' metrics are computed from predictions of the same examples, or set evaluate.on-missing-baseline: warn.",
    none: (metric) =>
      `Promote versions with their evaluation predictions (promote's predictions input) so a registry: baseline can compute ${metric}, or set evaluate.on-missing-baseline: warn.`,
  };
  return { verdict, why: why[predictions], fix: fix[predictions] };
}
