import { markdownTable } from "markdown-table";
import type { ShadowResult } from "../shadow/shadow-result.js";
import { escapeMarkdown } from "./escape-markdown.js";
import { fitMarkdown } from "./fit-markdown.js";
import type { FitLimits, MarkdownBlock } from "./fit-markdown.js";
import { formatNumber, formatPercent } from "../core/format-number.js";
import { details } from "./render-evaluate-markdown.js";
import { renderPolicyBlocks } from "./render-policy-blocks.js";
import { renderShadowPlotBlocks } from "./render-shadow-plot.js";
import { renderShadowExamples, renderShadowLatency, renderShadowSlices, renderShadowStatistics } from "./render-shadow-sections.js";
import { describeCounts, verdictLabel } from "./verdict-label.js";

/**
 * The shadow-compare report: verdict line and the headline numbers (coverage, agreement), one row per check with
 * failures first, then folded sections for flips, scores, latency, slices, labels and, only with show-examples,
 * the disagreeing requests. Always within `budget` characters.
 */
export function renderShadowMarkdown(result: ShadowResult, budget?: number): string {
  return fitMarkdown((limits) => buildBlocks(result, limits), budget);
}

function buildBlocks(result: ShadowResult, limits: FitLimits): MarkdownBlock[] {
  const blocks: MarkdownBlock[] = [{ text: renderHeader(result) }];
  blocks.push(...renderPolicyBlocks(result.policy));
  if (result.notes.length > 0) blocks.push({ text: result.notes.map((n) => `> ${escapeMarkdown(n, 500)}`).join("\n") });
  blocks.push({ text: renderChecks(result, limits.tableRows) });
  blocks.push({ text: details("Why each check decided", result.checks.map((c) => `- ${verdictLabel(c.verdict)} **${escapeMarkdown(c.metric)}** ${c.rule}: ${escapeMarkdown(c.message, 400)}`).join("\n")), dropOrder: 3 });
  blocks.push({ text: renderShadowStatistics(result), dropOrder: 2 });
  blocks.push(...renderShadowPlotBlocks(result.summary));
  const latency = renderShadowLatency(result);
  if (latency) blocks.push({ text: latency, dropOrder: 2 });
  const slices = renderShadowSlices(result, limits.tableRows);
  if (slices) blocks.push({ text: slices, dropOrder: 1 });
  const examples = renderShadowExamples(result, limits.tableRows);
  if (examples) blocks.push({ text: examples, dropOrder: 0 });
  return blocks;
}

function renderHeader(result: ShadowResult): string {
  const { requests, classes } = result.summary;
  const agreement = classes ? `, agreement **${formatPercent(classes.agreement * 100).replace("+", "")}**` : "";
  const score = result.scorecard ? `, score **${formatNumber(result.scorecard.score)}**/100` : "";
  return (
    `### ${verdictLabel(result.verdict)} · shadow-compare · ${escapeMarkdown(result.key)}\n` +
    `${describeCounts(result.checks.map((c) => c.verdict))}. Production **${escapeMarkdown(result.files.production)}** vs shadow **${escapeMarkdown(result.files.shadow)}**: ` +
    `${requests.joined} of ${requests.production} production requests answered by both (coverage **${formatPercent(requests.coverage * 100).replace("+", "")}**)${agreement}${score}.`
  );
}

function renderChecks(result: ShadowResult, maxRows: number): string {
  const shown = result.checks.slice(0, maxRows);
  const rows = shown.map((c) => [
    escapeMarkdown(c.metric),
    formatNumber(c.baseline),
    c.nodata ? "no data" : formatNumber(c.value),
    c.ci ? `[${formatNumber(c.ci[0])}, ${formatNumber(c.ci[1])}]` : c.p_value !== undefined ? `p = ${formatNumber(c.p_value)}` : "",
    `${c.rule} ${formatNumber(c.threshold)}`,
    verdictLabel(c.verdict),
  ]);
  const table = markdownTable([["comparison", "production", "shadow", "interval / test", "rule", "result"], ...rows], {
    align: ["l", "r", "r", "l", "l", "l"],
    alignDelimiters: false,
  });
  const hidden = result.checks.length - shown.length;
  return hidden > 0 ? `${table}\n\n_${hidden} more check${hidden === 1 ? "" : "s"} not shown._` : table;
}
