import type { ValidateDataResult } from "../validate/validate-result.js";
import { sanitizeTerminalText } from "./escape-markdown.js";
import { formatNumber } from "../core/format-number.js";

/** The validate-data result for a terminal: verdict line, every non-passing check, the drift table. */
export function renderValidateText(result: ValidateDataResult): string {
  const failed = result.checks.filter((c) => c.verdict === "fail").length;
  const warned = result.checks.filter((c) => c.verdict === "warn").length;
  const lines = [
    `validate-data · ${sanitizeTerminalText(result.key)}: ${result.verdict.toUpperCase()} (${failed} failed, ${warned} warning${warned === 1 ? "" : "s"}, ${result.checks.length - failed - warned} passed of ${result.checks.length} checks)`,
    `data: ${sanitizeTerminalText(result.data.file)} (${result.data.rows} rows, sha256 ${result.data.sha256})${result.reference ? `   reference: ${sanitizeTerminalText(result.reference.file)} (${result.reference.rows} rows)` : ""}`,
    ...result.notes.map((n) => `note: ${sanitizeTerminalText(n, 500)}`),
  ];
  for (const c of result.checks) {
    if (c.verdict !== "pass") lines.push(`${c.verdict.toUpperCase()} ${sanitizeTerminalText(c.metric)} ${c.rule}: ${sanitizeTerminalText(c.message, 500)}`);
  }
  if (result.drift) {
    lines.push("", `drift: ${result.drift.drifted_columns.length} of ${result.drift.columns.length} columns drifted (share ${formatNumber(result.drift.drift_share)})`);
    for (const c of result.drift.columns) {
      const p = c.p_value === null ? "" : ` p=${formatNumber(c.p_value)} adj=${formatNumber(c.p_value_adjusted)}`;
      lines.push(`  ${sanitizeTerminalText(c.metric)}: ${c.method} ${formatNumber(c.statistic)}${p} effect ${c.effect_size_name}=${formatNumber(c.effect_size)} → ${c.status}`);
    }
  }
  return `${lines.join("\n")}\n`;
}
