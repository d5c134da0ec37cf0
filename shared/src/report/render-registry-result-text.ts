import type { PromoteResult, RollbackResult } from "../registry/registry-result.js";
import { sanitizeTerminalText } from "./escape-markdown.js";
import { renderHistoryText } from "./render-registry-text.js";
import { renderVersionPageText } from "./render-version-page-text.js";

const clean = (text: string) => sanitizeTerminalText(text, 300);

/** promote's result in a terminal: what moved or why not, one line per evidence check, the stage's history. */
export function renderPromoteText(result: PromoteResult): string {
  const head = result.promotion === null
    ? `promote · ${clean(result.model)}: REFUSED (${clean(result.stage)}); nothing was written`
    : `promote · ${clean(result.model)}: ${clean(result.promotion.version)} ${result.promotion.event_created ? "->" : "already in"} ${clean(result.stage)} (${clean(result.promotion.event_tag)})`;
  const checks = result.checks.map((c) => `  ${c.verdict.toUpperCase().padEnd(4)} ${clean(c.metric)} [${c.rule}] ${clean(c.message)}`);
  const page = result.version_page ? `version:\n${renderVersionPageText(result.version_page)}` : "";
  return `${[head, ...checks, ...result.notes.map((n) => `  note: ${clean(n)}`)].join("\n")}\n${page}${renderHistoryText(result.model, result.history)}`;
}

/** rollback's result in a terminal. */
export function renderRollbackText(result: RollbackResult): string {
  const moved = result.rollback === null ? "REFUSED; nothing was written" : `${clean(result.rollback.from)} -> ${clean(result.rollback.to)}`;
  const head = `rollback · ${clean(result.model)} ${clean(result.stage)}: ${moved}`;
  const checks = result.checks.map((c) => `  ${c.verdict.toUpperCase().padEnd(4)} ${clean(c.metric)} [${c.rule}] ${clean(c.message)}`);
  return `${[head, ...checks, ...result.notes.map((n) => `  note: ${clean(n)}`)].join("\n")}\n${renderHistoryText(result.model, result.history)}`;
}
