import { computeMcnemarExact, type McnemarResult } from "../stats/mcnemar-exact.js";
import type { JoinedLogs } from "./join-shadow-logs.js";
import type { ShadowLabels } from "./read-shadow-labels.js";
import { cellText, requestId, type ShadowLog } from "./shadow-log.js";

/** Both models' accuracy on the labelled joined requests, and McNemar's test of "same error rate". */
export interface LabelComparison {
  labelled: number;
  productionAccuracy: number;
  shadowAccuracy: number;
  /** b = production right and shadow wrong, c = production wrong and shadow right. */
  mcnemar: McnemarResult;
}

/**
 * Accuracy of each model's predicted class against the delayed labels, on the joined requests that have a label and
 * both predictions, with McNemar's exact test (production as baseline, shadow as candidate).
 */
export function compareLabels(
  production: ShadowLog,
  shadow: ShadowLog,
  joined: JoinedLogs,
  labels: ShadowLabels,
): LabelComparison | undefined {
  const a = production.predictions;
  const b = shadow.predictions;
  if (!a || !b) return undefined;
  let labelled = 0;
  let productionRight = 0;
  let shadowRight = 0;
  let onlyProduction = 0;
  let onlyShadow = 0;
  for (let i = 0; i < joined.productionRows.length; i++) {
    const row = joined.productionRows[i] as number;
    const id = requestId(production, row);
    const label = id === undefined ? undefined : labels.byId.get(id);
    const p = cellText(a, row);
    const s = cellText(b, joined.shadowRows[i] as number);
    if (label === undefined || p === undefined || s === undefined) continue;
    labelled++;
    const pr = p === label;
    const sr = s === label;
    if (pr) productionRight++;
    if (sr) shadowRight++;
    if (pr && !sr) onlyProduction++;
    if (!pr && sr) onlyShadow++;
  }
  if (labelled === 0) return undefined;
  return {
    labelled,
    productionAccuracy: productionRight / labelled,
    shadowAccuracy: shadowRight / labelled,
    mcnemar: computeMcnemarExact({ b: onlyProduction, c: onlyShadow }),
  };
}
