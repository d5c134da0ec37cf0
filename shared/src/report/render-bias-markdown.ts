import { markdownTable } from "markdown-table";
import type { GroupAssessment, GroupingAssessment } from "../fairness/assess-fairness.js";
import type { FairnessCheck, BiasResult } from "../fairness/bias-result.js";
import { escapeMarkdown } from "./escape-markdown.js";
import type { MarkdownBlock } from "./fit-markdown.js";
import { formatNumber, formatSigned } from "../core/format-number.js";
import { formatWithBaseline } from "./format-with-baseline.js";
import type { CheckColumn, ReportLayout } from "./render-layout.js";
import { details, renderLayoutMarkdown } from "./render-layout.js";
import { suggestBiasStep } from "./suggest-next-step.js";
import { formatFairnessInterval, isChangeInterval } from "./format-fairness-interval.js";
import { renderFairnessChart } from "./render-fairness-chart.js";
import { renderFairnessSignificanceMarkdown } from "./render-fairness-significance.js";
import { renderPolicyBlocks } from "./render-policy-blocks.js";
import { verdictLabel } from "./verdict-label.js";

/**
 * The bias-check report in the common layout: verdict line, the checks that did not pass with what to do, the
 * passing ones folded, then per sensitive column its rate gaps as bars from zero and a table of its groups (worst
 * first) with the baseline beside the candidate; the intersection folded. Always fits `budget`.
 */
export function renderBiasMarkdown(result: BiasResult, budget?: number): string {
  return renderLayoutMarkdown(biasLayout(result), budget);
}

/** The bias-check report as a layout. */
export function biasLayout(result: BiasResult): ReportLayout<FairnessCheck> {
  const { settings } = result;
  const baseline = result.files.baseline === null ? "**none**" : `**${escapeMarkdown(result.files.baseline)}**`;
  const ci = settings.bootstrap
    ? ` Intervals: ${formatNumber(settings.bootstrap.confidence * 100)}% stratified bootstrap, ${settings.bootstrap.resamples} resamples, seed ${settings.bootstrap.seed}.`
    : "";
  const summary =
    `Candidate **${escapeMarkdown(result.files.candidate)}** (${result.candidate.rows} rows) vs baseline ${baseline}. ` +
    `Sensitive: ${settings.sensitive.map((s) => `**${escapeMarkdown(s)}**`).join(", ")}; positive label ${escapeMarkdown(settings.positive_label)}, ` +
    `favourable outcome ${escapeMarkdown(settings.favorable_label)}; groups under ${settings.min_group_size} rows are not gated.${ci}` +
    (result.checks.some(isChangeInterval)
      ? " CI is the metric's interval, or the change's (signed) where a rule is judged against noise."
      : "");
  const columns: CheckColumn<FairnessCheck>[] = [
    { title: "metric [grouping]", cell: (c) => escapeMarkdown(c.metric) },
    // One cell, "candidate (baseline)" as in the groups tables: two columns of their own, beside the metric's long
    // name, made the table wider than GitHub's comment column.
    {
      title: result.checks.some((c) => c.baseline !== null) ? "candidate (baseline)" : "candidate",
      align: "r",
      cell: (c) => formatWithBaseline(c.value, c.baseline),
    },
    { title: "CI", align: "r", cell: formatFairnessInterval },
    { title: "Δ", align: "r", cell: (c) => formatSigned(c.delta) },
    { title: "rule", cell: (c) => `${c.rule} ${formatNumber(c.threshold)}${c.gate_on === "ci" ? " (on CI)" : ""}` },
  ];
  return {
    verdict: result.verdict,
    action: "bias-check",
    subject: escapeMarkdown(result.key),
    summary,
    notes: result.notes,
    checks: { checks: result.checks, columns, nextStep: (c) => suggestBiasStep(c) },
    sections: [
      () => renderPolicyBlocks(result.policy),
      () => renderFairnessSignificanceMarkdown(result),
      () => groupingBlocks(result),
      () => [{ text: renderReasons(result), dropOrder: 4 }],
    ],
  };
}

