import type { GateResult } from "../evaluate/gate-result.js";
import { toShortfallNote } from "../registry/model-history.js";
import type { MarkdownBlock } from "./fit-markdown.js";
import type { HistoryExtras } from "./render-model-history.js";
import { renderModelHistoryMarkdown, renderModelHistoryText } from "./render-model-history.js";

function extras(result: GateResult): HistoryExtras {
  const rules = result.checks.filter((c) => c.rule === "max-below-median");
  const rule =
    rules.length === 0
      ? undefined
      : Object.fromEntries(rules.map((c) => [c.metric, { verdict: c.verdict, threshold: c.threshold }]));
  // add-model-history puts the shortfall among the result's notes, which the report shows above: once is enough.
  const shortfall = result.history!.shortfall;
  const shortfallInNotes = shortfall !== null && result.notes.includes(toShortfallNote(shortfall));
  return { candidate: result.history!.candidate, ...(rule && { rule }), shortfallInNotes };
}

/** evaluate-gate's history section (markdown), when the policy asks for it; dropped before the verdict's table when over budget. */
export function renderEvaluateHistoryBlocks(result: GateResult): MarkdownBlock[] {
  return result.history
    ? [{ text: renderModelHistoryMarkdown(result.history, extras(result)).trimEnd(), dropOrder: 4 }]
    : [];
}

/** The same section for the terminal. */
export function renderEvaluateHistoryText(result: GateResult): string {
  return result.history ? renderModelHistoryText(result.history, extras(result)) : "";
}
