import { renderEvaluateHistoryBlocks } from "./render-evaluate-history.js";
import { markdownTable } from "markdown-table";
import type { GateResult } from "../evaluate/gate-result.js";
import { describeRule } from "./describe-rule.js";
import { escapeMarkdown } from "./escape-markdown.js";
import { fitMarkdown } from "./fit-markdown.js";
import type { FitLimits, MarkdownBlock } from "./fit-markdown.js";
import { formatNumber, formatPercent, formatSigned } from "../core/format-number.js";
import { describeSignificance, formatEvidence } from "./format-evidence.js";
import { renderEvaluateChartBlocks } from "./render-evaluate-charts.js";
import { renderEvaluatePlotBlocks } from "./render-evaluate-plot.js";
import { renderExplanationBlocks } from "./render-explanations-markdown.js";
import { renderPolicyBlocks } from "./render-policy-blocks.js";
import { renderSlicesMarkdown } from "./render-slices-markdown.js";
import { renderSliceSearchMarkdown } from "./render-slice-search-markdown.js";
import { describeCounts, verdictLabel } from "./verdict-label.js";

const ALIGN = ["l", "r", "r", "r", "r", "l", "l"];

/**
 * The evaluate-gate report a reviewer reads first: verdict line, then one row per check with failed
 * rows first, details folded; the same markdown serves the PR comment and the job summary, and it
 * always fits `budget` characters.
 */
export function renderEvaluateMarkdown(result: GateResult, budget?: number): string {
  return fitMarkdown((limits) => buildBlocks(result, limits), budget);
}

function buildBlocks(result: GateResult, limits: FitLimits): MarkdownBlock[] {
  const blocks: MarkdownBlock[] = [{ text: renderHeader(result) }];
  blocks.push(...renderPolicyBlocks(result.policy));
  if (result.notes.length > 0) blocks.push({ text: result.notes.map((n) => `> ${escapeMarkdown(n, 500)}`).join("\n") });
  blocks.push({ text: renderCheckTable(result, limits.tableRows) });
  if (result.slices && result.slices.length > 0) blocks.push({ text: renderSlicesMarkdown(result.slices, limits.tableRows), dropOrder: 4 });
  if (result.slice_search) blocks.push({ text: renderSliceSearchMarkdown(result.slice_search), dropOrder: 4 });
  blocks.push(...renderEvaluateHistoryBlocks(result));
  blocks.push(...renderEvaluateChartBlocks(result), ...renderExplanationBlocks(result.explanations));
  blocks.push(...renderEvaluatePlotBlocks(result.plots));
  blocks.push({ text: renderReasons(result), dropOrder: 3 });
  if (result.significance) blocks.push({ text: details("How significance was decided", escapeMarkdown(describeSignificance(result.significance), 1000)), dropOrder: 2 });
  if (result.ungated.length > 0) blocks.push({ text: renderUngated(result), dropOrder: 1 });
  blocks.push({ text: renderSubject(result), dropOrder: 2 });
  return blocks;
}

function renderHeader(result: GateResult): string {
  const key = escapeMarkdown(result.key);
  const files = `Candidate **${escapeMarkdown(result.files.candidate)}** vs baseline ${
    result.files.baseline === null ? "**none**" : `**${escapeMarkdown(result.files.baseline)}**`
  }`;
  return `### ${verdictLabel(result.verdict)} · evaluate-gate · ${key}\n${describeCounts(result.checks.map((c) => c.verdict))}. ${files}.`;
}

function renderCheckTable(result: GateResult, maxRows: number): string {
  const shown = result.checks.slice(0, maxRows);
  // The evidence column appears only when some check rests on a statistic.
  const evidence = result.checks.some((c) => c.method !== undefined);
  const rows = shown.map((c) => [
    c.slice === undefined ? escapeMarkdown(c.metric) : `${escapeMarkdown(c.metric)} · ${escapeMarkdown(c.slice, 120)}`,
    formatNumber(c.baseline),
    formatNumber(c.value),
    formatSigned(c.delta),
    formatPercent(c.delta_pct),
    c.alpha === undefined ? describeRule(c.rule, c.threshold) : `${describeRule(c.rule, c.threshold)}, α ${formatNumber(c.alpha)}`,
    ...(evidence ? [formatEvidence(c)] : []),
    verdictLabel(c.verdict),
  ]);
  const header = ["metric", "baseline", "candidate", "Δ", "Δ%", "rule", ...(evidence ? ["paired change (one-sided limits)"] : []), "result"];
  const table = markdownTable([header, ...rows], {
    align: evidence ? [...ALIGN.slice(0, 6), "l", "l"] : ALIGN,
    alignDelimiters: false,
  });
  const hidden = result.checks.length - shown.length;
  return hidden > 0 ? `${table}\n\n_${hidden} more check${hidden === 1 ? "" : "s"} not shown._` : table;
}

function renderReasons(result: GateResult): string {
  const lines = result.checks.map((c) => {
    const where = c.slice === undefined ? "" : ` (${escapeMarkdown(c.slice, 120)})`;
    const beside = c.p_value_no_difference === undefined ? "" : ` ${c.metric === "roc_auc" ? "DeLong" : "McNemar"} p for no difference: ${formatNumber(c.p_value_no_difference)}.`;
    return `- ${verdictLabel(c.verdict)} **${escapeMarkdown(c.metric)}**${where} ${c.rule}: ${escapeMarkdown(c.message, 400)}${beside}`;
  });
  return details("Why each check decided", lines.join("\n"));
}

function renderUngated(result: GateResult): string {
  const rows = result.ungated.map((m) => [escapeMarkdown(m.metric), formatNumber(m.baseline), formatNumber(m.value), formatSigned(m.delta), formatPercent(m.delta_pct)]);
  const table = markdownTable([["metric", "baseline", "candidate", "Δ", "Δ%"], ...rows], { align: ["l", "r", "r", "r", "r"], alignDelimiters: false });
  return details(`Other metrics, not gated (${result.ungated.length})`, table);
}

function renderSubject(result: GateResult): string {
  // Code-unit order, not localeCompare: the same bytes on every machine, and no ICU collator to load.
  const entries = Object.entries(result.subject).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const lines = entries.map(([name, value]) => `- ${name}: ${escapeMarkdown(String(value), 200)}`);
  return details("Subject", lines.join("\n"));
}

/** A folded section; the blank line after <summary> lets GitHub render the markdown inside. */
export function details(summary: string, body: string): string {
  return `<details><summary>${summary}</summary>\n\n${body}\n\n</details>`;
}
