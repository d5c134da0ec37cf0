import type { ActionResult } from "../report/action-result.js";

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
    case "train-reproducibly":
      return {
        "cache-hit": String(result.cache?.hit ?? false),
        "artifact-id": result.artifact?.id == null ? "" : String(result.artifact.id),
        "model-sha256": result.model_sha256 ?? "",
        "lineage-sha256": result.manifest?.lineage_sha256 ?? "",
        manifest: result.manifest_path ?? "",
      };
    case "promote":
      return result.promotion === null
        ? {}
        : {
            version: result.promotion.version,
            "version-tag": result.promotion.version_tag,
            "event-tag": result.promotion.event_tag,
            "previous-version": result.promotion.previous_version ?? "",
            ...(result.promotion.deployment ? { "deployment-id": String(result.promotion.deployment.id) } : {}),
          };
    case "rollback":
      return result.rollback === null
        ? {}
        : {
            version: result.rollback.to,
            "from-version": result.rollback.from,
            "event-tag": result.rollback.assign_tag,
            ...(result.rollback.deployment ? { "deployment-id": String(result.rollback.deployment.id) } : {}),
          };
    default:
      return {};
  }
}
