import type { ActionResult } from "../gates/gate-result.js";

/** The outputs only one action has, beside the shared ones of contract §2. */
export function toActionOutputs(result: ActionResult): Record<string, string> {
  if ("error" in result) return {};
  switch (result.action) {
    case "validate-data":
      return {
        "data-sha256": result.data.sha256,
        rows: String(result.data.rows),
        "drifted-columns": JSON.stringify(result.drift?.drifted_columns ?? []),
        "drift-share": String(result.drift?.drift_share ?? 0),
      };
    default:
      return {};
  }
}
