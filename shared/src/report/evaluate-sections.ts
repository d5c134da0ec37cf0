import type { GateResult } from "../evaluate/gate-result.js";
import type { MarkdownBlock } from "./fit-markdown.js";
import type { EvaluateSectionRenderers } from "./render-evaluate-layout.js";
import { renderEvaluateHistoryBlocks } from "./render-evaluate-history.js";
import { renderEvaluatePlotBlocks } from "./render-evaluate-plot.js";
import { renderExplanationBlocks } from "./render-explanations-markdown.js";
import { renderSliceSearchMarkdown } from "./render-slice-search-markdown.js";
import { renderSlicesMarkdown } from "./render-slices-markdown.js";

/** The per-slice table, when the policy names slice columns. */
export function sliceBlocks(result: GateResult, tableRows: number): MarkdownBlock[] {
  return result.slices && result.slices.length > 0
    ? [{ text: renderSlicesMarkdown(result.slices, tableRows), dropOrder: 4 }]
    : [];
}

/** The slices the automatic search found, when the policy asks for the search. */
export function sliceSearchBlocks(result: GateResult): MarkdownBlock[] {
  return result.slice_search ? [{ text: renderSliceSearchMarkdown(result.slice_search), dropOrder: 4 }] : [];
}

/** The history over the stage's last versions, when the policy asks for it. */
export const historyBlocks = renderEvaluateHistoryBlocks;

/** The explanations summary, when explanations were given. */
export function explanationBlocks(result: GateResult): MarkdownBlock[] {
  return renderExplanationBlocks(result.explanations);
}

/** The plots computed from predictions. */
export function plotBlocks(result: GateResult): MarkdownBlock[] {
  return renderEvaluatePlotBlocks(result.plots);
}

/** Every optional section's renderer; each renders nothing for a result without its section. */
export const ALL_EVALUATE_SECTIONS: EvaluateSectionRenderers = {
  slices: sliceBlocks,
  sliceSearch: sliceSearchBlocks,
  history: historyBlocks,
  explanations: explanationBlocks,
  plots: plotBlocks,
};
