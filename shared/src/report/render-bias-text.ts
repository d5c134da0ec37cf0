import type { BiasResult } from "../fairness/bias-result.js";
import { sanitizeTerminalText } from "./escape-markdown.js";
import { formatNumber, formatPair, formatSigned } from "../core/format-number.js";
import { formatFairnessInterval } from "./format-fairness-interval.js";
import { renderFairnessSignificanceText } from "./render-fairness-significance.js";
import { renderLayoutText } from "./render-layout-text.js";
import { suggestBiasStep } from "./suggest-next-step.js";

/** The bias-check result for a terminal in the common layout: verdict, checks that did not pass with what to do, the rest counted. */
export function renderBiasText(result: BiasResult): string {
  const text = (value: string) => sanitizeTerminalText(value, 200);
  const checks = result.checks.map((c) => {
    const [baseline, value] = formatPair(c.baseline, c.value);
    return {
      verdict: c.verdict,
      cells: [
        sanitizeTerminalText(c.metric, 70),
        baseline,
        value,
        formatFairnessInterval(c),
        formatSigned(c.delta),
        `${c.rule} ${formatNumber(c.threshold)}${c.gate_on === "ci" ? " (on CI)" : ""}`,
      ],
      reason: sanitizeTerminalText(c.message, 400),
      nextStep: suggestBiasStep(c, text),
    };
  });
  return renderLayoutText({
    verdict: result.verdict,
    action: "bias-check",
    subject: sanitizeTerminalText(result.key),
    context: [
      `candidate: ${sanitizeTerminalText(result.files.candidate)} (${result.candidate.rows} rows)   baseline: ${result.files.baseline === null ? "none" : sanitizeTerminalText(result.files.baseline)}   policy: ${sanitizeTerminalText(result.policy.file)}`,
      ...result.notes.map((n) => `note: ${sanitizeTerminalText(n, 600)}`),
    ],
    columns: ["metric [grouping]", "baseline", "candidate", "CI", "Δ", "rule"],
    checks,
    passedName: (c) => `${c.cells[0]} ${c.cells[5]}`,
    sections: [renderFairnessSignificanceText(result).filter((line, i) => i > 0 || line !== "")],
  });
}
