import type { GateResult } from "../evaluate/gate-result.js";
import { describeRule } from "./describe-rule.js";
import { sanitizeTerminalText } from "./escape-markdown.js";
import { describeSignificance, formatEvidence, formatNoDifference, pResolution } from "./format-evidence.js";
import { formatNumber, formatPair, formatPercent, formatSigned } from "../core/format-number.js";
import { CHANGE_CHART_CAP_PCT, listMetricChanges } from "./render-evaluate-charts.js";
import { renderEvaluateHistoryText } from "./render-evaluate-history.js";
import { renderExplanationsText } from "./render-explanations-text.js";
import { renderLayoutText } from "./render-layout-text.js";
import { renderSignedBars } from "./render-signed-bars.js";
import { renderSliceSearchText } from "./render-slice-search-text.js";
import { suggestEvaluateStep } from "./suggest-next-step.js";

/** The evaluate-gate result for a terminal in the common layout: verdict, checks that did not pass with what to do, the rest counted, then details. */
export function renderEvaluateText(result: GateResult): string {
  const checks = result.checks.map((c) => {
    const [baseline, value] = formatPair(c.baseline, c.value);
    const evidence = formatEvidence(c, pResolution(c, result.significance));
    const beside = formatNoDifference(c);
    return {
      verdict: c.verdict,
      cells: [
        c.slice === undefined
          ? sanitizeTerminalText(c.metric, 60)
          : `${sanitizeTerminalText(c.metric, 60)} [${sanitizeTerminalText(c.slice, 60)}]`,
        baseline,
        value,
        formatSigned(c.delta),
        formatPercent(c.delta_pct),
        describeRule(c.rule, c.threshold),
      ],
      reason: `${sanitizeTerminalText(c.message, 400)}${evidence ? ` (${evidence})` : ""}${beside ? ` ${beside}.` : ""}`,
      nextStep: suggestEvaluateStep(c, result.policy.file, (text, maxLength = 200) =>
        sanitizeTerminalText(text, maxLength),
      ),
    };
  });
  const sections: string[][] = [];
  if (result.significance) sections.push([describeSignificance(result.significance)]);
  if (result.slices && result.slices.length > 0) {
    const lines = ["slices, worst first:"];
    for (const slice of result.slices) {
      const metrics = slice.metrics
        .map(
          (m) =>
            `${sanitizeTerminalText(m.metric, 40)} ${formatNumber(m.value)}${m.delta === null ? "" : ` (${formatSigned(m.delta)})`}`,
        )
        .join(", ");
      lines.push(
        `  ${slice.gated ? slice.verdict.toUpperCase().padEnd(4) : "----"}  ${sanitizeTerminalText(slice.slice, 80)}  n=${slice.rows}${slice.gated ? "" : ` (below ${slice.min_size}, not gated)`}  ${metrics}`,
      );
    }
    sections.push(lines);
  }
  const found = renderSliceSearchText(result.slice_search).filter((line, i) => i > 0 || line !== "");
  if (found.length > 0) sections.push(found);
  const history = renderEvaluateHistoryText(result);
  if (history) sections.push(history.trimEnd().split("\n"));
  const bars = renderSignedBars(listMetricChanges(result), {
    format: (v) => formatPercent(v),
    cap: CHANGE_CHART_CAP_PCT,
  });
  if (bars.length > 0)
    sections.push([`change vs baseline (percent of baseline; cut at ±${CHANGE_CHART_CAP_PCT}%, marked « »):`, ...bars]);
  sections.push(renderExplanationsText(result.explanations).filter((line, i) => i > 0 || line !== ""));
  return renderLayoutText({
    verdict: result.verdict,
    action: "evaluate-gate",
    subject: sanitizeTerminalText(result.key),
    context: [
      `candidate: ${sanitizeTerminalText(result.files.candidate)}   baseline: ${result.files.baseline === null ? "none" : sanitizeTerminalText(result.files.baseline)}   policy: ${sanitizeTerminalText(result.policy.file)}`,
      ...result.notes.map((n) => `note: ${sanitizeTerminalText(n, 500)}`),
    ],
    columns: ["metric", "baseline", "candidate", "Δ", "Δ%", "rule"],
    checks,
    passedName: (c) => `${c.cells[0]} ${c.cells[5]}`,
    sections,
  });
}
