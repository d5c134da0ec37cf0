import type { ActionResult } from "../report/action-result.js";

/**
 * `renderReportMarkdown` (full budget) with only the result's own renderer loaded: a command prints one action's
 * result, so it need not compile the renderers of the others at start-up.
 */
export async function renderResultMarkdown(result: ActionResult): Promise<string> {
  if ("error" in result)
    return (await import("../report/render-undecided-markdown.js")).renderUndecidedMarkdown(result);
  switch (result.action) {
    case "evaluate-gate":
      return (await import("../report/render-evaluate-markdown.js")).renderEvaluateMarkdown(result);
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
