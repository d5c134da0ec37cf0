import type { ActionResult } from "./action-result.js";
import { renderBiasMarkdown } from "./render-bias-markdown.js";
import { renderBiasText } from "./render-bias-text.js";
import { renderEvaluateMarkdown } from "./render-evaluate-markdown.js";
import { renderEvaluateText } from "./render-evaluate-text.js";
import { renderShadowMarkdown } from "./render-shadow-markdown.js";
import { renderShadowText } from "./render-shadow-text.js";
import { renderValidateMarkdown } from "./render-validate-markdown.js";
import { renderValidateText } from "./render-validate-text.js";
import { renderTrainMarkdown } from "./render-train-markdown.js";
import { renderTrainText } from "./render-train-text.js";
import { renderPromoteMarkdown, renderRollbackMarkdown } from "./render-registry-markdown.js";
import { renderPromoteText, renderRollbackText } from "./render-registry-result-text.js";
import { sanitizeTerminalText } from "./escape-markdown.js";
import { renderUndecidedMarkdown } from "./render-undecided-markdown.js";

/** The markdown for any action's result: comment body and job summary alike. */
export function renderReportMarkdown(result: ActionResult, budget?: number): string {
  if ("error" in result) return renderUndecidedMarkdown(result);
  switch (result.action) {
    case "evaluate-gate":
      return renderEvaluateMarkdown(result, budget);
    case "shadow-compare":
      return renderShadowMarkdown(result, budget);
    case "validate-data":
      return renderValidateMarkdown(result, budget);
    case "bias-check":
      return renderBiasMarkdown(result, budget);
    case "train-reproducibly":
      return renderTrainMarkdown(result, budget);
    case "promote":
      return renderPromoteMarkdown(result, budget);
    case "rollback":
      return renderRollbackMarkdown(result, budget);
  }
}

/** The terminal rendering for any action's result. */
export function renderReportText(result: ActionResult): string {
  if ("error" in result) {
    return `${result.action} · ${sanitizeTerminalText(result.key)}: FAIL (cannot decide)\n${sanitizeTerminalText(result.error.message, 2000)}\nFix: ${sanitizeTerminalText(result.error.hint, 2000)}\n`;
  }
  switch (result.action) {
    case "evaluate-gate":
      return renderEvaluateText(result);
    case "shadow-compare":
      return renderShadowText(result);
    case "validate-data":
      return renderValidateText(result);
    case "bias-check":
      return renderBiasText(result);
    case "train-reproducibly":
      return renderTrainText(result);
    case "promote":
      return renderPromoteText(result);
    case "rollback":
      return renderRollbackText(result);
  }
}