function groupingBlocks(result: BiasResult): MarkdownBlock[] {
  const blocks: MarkdownBlock[] = [];
  // The legend goes with the first groups table, the last one dropped (single columns come before intersections).
  let legend = `${groupsLegend(result.baseline !== undefined)}\n\n`;
  result.candidate.groupings.forEach((grouping, g) => {
    const baseline = result.baseline?.groupings[g];
    const table = renderGroupTable(grouping, baseline);
    const title = `Groups by ${escapeMarkdown(grouping.name)} (${grouping.groups.length}, worst first)`;
    if (grouping.intersection) {
      blocks.push({ text: `${legend}${details(title, table)}`, dropOrder: 1 });
    } else {
      const chart = renderFairnessChart(grouping);
      if (chart !== "") blocks.push({ text: chart, dropOrder: 2 });
      blocks.push({ text: `${legend}**${title}**\n\n${table}`, dropOrder: 3 });
    }
    legend = "";
  });
  return blocks;
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

/** The rates whose baseline value the groups tables show beside the candidate's. */
const COMPARED_RATES: ReadonlySet<string> = new Set(["selection_rate", "tpr", "fpr"]);

/** Said once, above the first groups table: the abbreviations, and how a baseline's rates are shown. */
function groupsLegend(withBaseline: boolean): string {
  const rates = "TPR, FPR, FNR: true-positive, false-positive and false-negative rates";
  return withBaseline
    ? `_${rates}. With a baseline, selection rate, TPR and FPR read candidate (baseline), on the same groups._`
    : `_${rates}._`;
}

function renderGroupTable(grouping: GroupingAssessment, baseline: GroupingAssessment | undefined): string {
  // Worst first: gated groups by their largest rate gap to the whole data, then the groups too small to gate.
  const order = grouping.groups
    .map((group, index) => ({ group, index, gap: gapOf(group, grouping) }))
    .sort((a, b) => Number(b.group.gated) - Number(a.group.gated) || b.gap - a.gap || a.index - b.index);
  const header = ["group", "n", "selection rate", "TPR", "FPR", "FNR", "precision", "accuracy"];
  // With a baseline, its selection rate, TPR and FPR follow the candidate's in the same cell, "0.45 (0.28)": three
  // columns of their own made the table wider than GitHub's comment column (`GROUPS_LEGEND` says so once).
  const cells = (rates: GroupAssessment["rates"], base: GroupAssessment["rates"] | undefined) =>
    (["selection_rate", "tpr", "fpr", "fnr", "precision", "accuracy"] as const).map((rate) => {
      const value = formatNumber(rates[rate]);
      return baseline && COMPARED_RATES.has(rate) ? `${value} (${formatNumber(base?.[rate] ?? null)})` : value;
    });
  const rows = order.map(({ group, index }) => [
    `${escapeMarkdown(group.name)}${group.gated ? "" : " ⚠️ small, not gated"}`,
    String(group.count),
    ...cells(group.rates, baseline?.groups[index]?.rates),
  ]);
  const overall = ["all rows", String(grouping.overall.count), ...cells(grouping.overall, baseline?.overall)];
  return markdownTable([header, ...rows, overall], {
    align: header.map((_, i) => (i === 0 ? "l" : "r")),
    alignDelimiters: false,
  });
}

function renderReasons(result: BiasResult): string {
  const lines = result.checks.map(
    (c) => `- ${verdictLabel(c.verdict)} **${escapeMarkdown(c.metric)}** ${c.rule}: ${escapeMarkdown(c.message, 400)}`,
  );
  const metrics = result.candidate.groupings.flatMap((grouping) =>
    grouping.metrics.map(
      (m) =>
        `- ${escapeMarkdown(m.label)} [${escapeMarkdown(grouping.name)}]: ${m.value === null ? `undefined (${escapeMarkdown(m.reason ?? "", 300)})` : formatNumber(m.value)}`,
    ),
  );
  return `${details("Why each check decided", lines.join("\n") || "_No check._")}\n\n${details("Every metric computed", metrics.join("\n"))}`;
}
