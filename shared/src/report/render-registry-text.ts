import type { ModelRegistry } from "../registry/read-model-registry.js";
import type { HistoryRow } from "../registry/registry-history.js";
import type { ChainBreak } from "../registry/verify-event-chain.js";
import { currentAssignment, stagesOf } from "../registry/stage-state.js";
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
  const body = rows.map((row) => `| ${row.counter} | ${cell(row.stage)} | ${row.event}${row.gate_evidence ? "" : " (outside modelgate, no gate evidence)"} | ${cell(row.version)} | ${cell(row.previous_version)} | ${cell(row.actor)} | ${cell(row.reason)} | ${cell(row.created_at)} |`);
  return `#### History of ${escapeMarkdown(model)}\n\n${[header, ...body].join("\n")}\n`;
}

/** Versions, what each stage holds, and untrusted tags. */
export function renderRegistryShowText(registry: ModelRegistry): string {
  const out = [`${clean(registry.model)}`];
  out.push(`  versions: ${registry.versions.map((v) => clean(v.version)).join(", ") || "(none)"}`);
  if (registry.foreignVersions.length > 0) out.push(`  written outside modelgate (no record, no gate evidence): ${registry.foreignVersions.map((v) => clean(v.version)).join(", ")}`);
  if (registry.deregistered.length > 0) out.push(`  deregistered: ${registry.deregistered.map(clean).join(", ")}`);
  for (const stage of stagesOf(registry)) {
    out.push(`  ${clean(stage)}: ${clean(currentAssignment(registry, stage)?.record.version ?? null)}`);
  }
  for (const problem of registry.problems) out.push(`  untrusted tag ${clean(problem.tag)}: ${clean(problem.problem)}`);
  return `${out.join("\n")}\n`;
}

/** The verdict of `registry verify`. */
export function renderChainText(model: string, breaks: readonly ChainBreak[]): string {
  if (breaks.length === 0) return `${clean(model)}: event chain intact\n`;
  return `${clean(model)}: ${breaks.length} problem(s) in the registry\n${breaks.map((b) => `  ${clean(b.tag)}: ${clean(b.problem)}`).join("\n")}\n`;
}
