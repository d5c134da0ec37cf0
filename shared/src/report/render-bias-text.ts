import type { BiasResult } from "../fairness/bias-result.js";
import { sanitizeTerminalText } from "./escape-markdown.js";
import { renderFairnessSignificanceText } from "./render-fairness-significance.js";
import { formatNumber, formatSigned } from "../core/format-number.js";

/** The bias-check result for a terminal: verdict line, one line per check, one reason line per non-passing check. */
export function renderBiasText(result: BiasResult): string {
  const failed = result.checks.filter((c) => c.verdict === "fail").length;
  const warned = result.checks.filter((c) => c.verdict === "warn").length;
  const lines = [
    `bias-check · ${sanitizeTerminalText(result.key)}: ${result.verdict.toUpperCase()} (${failed} failed, ${warned} warning${warned === 1 ? "" : "s"}, ${result.checks.length - failed - warned} passed of ${result.checks.length} checks)`,
    `candidate: ${sanitizeTerminalText(result.files.candidate)} (${result.candidate.rows} rows)   baseline: ${result.files.baseline === null ? "none" : sanitizeTerminalText(result.files.baseline)}   policy: ${sanitizeTerminalText(result.policy.file)}`,
    ...result.notes.map((n) => `note: ${sanitizeTerminalText(n, 600)}`),
    "",
  ];
  const rows = [
    ["result", "metric [grouping]", "baseline", "candidate", "CI", "Δ", "rule"],
    ...result.checks.map((c) => [
      c.verdict.toUpperCase(),
      sanitizeTerminalText(c.metric, 70),
      formatNumber(c.baseline),
      formatNumber(c.value),
      c.ci ? `[${formatNumber(c.ci[0])}, ${formatNumber(c.ci[1])}]` : "—",
      formatSigned(c.delta),
      `${c.rule} ${formatNumber(c.threshold)}${c.gate_on === "ci" ? " (on CI)" : ""}`,
    ]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => [...r[i]!].length)));
  for (const row of rows) lines.push(row.map((cell, i) => cell.padEnd(widths[i]!)).join("  ").trimEnd());
  lines.push(...renderFairnessSignificanceText(result));
  const reasons = result.checks.filter((c) => c.verdict !== "pass");
  if (reasons.length > 0) lines.push("", ...reasons.map((c) => `${c.verdict.toUpperCase()} ${sanitizeTerminalText(c.name, 90)}: ${sanitizeTerminalText(c.message, 400)}`));
  return `${lines.join("\n")}\n`;
}
