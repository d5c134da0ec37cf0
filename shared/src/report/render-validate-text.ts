import type { ValidateDataResult } from "../validate/validate-result.js";
import { sanitizeTerminalText } from "./escape-markdown.js";
import { formatNumber, formatPair, formatPValue, formatShare } from "../core/format-number.js";
import { renderLayoutText } from "./render-layout-text.js";
import { suggestValidateStep } from "./suggest-next-step.js";

/** The validate-data result for a terminal in the common layout: verdict, checks that did not pass with what to do, the rest counted, the drift table. */
export function renderValidateText(result: ValidateDataResult): string {
  const text = (value: string) => sanitizeTerminalText(value, 200);
  const checks = result.checks.map((c) => {
    const [value, bound] = formatPair(c.value, c.threshold);
    return {
      verdict: c.verdict,
      cells: [sanitizeTerminalText(c.metric), c.rule, value, bound],
      reason: sanitizeTerminalText(c.message, 500),
      nextStep: suggestValidateStep(c, text),
    };
  });
  const sections: string[][] = [];
  if (result.drift) {
    const lines = [
      `drift: ${result.drift.drifted_columns.length} of ${result.drift.columns.length} columns drifted (${formatShare(result.drift.drift_share)})`,
    ];
    for (const c of result.drift.columns) {
      const p = c.p_value === null ? "" : ` p=${formatPValue(c.p_value)} adj=${formatPValue(c.p_value_adjusted)}`;
      lines.push(
        `  ${sanitizeTerminalText(c.metric)}: ${c.method} ${formatNumber(c.statistic)}${p} effect ${c.effect_size_name}=${formatNumber(c.effect_size)} → ${c.status}`,
      );
    }
    sections.push(lines);
  }
  return renderLayoutText({
    verdict: result.verdict,
    action: "validate-data",
    subject: sanitizeTerminalText(result.key),
    context: [
      `data: ${sanitizeTerminalText(result.data.file)} (${result.data.rows} rows, sha256 ${result.data.sha256})${result.reference ? `   reference: ${sanitizeTerminalText(result.reference.file)} (${result.reference.rows} rows)` : ""}`,
      ...result.notes.map((n) => `note: ${sanitizeTerminalText(n, 500)}`),
    ],
    columns: ["column", "check", "value", "bound"],
    checks,
    passedName: (c) => `${c.cells[0]} ${c.cells[1]}`,
    sections,
  });
}
