import { renderModelHistoryText } from "./render-model-history.js";
import type { HistoryRow } from "../registry/registry-history.js";
import type { ChainBreak } from "../registry/verify-event-chain.js";
import type { RegistryShow } from "../registry/version-page.js";
import { renderVersionPageText } from "./render-version-page-text.js";
import { escapeMarkdown, sanitizeTerminalText } from "./escape-markdown.js";

const clean = (text: string | null) => (text === null ? "-" : sanitizeTerminalText(text, 200));

/** A stage's history as terminal text, one event a line, oldest first. */
export function renderHistoryText(model: string, rows: readonly HistoryRow[]): string {
  if (rows.length === 0) return `${clean(model)}: no stage events\n`;
  const lines = rows.map((row) => {
    const from = row.previous_version === null ? "" : ` (was ${clean(row.previous_version)})`;
    const reason = row.reason === null ? "" : ` — ${clean(row.reason)}`;
    const foreign = row.gate_evidence ? "" : " [written outside modelgate: no gate evidence]";
    return `  #${row.counter}  ${row.stage.padEnd(10)} ${row.event.padEnd(8)} ${clean(row.version)}${from}  by ${clean(row.actor)} at ${clean(row.created_at)}${reason}${foreign}`;
  });
  return `${clean(model)} history:\n${lines.join("\n")}\n`;
}

/** A stage's history as a markdown table (job summary of rollback). */
export function renderHistoryMarkdown(model: string, rows: readonly HistoryRow[]): string {
  const header = `| N | stage | event | version | previous | actor | reason | at |\n|---:|---|---|---|---|---|---|---|`;
  const cell = (text: string | null) => (text === null ? "" : escapeMarkdown(text, 200));
  const body = rows.map(
    (row) =>
      `| ${row.counter} | ${cell(row.stage)} | ${row.event}${row.gate_evidence ? "" : " (outside modelgate, no gate evidence)"} | ${cell(row.version)} | ${cell(row.previous_version)} | ${cell(row.actor)} | ${cell(row.reason)} | ${cell(row.created_at)} |`,
  );
  return `#### History of ${escapeMarkdown(model)}\n\n${[header, ...body].join("\n")}\n`;
}

/** What each stage holds, then each version's page (newest first), then deregistered versions and untrusted tags. */
export function renderRegistryShowText(show: RegistryShow): string {
  const stages = Object.entries(show.stages).map(([stage, version]) => `${clean(stage)} ${clean(version)}`);
  const out = [`${clean(show.model)}`, `  stages: ${stages.join(", ") || "(none)"}`];
  if (show.versions.length === 0) out.push("  versions: (none)");
  const pages = show.versions.map((page) => renderVersionPageText(page));
  const deregistered =
    show.deregistered.length > 0
      ? [`  deregistered (outside modelgate): ${show.deregistered.map(clean).join(", ")}\n`]
      : [];
  const problems = show.problems.map((problem) => `  untrusted tag ${clean(problem.tag)}: ${clean(problem.problem)}\n`);
  return `${out.join("\n")}\n${pages.join("")}${deregistered.join("")}${problems.join("")}${show.history.map((history) => renderModelHistoryText(history)).join("")}`;
}

/** The verdict of `registry verify`. */
export function renderChainText(model: string, breaks: readonly ChainBreak[]): string {
  if (breaks.length === 0) return `${clean(model)}: event chain intact\n`;
  return `${clean(model)}: ${breaks.length} problem(s) in the registry\n${breaks.map((b) => `  ${clean(b.tag)}: ${clean(b.problem)}`).join("\n")}\n`;
}
