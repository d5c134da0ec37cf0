import type { VersionPage } from "../registry/version-page.js";
import type { GateRecord } from "../registry/registry-records.js";
import { sanitizeTerminalText } from "./escape-markdown.js";
import { formatNumber } from "../core/format-number.js";
import { toCanonicalJson } from "../core/canonical-json.js";

const clean = (text: string | null) => (text === null ? "-" : sanitizeTerminalText(text, 200));
const short = (digest: string) => `sha256:${digest.slice(0, 12)}`;

/** A version's page in a terminal: who made it and where it is, its events with their reasons, gates, metrics, files. */
export function renderVersionPageText(page: VersionPage, indent = "  "): string {
  const held = page.stages.length > 0 ? `  holds ${page.stages.map(clean).join(", ")}` : "";
  const lines = [
    `${indent}${clean(page.version)}  ${clean(page.tag)} on ${page.commit_sha.slice(0, 12)}, by ${clean(page.actor)} at ${clean(page.created_at)}${held}`,
  ];
  const more = `${indent}  `;
  if (!page.gate_evidence) lines.push(`${more}written outside modelgate: no record, no gate evidence`);
  if (page.allow_ungated) lines.push(`${more}promoted with --allow-ungated: required gates may be missing`);
  for (const event of page.events) {
    const reason = event.reason === null ? "" : `: ${clean(event.reason)}`;
    const foreign = event.gate_evidence ? "" : " [written outside modelgate: no gate evidence]";
    lines.push(
      `${more}#${event.counter} ${event.event} ${event.event === "unassign" ? "from" : "to"} ${clean(event.stage)} by ${clean(event.actor)} at ${clean(event.created_at)}${reason}${foreign}`,
    );
    // A later promotion was judged again: its own gates, where they differ from those the version was registered with.
    if (event.gates && toCanonicalJson(event.gates) !== toCanonicalJson(page.gates)) {
      lines.push(
        `${more}  gates of this promotion: ${event.gates.length === 0 ? "none recorded" : event.gates.map(describeGate).join("; ")}`,
      );
    }
  }
  if (page.gate_evidence)
    lines.push(`${more}gates: ${page.gates.length === 0 ? "none recorded" : page.gates.map(describeGate).join("; ")}`);
  const metrics = Object.entries(page.metrics).sort(([a], [b]) => (a < b ? -1 : 1));
  if (metrics.length > 0)
    lines.push(`${more}metrics: ${metrics.map(([name, value]) => `${clean(name)} ${formatNumber(value)}`).join(", ")}`);
  for (const artifact of page.artifacts) {
    const role = artifact.role ? ` [${artifact.role}]` : "";
    lines.push(`${more}${clean(artifact.name)}${role} ${short(artifact.sha256)} (${artifact.bytes} bytes)`);
  }
  return `${lines.join("\n")}\n`;
}

function describeGate(gate: GateRecord): string {
  const name = gate.action === "check" ? `check ${clean(gate.key)}` : `${clean(gate.action)}/${clean(gate.key)}`;
  const counts = gate.checks ? ` (${gate.checks.pass} pass, ${gate.checks.warn} warn, ${gate.checks.fail} fail)` : "";
  const data = gate.subject?.eval_data_sha256 ? ` on data ${short(gate.subject.eval_data_sha256)}` : "";
  return `${name} ${clean(gate.verdict)}${counts}${data}`;
}
