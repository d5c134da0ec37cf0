import { markdownTable } from "markdown-table";
import type { GateRecord } from "../registry/registry-records.js";
import type { VersionPage } from "../registry/version-page.js";
import { escapeMarkdown } from "./escape-markdown.js";
import { formatNumber } from "../core/format-number.js";

const cell = (text: string | null) => (text === null ? "" : escapeMarkdown(text, 200));
const digest = (sha: string | undefined) => (sha === undefined ? "" : `\`${sha.slice(0, 12)}\``);

/**
 * A version's page (what `registry show` prints) as markdown: who registered it and which stages it holds, what
 * the gates judged (verdicts, checks, the data digest, key metrics), and its stage events with their reasons.
 */
export function renderVersionPageMarkdown(page: VersionPage): string {
  const holds = page.stages.length > 0 ? ` · holds ${page.stages.map((s) => escapeMarkdown(s)).join(", ")}` : "";
  const lines = [
    `**${escapeMarkdown(page.version)}** on \`${page.commit_sha.slice(0, 12)}\`, registered by ${cell(page.actor)} at ${cell(page.created_at)}${holds}.`,
  ];
  if (!page.gate_evidence) lines.push("⚠️ Written outside modelgate: no record, no gate evidence.");
  if (page.allow_ungated) lines.push("⚠️ Promoted with `--allow-ungated`: required gates may be missing.");
  const parts = [lines.join("\n")];
  if (page.gates.length > 0) {
    const rows = page.gates.map((gate) => [
      gateName(gate),
      cell(gate.verdict),
      counts(gate),
      digest(gate.subject?.eval_data_sha256),
      digest(gate.subject?.candidate_sha256),
      metrics(gate),
    ]);
    parts.push(
      markdownTable([["gate", "verdict", "checks", "data", "candidate", "metrics"], ...rows], {
        alignDelimiters: false,
      }),
    );
  } else if (page.gate_evidence) {
    parts.push("_No gates recorded._");
  }
  const events = page.events.map((e) => [
    String(e.counter),
    e.gate_evidence ? e.event : `${e.event} (outside modelgate, no gate evidence)`,
    cell(e.stage),
    cell(e.actor),
    cell(e.reason),
    cell(e.created_at),
  ]);
  if (events.length > 0)
    parts.push(
      markdownTable([["N", "event", "stage", "actor", "reason", "at"], ...events], {
        alignDelimiters: false,
        align: ["r"],
      }),
    );
  return parts.join("\n\n");
}

function gateName(gate: GateRecord): string {
  return gate.action === "check"
    ? `check ${cell(gate.key)}${gate.workflow ? ` (${cell(gate.workflow)})` : ""}`
    : `${cell(gate.action)} · ${cell(gate.key)}`;
}

function counts(gate: GateRecord): string {
  return gate.checks ? `${gate.checks.pass} pass · ${gate.checks.warn} warn · ${gate.checks.fail} fail` : "";
}

function metrics(gate: GateRecord): string {
  const entries = Object.entries(gate.metrics ?? {}).sort(([a], [b]) => (a < b ? -1 : 1));
  const shown = entries.slice(0, 6).map(([name, value]) => `${escapeMarkdown(name, 60)} ${formatNumber(value)}`);
  return entries.length > 6 ? `${shown.join(", ")}, …` : shown.join(", ");
}
