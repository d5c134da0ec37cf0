import { renderEvaluateHistoryText } from "./render-evaluate-history.js";
import type { GateResult } from "../evaluate/gate-result.js";
import { describeRule } from "./describe-rule.js";
import { sanitizeTerminalText } from "./escape-markdown.js";
import { describeSignificance, formatEvidence } from "./format-evidence.js";
import { formatNumber, formatPercent, formatSigned } from "../core/format-number.js";
import { listMetricChanges } from "./render-evaluate-charts.js";
import { renderExplanationsText } from "./render-explanations-text.js";
import { renderUnicodeDeltaBars } from "./render-unicode-bars.js";
import { renderSliceSearchText } from "./render-slice-search-text.js";

/** The evaluate-gate result for a terminal: verdict line, aligned table, one reason line per non-passing check. */
export function renderEvaluateText(result: GateResult): string {
  const failed = result.checks.filter((c) => c.verdict === "fail").length;
  const warned = result.checks.filter((c) => c.verdict === "warn").length;
  const lines = [
    `evaluate-gate · ${sanitizeTerminalText(result.key)}: ${result.verdict.toUpperCase()} (${failed} failed, ${warned} warning${warned === 1 ? "" : "s"}, ${result.checks.length - failed - warned} passed of ${result.checks.length} checks)`,
    `candidate: ${sanitizeTerminalText(result.files.candidate)}   baseline: ${result.files.baseline === null ? "none" : sanitizeTerminalText(result.files.baseline)}   policy: ${sanitizeTerminalText(result.policy.file)}`,
    ...result.notes.map((n) => `note: ${sanitizeTerminalText(n, 500)}`),
    "",
  ];
  const rows = [
    ["result", "metric", "baseline", "candidate", "Δ", "Δ%", "rule"],
    ...result.checks.map((c) => [
      c.verdict.toUpperCase(),
      c.slice === undefined ? sanitizeTerminalText(c.metric, 60) : `${sanitizeTerminalText(c.metric, 60)} [${sanitizeTerminalText(c.slice, 60)}]`,
      formatNumber(c.baseline),
      formatNumber(c.value),
      formatSigned(c.delta),
      formatPercent(c.delta_pct),
      describeRule(c.rule, c.threshold),
    ]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => [...r[i]!].length)));
  for (const row of rows) lines.push(row.map((cell, i) => cell.padEnd(widths[i]!)).join("  ").trimEnd());
  const reasons = result.checks.filter((c) => c.verdict !== "pass" || c.ci !== undefined);
  if (reasons.length > 0) {
    lines.push("", ...reasons.map((c) => `${c.verdict.toUpperCase()} ${sanitizeTerminalText(c.name, 80)}: ${sanitizeTerminalText(c.message, 400)}${c.ci ? ` (${formatEvidence(c)})` : ""}`));
  }
  if (result.significance) lines.push("", describeSignificance(result.significance));
  if (result.slices && result.slices.length > 0) {
    lines.push("", "slices, worst first:");
    for (const slice of result.slices) {
      const metrics = slice.metrics.map((m) => `${sanitizeTerminalText(m.metric, 40)} ${formatNumber(m.value)}${m.delta === null ? "" : ` (${formatSigned(m.delta)})`}`).join(", ");
      lines.push(`  ${slice.gated ? slice.verdict.toUpperCase().padEnd(4) : "----"}  ${sanitizeTerminalText(slice.slice, 80)}  n=${slice.rows}${slice.gated ? "" : ` (below ${slice.min_size}, not gated)`}  ${metrics}`);
    }
  }
  lines.push(...renderSliceSearchText(result.slice_search));
  const history = renderEvaluateHistoryText(result);
  if (history) lines.push("", history.trimEnd());
  const bars = renderUnicodeDeltaBars(listMetricChanges(result), formatPercent);
  if (bars.length > 0) lines.push("", "change vs baseline (percent of baseline):", ...bars);
  lines.push(...renderExplanationsText(result.explanations));
  return `${lines.join("\n")}\n`;
}
