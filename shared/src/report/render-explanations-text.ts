import type { ExplanationSummary } from "../explain/explanation-summary.js";
import { sanitizeTerminalText } from "./escape-markdown.js";
import { formatNumber, formatShare, formatSigned } from "../core/format-number.js";

/** The explanation summary for a terminal: the compared features as an aligned table, then what changed. */
export function renderExplanationsText(summary: ExplanationSummary | undefined): string[] {
  if (!summary) return [];
  const name = (text: string) => sanitizeTerminalText(text, 60);
  const rows = [
    ["feature", "baseline rank", "candidate rank", "baseline importance", "candidate importance", "mean attribution"],
    ...summary.features.map((row) => [
      name(row.feature),
      String(row.baseline?.rank ?? "—"),
      String(row.candidate?.rank ?? "—"),
      formatNumber(row.baseline?.importance),
      formatNumber(row.candidate?.importance),
      `${formatSigned(row.baseline?.mean)} → ${formatSigned(row.candidate?.mean)}${row.sign_flip ? ` (sign changed${row.sign_change_share == null ? "" : `: ${formatShare(row.sign_change_share)} of examples reversed`})` : ""}`,
    ]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => [...r[i]!].length)));
  const lines = ["", `explanations: top ${summary.top_k} features by mean |attribution|`];
  for (const row of rows)
    lines.push(
      row
        .map((cell, i) => cell.padEnd(widths[i]!))
        .join("  ")
        .trimEnd(),
    );
  const list = (names: readonly string[]) =>
    names.slice(0, 20).map(name).join(", ") + (names.length > 20 ? `, and ${names.length - 20} more` : "");
  if (summary.entered.length > 0) lines.push(`entered the top ${summary.top_k}: ${list(summary.entered)}`);
  if (summary.left.length > 0) lines.push(`left the top ${summary.top_k}: ${list(summary.left)}`);
  if (summary.sign_flips.length > 0)
    lines.push(`attributions changed sign (most examples reversed): ${list(summary.sign_flips)}`);
  if (summary.only_candidate.length > 0)
    lines.push(`only in the candidate's explanations: ${list(summary.only_candidate)}`);
  if (summary.only_baseline.length > 0)
    lines.push(`only in the baseline's explanations: ${list(summary.only_baseline)}`);
  const changed = summary.changed_predictions;
  if (changed) {
    lines.push(
      `${changed.changed} of ${changed.compared} examples changed ${changed.output} (largest |Δ| ${formatNumber(changed.max_abs_delta)})`,
    );
    for (const e of changed.examples ?? []) {
      const reasons = (e.candidate_reasons ?? [])
        .map((r) => `${name(r.feature)} ${formatSigned(r.attribution)}`)
        .join(", ");
      lines.push(
        `  ${sanitizeTerminalText(e.id, 40)}: ${formatNumber(e.baseline)} → ${formatNumber(e.candidate)} (${formatSigned(e.delta)})${reasons ? `; candidate's reasons: ${reasons}` : ""}`,
      );
    }
  }
  return lines;
}
