import type { ShadowExplanations } from "./read-shadow-explanations.js";
import type { ShadowComparison } from "./shadow-comparison.js";
import { cellText, requestId } from "./shadow-log.js";

/** One request for a person to label: both models' answers, the slices, the shadow's top reasons, an empty label. */
export type ReviewRow = Record<string, string>;

/** Twelve significant digits: the logged value, without the float noise of a subtraction (0.15160000000000007). */
const num = (value: number | undefined) =>
  value === undefined || Number.isNaN(value) ? "" : String(Number(value.toPrecision(12)));

/**
 * The rows of the review queue (or of the report's examples) for the chosen pairs, with a fixed column order:
 * id, reason, production and shadow prediction and score, |score delta|, the slice columns, the shadow's top reasons
 * and an empty `label` column to fill in.
 */
export function toReviewRows(
  comparison: ShadowComparison,
  picks: readonly { pair: number; reason: string }[],
  explanations: ShadowExplanations | undefined,
): { columns: string[]; rows: ReviewRow[] } {
  const { production, shadow, joined, scores } = comparison;
  const sliceNames = [...production.slices.keys()];
  const columns = [
    "id",
    "reason",
    "production_prediction",
    "shadow_prediction",
    "production_score",
    "shadow_score",
    "abs_score_delta",
    ...sliceNames.map((name) => `slice:${name}`),
    "shadow_reasons",
    "label",
  ];
  const rows = picks.map(({ pair, reason }) => {
    const p = joined.productionRows[pair] as number;
    const s = joined.shadowRows[pair] as number;
    const id = requestId(production, p) as string;
    const row: ReviewRow = {
      id,
      reason,
      production_prediction: production.predictions ? (cellText(production.predictions, p) ?? "") : "",
      shadow_prediction: shadow.predictions ? (cellText(shadow.predictions, s) ?? "") : "",
      production_score: num(production.scores?.[p]),
      shadow_score: num(shadow.scores?.[s]),
      abs_score_delta: num(scores?.absDelta[pair]),
    };
    for (const name of sliceNames) row[`slice:${name}`] = cellText(production.slices.get(name)!, p) ?? "";
    row.shadow_reasons = explanations?.topReasons(id).join("; ") ?? "";
    row.label = "";
    return row;
  });
  return { columns, rows };
}
