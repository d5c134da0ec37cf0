import type { GroupingAssessment } from "../fairness/assess-fairness.js";
import { escapeMarkdown } from "./escape-markdown.js";
import { formatSigned } from "../core/format-number.js";
import type { SignedBar } from "./render-signed-bars.js";
import { renderSignedBars } from "./render-signed-bars.js";

const RATES = [
  ["selection_rate", "selection rate"],
  ["tpr", "TPR"],
  ["fpr", "FPR"],
] as const;

/**
 * Each gated group's rate gaps (group rate − overall rate) for the selection rate, TPR and FPR, as diverging bars
 * from a visible zero on one scale shared by the three rates (a zero gap draws no bar), the gap printed beside
 * each bar. Group names are labels of their own, one line each, so none overlap. Undefined rates are left out and
 * named below. Returns "" when no group is gated.
 */
export function renderFairnessChart(grouping: GroupingAssessment): string {
  const gated = grouping.groups.filter((g) => g.gated);
  if (gated.length === 0) return "";
  const missing: string[] = [];
  const charts: string[] = [];
  const all: SignedBar[][] = RATES.map(([rate, name]) =>
    gated.flatMap((group) => {
      const value = group.rates[rate];
      const overall = grouping.overall[rate];
      if (value === null || overall === null) {
        missing.push(`${escapeMarkdown(group.name)} (${name})`);
        return [];
      }
      return [{ label: group.name, value: value - overall }];
    }),
  );
  // One scale for every rate's bars, so a 0.05 gap is as long in every block.
  const largest = Math.max(0, ...all.flat().map((bar) => Math.abs(bar.value)));
  RATES.forEach(([, name], i) => {
    const lines = renderSignedBars(all[i]!, {
      format: (v) => formatSigned(v),
      ...(largest > 0 ? { scale: largest } : {}),
    });
    if (lines.length > 0) charts.push(`${name} gap (group − all rows)\n${lines.join("\n")}`);
  });
  if (charts.length === 0) return "";
  const text = [
    `Rate gaps by **${escapeMarkdown(grouping.name)}**, from zero:`,
    "",
    "```text",
    charts.join("\n\n"),
    "```",
  ];
  if (missing.length > 0) text.push("", `Undefined, not drawn: ${missing.join(", ")}.`);
  return text.join("\n");
}
