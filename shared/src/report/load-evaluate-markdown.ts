import type { GateResult } from "../evaluate/gate-result.js";
import type { EvaluateSectionRenderers } from "./render-evaluate-layout.js";
import { evaluateLayout } from "./render-evaluate-layout.js";
import { renderLayoutMarkdown } from "./render-layout.js";

const none = () => [];
const NO_SECTIONS: EvaluateSectionRenderers = {
  slices: none,
  sliceSearch: none,
  history: none,
  explanations: none,
  plots: none,
};

/**
 * `renderEvaluateMarkdown`, loading the optional sections' renderers (slices, slice search, history, explanations,
 * plots) only when this result has one of them: a run on metrics files never loads their code, which an action's
 * cold start would otherwise parse. Byte-identical to `renderEvaluateMarkdown`, since each section's renderer
 * renders nothing for a result without that section.
 */
export async function renderEvaluateMarkdownLoaded(result: GateResult, budget?: number): Promise<string> {
  const optional =
    result.slices?.length || result.slice_search || result.history || result.explanations || result.plots;
  const sections = optional ? (await import("./evaluate-sections.js")).ALL_EVALUATE_SECTIONS : NO_SECTIONS;
  return renderLayoutMarkdown(evaluateLayout(result, sections), budget);
}
