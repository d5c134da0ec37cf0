import type { LocalAttributions } from "./explanations.js";
import type { ChangedExample, ChangedPredictions, Reason } from "./explanation-summary.js";

/** Both models' outputs for the same examples, row i of each the same example (predictions paired by id). */
export interface PairedOutputs {
  output: "score" | "prediction";
  ids: readonly string[];
  candidate: Float64Array;
  baseline: Float64Array;
}

export interface ChangedPredictionOptions {
  /** How many of the largest changes to list; 0 lists none (the counts are always given). */
  examples: number;
  /** Reasons per example: the features with the largest |attribution| in that model's row. */
  reasons: number;
}

/**
 * Finds the examples whose output changed most between the models (largest |candidate − baseline|, ties by id in
 * code-unit order) and gives each model's top reasons for them from its per-example attributions, matched by id.
 */
export function findChangedPredictions(
  paired: PairedOutputs,
  local: { candidate?: LocalAttributions | undefined; baseline?: LocalAttributions | undefined },
  options: ChangedPredictionOptions,
): ChangedPredictions {
  const changedRows: number[] = [];
  let maxAbsDelta = 0;
  for (let i = 0; i < paired.ids.length; i++) {
    const delta = Math.abs(paired.candidate[i]! - paired.baseline[i]!);
    if (delta === 0) continue;
    changedRows.push(i);
    if (delta > maxAbsDelta) maxAbsDelta = delta;
  }
  const result: ChangedPredictions = {
    output: paired.output,
    compared: paired.ids.length,
    changed: changedRows.length,
    max_abs_delta: maxAbsDelta,
  };
  if (options.examples <= 0) return result;
  const absDelta = (row: number) => Math.abs(paired.candidate[row]! - paired.baseline[row]!);
  const byId = (row: number) => paired.ids[row]!;
  const largest = changedRows
    .sort((a, b) => absDelta(b) - absDelta(a) || (byId(a) < byId(b) ? -1 : byId(a) > byId(b) ? 1 : 0))
    .slice(0, options.examples);
  const candidateRows = indexIds(local.candidate);
  const baselineRows = indexIds(local.baseline);
  result.examples = largest.map((row): ChangedExample => {
    const id = byId(row);
    return {
      id,
      baseline: paired.baseline[row]!,
      candidate: paired.candidate[row]!,
      delta: paired.candidate[row]! - paired.baseline[row]!,
      candidate_reasons: topReasons(local.candidate, candidateRows.get(id), options.reasons),
      baseline_reasons: topReasons(local.baseline, baselineRows.get(id), options.reasons),
    };
  });
  return result;
}

function indexIds(local: LocalAttributions | undefined): Map<string, number> {
  return new Map((local?.ids ?? []).map((id, row) => [id, row]));
}

/** The `count` features with the largest |attribution| in one row, ties by feature name; null when there is no row. */
export function topReasons(
  local: LocalAttributions | undefined,
  row: number | undefined,
  count: number,
): Reason[] | null {
  if (!local || row === undefined) return null;
  const reasons = local.features.map((feature, f): Reason => ({ feature, attribution: local.values[f]![row]! }));
  reasons.sort(
    (a, b) =>
      Math.abs(b.attribution) - Math.abs(a.attribution) || (a.feature < b.feature ? -1 : a.feature > b.feature ? 1 : 0),
  );
  return reasons.slice(0, count);
}
