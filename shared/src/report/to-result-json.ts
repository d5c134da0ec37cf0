import type { ActionResult } from "./action-result.js";
import { toCanonicalJson } from "../core/canonical-json.js";

export const RESULT_SCHEMA = "modelgate.result/v1";

/**
 * The result JSON of contract §2: the whole typed result plus the rendered report, byte-identical
 * for identical inputs (sorted keys, no timestamps), so a later workflow can publish or verify it.
 */
export function toResultJson(result: ActionResult, reportMarkdown: string): string {
  return toCanonicalJson({ schema: RESULT_SCHEMA, ...result, report_markdown: reportMarkdown });
}
