import { markdownTable } from "markdown-table";
import type { GroupAssessment, GroupingAssessment } from "../fairness/assess-fairness.js";
import type { BiasResult } from "../fairness/bias-result.js";
import { escapeMarkdown } from "./escape-markdown.js";
import { fitMarkdown } from "./fit-markdown.js";
import type { FitLimits, MarkdownBlock } from "./fit-markdown.js";
import { formatNumber, formatSigned } from "../core/format-number.js";
import { details } from "./render-evaluate-markdown.js";
import { renderFairnessChart } from "./render-fairness-chart.js";
import { renderFairnessSignificanceMarkdown } from "./render-fairness-significance.js";
import { renderPolicyBlocks } from "./render-policy-blocks.js";
import { describeCounts, verdictLabel } from "./verdict-label.js";

/**
 * The bias-check report: verdict line, the checks, then per sensitive column a table of its groups (worst first)
 * with the baseline beside the candidate and a chart of the rate gaps; the intersection folded. Always fits `budget`.
 */
export function renderBiasMarkdown(result: BiasResult, budget?: number): string {
  return fitMarkdown((limits) => buildBlocks(result, limits), budget);
}

function buildBlocks(result: BiasResult, limits: FitLimits): MarkdownBlock[] {
  const blocks: MarkdownBlock[] = [{ text: renderHeader(result) }];
  blocks.push(...renderPolicyBlocks(result.policy));
  if (result.notes.length > 0) blocks.push({ text: result.notes.map((n) => `> ${escapeMarkdown(n, 600)}`).join("\n>\n") });
  blocks.push({ text: renderCheckTable(result, limits.tableRows) });
  blocks.push(...renderFairnessSignificanceMarkdown(result));
  result.candidate.groupings.forEach((grouping, g) => {
    const baseline = result.baseline?.groupings[g];
    const table = renderGroupTable(grouping, baseline);
    const title = `Groups by ${escapeMarkdown(grouping.name)} (${grouping.groups.length}, worst first)`;
    if (grouping.intersection) {
      blocks.push({ text: details(title, table), dropOrder: 1 });
    } else {
      blocks.push({ text: `**${title}**\n\n${table}`, dropOrder: 3 });
      const chart = renderFairnessChart(grouping);
      if (chart !== "") blocks.push({ text: chart, dropOrder: 2 });
    }
  });
  blocks.push({ text: renderReasons(result), dropOrder: 4 });
  return blocks;
}

function renderHeader(result: BiasResult): string {
  const { settings } = result;
  const baseline = result.files.baseline === null ? "**none**" : `**${escapeMarkdown(result.files.baseline)}**`;
  const ci = settings.bootstrap ? ` Intervals: ${formatNumber(settings.bootstrap.confidence * 100)}% stratified bootstrap, ${settings.bootstrap.resamples} resamples, seed ${settings.bootstrap.seed}.` : "";
  return (
    `### ${verdictLabel(result.verdict)} · bias-check · ${escapeMarkdown(result.key)}\n` +
    `${describeCounts(result.checks.map((c) => c.verdict))}. Candidate **${escapeMarkdown(result.files.candidate)}** (${result.candidate.rows} rows) vs baseline ${baseline}. ` +
    `Sensitive: ${settings.sensitive.map((s) => `**${escapeMarkdown(s)}**`).join(", ")}; positive label ${escapeMarkdown(settings.positive_label)}, ` +
    `favourable outcome ${escapeMarkdown(settings.favorable_label)}; groups under ${settings.min_group_size} rows are not gated.${ci}`
  );
}

function renderCheckTable(result: BiasResult, maxRows: number): string {
  const shown = result.checks.slice(0, maxRows);
  const rows = shown.map((c) => [
    escapeMarkdown(c.metric),
    formatNumber(c.baseline),
    formatNumber(c.value),
    c.ci ? `[${formatNumber(c.ci[0])}, ${formatNumber(c.ci[1])}]` : "—",
    formatSigned(c.delta),
    `${c.rule} ${formatNumber(c.threshold)}${c.gate_on === "ci" ? " (on CI)" : ""}`,
    verdictLabel(c.verdict),
  ]);
  const table = markdownTable([["metric [grouping]", "baseline", "candidate", "CI", "Δ", "rule", "result"], ...rows], {
    align: ["l", "r", "r", "r", "r", "l", "l"],
    alignDelimiters: false,
  });
  const hidden = result.checks.length - shown.length;
  return hidden > 0 ? `${table}\n\n_${hidden} more check${hidden === 1 ? "" : "s"} not shown._` : table;
}

/** How far a group is from the whole data: its largest gap in selection rate, TPR or FPR. */
function gapOf(group: GroupAssessment, grouping: GroupingAssessment): number {
  const gaps = (["selection_rate", "tpr", "fpr"] as const).map((rate) => {
    const value = group.rates[rate];
    const overall = grouping.overall[rate];
    return value === null || overall === null ? 0 : Math.abs(value - overall);
  });
  return Math.max(...gaps);
}

function renderGroupTable(grouping: GroupingAssessment, baseline: GroupingAssessment | undefined): string {
  // Worst first: gated groups by their largest rate gap to the whole data, then the groups too small to gate.
  const order = grouping.groups
    .map((group, index) => ({ group, index, gap: gapOf(group, grouping) }))
    .sort((a, b) => Number(b.group.gated) - Number(a.group.gated) || b.gap - a.gap || a.index - b.index);
  const header = ["group", "n", "selection rate", "TPR", "FPR", "FNR", "precision", "accuracy"];
  if (baseline) header.push("baseline selection rate", "baseline TPR", "baseline FPR");
  const rows = order.map(({ group, index }) => {
    const row = [
      `${escapeMarkdown(group.name)}${group.gated ? "" : " ⚠️ small, not gated"}`,
      String(group.count),
      ...(["selection_rate", "tpr", "fpr", "fnr", "precision", "accuracy"] as const).map((rate) => formatNumber(group.rates[rate])),
    ];
    const base = baseline?.groups[index];
    if (baseline) row.push(...(["selection_rate", "tpr", "fpr"] as const).map((rate) => formatNumber(base?.rates[rate] ?? null)));
    return row;
  });
  const overall = ["all rows", String(grouping.overall.count), ...(["selection_rate", "tpr", "fpr", "fnr", "precision", "accuracy"] as const).map((rate) => formatNumber(grouping.overall[rate]))];
  if (baseline) overall.push(...(["selection_rate", "tpr", "fpr"] as const).map((rate) => formatNumber(baseline.overall[rate])));
  return markdownTable([header, ...rows, overall], { align: header.map((_, i) => (i === 0 ? "l" : "r")), alignDelimiters: false });
}

function renderReasons(result: BiasResult): string {
  const lines = result.checks.map((c) => `- ${verdictLabel(c.verdict)} **${escapeMarkdown(c.metric)}** ${c.rule}: ${escapeMarkdown(c.message, 400)}`);
  const metrics = result.candidate.groupings.flatMap((grouping) =>
    grouping.metrics.map((m) => `- ${escapeMarkdown(m.label)} [${escapeMarkdown(grouping.name)}]: ${m.value === null ? `undefined (${escapeMarkdown(m.reason ?? "", 300)})` : formatNumber(m.value)}`),
  );
  return `${details("Why each check decided", lines.join("\n") || "_No check._")}\n\n${details("Every metric computed", metrics.join("\n"))}`;
}
