import type { UndecidedResult } from "../core/result-base.js";
import { escapeMarkdown } from "./escape-markdown.js";
import { verdictLabel } from "./verdict-label.js";

/** The report of a gate that could not decide: it fails, says why and how to fix it. */
export function renderUndecidedMarkdown(result: UndecidedResult): string {
  const where = result.error.file ? `\n\nFile: ${escapeMarkdown(result.error.file, 200)}` : "";
  return `### ${verdictLabel("fail")} · ${result.action} · ${escapeMarkdown(result.key)}\n**The gate could not decide**, so it fails.\n\n${escapeMarkdown(result.error.message, 2000)}${where}\n\n**Fix:** ${escapeMarkdown(result.error.hint, 2000)}\n`;
}
