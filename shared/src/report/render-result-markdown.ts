import type { ActionResult } from "./action-result.js";
import { renderUndecidedMarkdown } from "./render-undecided-markdown.js";

/**
 * `renderReportMarkdown` for one result (an action's, or a CLI command's): the same markdown, loading only the renderer of this result's action (and,
 * for evaluate-gate, of the optional sections it has), so that no action or command
 * parses every other action's report code at start-up.
 */
export async function renderResultMarkdown(result: ActionResult): Promise<string> {
  if ("error" in result) return renderUndecidedMarkdown(result);
  switch (result.action) {
    case "evaluate-gate":
      return (await import("./load-evaluate-markdown.js")).renderEvaluateMarkdownLoaded(result);
    case "shadow-compare":
      return (await import("./render-shadow-markdown.js")).renderShadowMarkdown(result);
    case "validate-data":
      return (await import("./render-validate-markdown.js")).renderValidateMarkdown(result);
    case "bias-check":
      return (await import("./render-bias-markdown.js")).renderBiasMarkdown(result);
    case "train-reproducibly":
      return (await import("./render-train-markdown.js")).renderTrainMarkdown(result);
    case "promote":
      return (await import("./render-registry-markdown.js")).renderPromoteMarkdown(result);
    case "rollback":
      return (await import("./render-registry-markdown.js")).renderRollbackMarkdown(result);
  }
}
