import type { Check } from "../core/check.js";
import type { PromoteResult, RollbackResult } from "../registry/registry-result.js";
import { sanitizeTerminalText } from "./escape-markdown.js";
import { renderHistoryText } from "./render-registry-text.js";
import { worstFirst } from "./render-layout.js";
import { renderVersionPageText } from "./render-version-page-text.js";
import { suggestRegistryStep } from "./suggest-next-step.js";

const clean = (text: string) => sanitizeTerminalText(text, 300);

/** promote's result in a terminal: what moved or why not, one line per evidence check, the stage's history. */
export function renderPromoteText(result: PromoteResult): string {
  const head =
    result.promotion === null
      ? `promote · ${clean(result.model)}: REFUSED (${clean(result.stage)}); nothing was written`
      : `promote · ${clean(result.model)}: ${clean(result.promotion.version)} ${result.promotion.event_created ? "->" : "already in"} ${clean(result.stage)} (${clean(result.promotion.event_tag)})`;
  const checks = describeChecks(result.checks);
  const page = result.version_page ? `version:\n${renderVersionPageText(result.version_page)}` : "";
  return `${[head, ...checks, ...result.notes.map((n) => `  note: ${clean(n)}`)].join("\n")}\n${page}${renderHistoryText(result.model, result.history)}`;
}

/** rollback's result in a terminal. */
export function renderRollbackText(result: RollbackResult): string {
  const moved =
    result.rollback === null
      ? "REFUSED; nothing was written"
      : `${clean(result.rollback.from)} -> ${clean(result.rollback.to)}`;
  const head = `rollback · ${clean(result.model)} ${clean(result.stage)}: ${moved}`;
  const checks = describeChecks(result.checks);
  return `${[head, ...checks, ...result.notes.map((n) => `  note: ${clean(n)}`)].join("\n")}\n${renderHistoryText(result.model, result.history)}`;
}

/** Checks that did not pass first (worst first), each with what to do; the passing ones counted on one line. */
function describeChecks(checks: readonly Check[]): string[] {
  const lines = worstFirst(checks.filter((c) => c.verdict !== "pass")).flatMap((c) => [
    `  ${c.verdict.toUpperCase().padEnd(4)} ${clean(c.metric)} [${c.rule}] ${clean(c.message)}`,
    `       do: ${suggestRegistryStep(c)}`,
  ]);
  const passed = checks.filter((c) => c.verdict === "pass");
  if (passed.length > 0)
    lines.push(`  ${passed.length} passed: ${passed.map((c) => `${clean(c.metric)} [${c.rule}]`).join(", ")}`);
  return lines;
}
