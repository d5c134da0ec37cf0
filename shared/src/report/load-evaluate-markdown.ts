import type { GateResult } from "../evaluate/gate-result.js";
import type { MarkdownBlock } from "./fit-markdown.js";
import { evaluateLayout } from "./render-evaluate-layout.js";
import { renderLayoutMarkdown } from "./render-layout.js";

const none = (): MarkdownBlock[] => [];

/**
 * `renderEvaluateMarkdown`, loading the renderers of only the optional sections this result has (slices, slice
 * search, history, explanations, plots): a run on metrics files never loads their code, which an action's cold
 * start would otherwise parse. Byte-identical to `renderEvaluateMarkdown`.
 */
export async function renderEvaluateMarkdownLoaded(result: GateResult, budget?: number): Promise<string> {
  const optional =
    result.slices?.length || result.slice_search || result.history || result.explanations || result.plots
      ? await import("./evaluate-sections.js")
      : undefined;
  return renderLayoutMarkdown(
    evaluateLayout(result, {
      slices: optional && result.slices?.length ? optional.sliceBlocks : none,
      sliceSearch: optional && result.slice_search ? optional.sliceSearchBlocks : none,
      history: optional && result.history ? optional.historyBlocks : none,
      explanations: optional && result.explanations ? optional.explanationBlocks : none,
      plots: optional && result.plots ? optional.plotBlocks : none,
    }),
    budget,
  );
}
