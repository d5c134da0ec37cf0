import type { ActionResult } from "../report/action-result.js";
import { renderUndecidedMarkdown } from "../report/render-undecided-markdown.js";

/**
 * `renderReportMarkdown` for an action: the same markdown, loading only the renderer of this result's action (and,
 * for evaluate-gate, of the optional sections it has), so that no action parses every other action's report code
 * at start-up.
 */
export async function renderActionMarkdown(result: ActionResult): Promise<string> {
  if ("error" in result) return renderUndecidedMarkdown(result);
  switch (result.action) {
    case "evaluate-gate":
      return (await import("../report/load-evaluate-markdown.js")).renderEvaluateMarkdownLoaded(result);
    case "shadow-compare":
      return (await import("../report/render-shadow-markdown.js")).renderShadowMarkdown(result);
    case "validate-data":
      return (await import("../report/render-validate-markdown.js")).renderValidateMarkdown(result);
    case "bias-check":
      return (await import("../report/render-bias-markdown.js")).renderBiasMarkdown(result);
    case "train-reproducibly":
      return (await import("../report/render-train-markdown.js")).renderTrainMarkdown(result);
    case "promote":
      return (await import("../report/render-registry-markdown.js")).renderPromoteMarkdown(result);
    case "rollback":
      return (await import("../report/render-registry-markdown.js")).renderRollbackMarkdown(result);
  }
}
