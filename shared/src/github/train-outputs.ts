import type { ActionResult } from "../report/action-result.js";

/** train-reproducibly's own outputs, beside the shared ones; empty values when the run has none. */
export function toTrainOutputs(result: ActionResult): Record<string, string> {
  if ("error" in result || result.action !== "train-reproducibly") return {};
  return {
    "cache-hit": String(result.cache?.hit ?? false),
    "artifact-id": result.artifact?.id == null ? "" : String(result.artifact.id),
    "model-sha256": result.model_sha256 ?? "",
    "lineage-sha256": result.manifest?.lineage_sha256 ?? "",
    manifest: result.manifest_path ?? "",
  };
}
