import { markdownTable } from "markdown-table";
import type { Check } from "../core/check.js";
import { verdictOrder } from "../core/verdict.js";
import type { ValidateDataResult } from "../validate/validate-result.js";
import { escapeMarkdown } from "./escape-markdown.js";
import { fitMarkdown } from "./fit-markdown.js";
import type { FitLimits, MarkdownBlock } from "./fit-markdown.js";
import { formatNumber } from "../core/format-number.js";
import { details } from "./render-evaluate-markdown.js";
import { renderDriftPlotBlocks } from "./render-drift-plot.js";
import { renderPolicyBlocks } from "./render-policy-blocks.js";
import { describeCounts, verdictLabel } from "./verdict-label.js";

/**
 * The validate-data report: verdict line, the checks that did not pass, the drift table (effect size beside
 * every p-value), then the quality report and digests folded. Counts and statistics only, never a row.
 */
export function renderValidateMarkdown(result: ValidateDataResult, budget?: number): string {
  return fitMarkdown((limits) => buildBlocks(result, limits), budget);
}

function buildBlocks(result: ValidateDataResult, limits: FitLimits): MarkdownBlock[] {
  const blocks: MarkdownBlock[] = [{ text: renderHeader(result) }];
  blocks.push(...renderPolicyBlocks(result.policy));
  if (result.notes.length > 0) blocks.push({ text: result.notes.map((n) => `> ${escapeMarkdown(n, 500)}`).join("\n") });
  const other = result.checks.filter((c) => c.rule !== "drift" || !("method" in c));
  blocks.push({ text: renderChecks(other, limits.tableRows) });
  if (result.drift) blocks.push({ text: renderDrift(result, limits.tableRows) });
  blocks.push(...renderDriftPlotBlocks(result.drift_plots));
  blocks.push({ text: renderQuality(result, limits.tableRows), dropOrder: 1 });
  blocks.push({ text: renderSubject(result), dropOrder: 2 });
  return blocks;
}

function renderHeader(result: ValidateDataResult): string {
  const data = `Data **${escapeMarkdown(result.data.file)}** (${result.data.rows} rows, ${result.data.columns} columns)`;
  const reference = result.reference ? ` vs reference **${escapeMarkdown(result.reference.file)}** (${result.reference.rows} rows)` : "";
  const drift = result.drift ? ` Drifted columns: ${result.drift.drifted_columns.length} of ${result.drift.columns.length} (${formatNumber(result.drift.drift_share * 100)}%).` : "";
  return `### ${verdictLabel(result.verdict)} · validate-data · ${escapeMarkdown(result.key)}\n${describeCounts(result.checks.map((c) => c.verdict))}. ${data}${reference}.${drift}`;
}

function renderChecks(checks: readonly Check[], maxRows: number): string {
  if (checks.length === 0) return "_No schema checks._";
  const ordered = [...checks].sort((a, b) => verdictOrder(b.verdict) - verdictOrder(a.verdict));
  const shown = ordered.slice(0, maxRows);
  const rows = shown.map((c) => [verdictLabel(c.verdict), escapeMarkdown(c.metric), c.rule, formatNumber(c.value), formatNumber(c.threshold), escapeMarkdown(c.message, 300)]);
  const table = markdownTable([["result", "column", "check", "value", "bound", "why"], ...rows], { align: ["l", "l", "l", "r", "r", "l"], alignDelimiters: false });
  const hidden = checks.length - shown.length;
  return `#### Schema and quality checks\n\n${table}${hidden > 0 ? `\n\n_${hidden} more check${hidden === 1 ? "" : "s"} not shown._` : ""}`;
}

function renderDrift(result: ValidateDataResult, maxRows: number): string {
  const drift = result.drift!;
  const ordered = [...drift.columns].sort((a, b) => verdictOrder(b.verdict) - verdictOrder(a.verdict) || (a.metric < b.metric ? -1 : a.metric > b.metric ? 1 : 0));
  const shown = ordered.slice(0, maxRows);
  const rows = shown.map((c) => [
    verdictLabel(c.verdict),
    escapeMarkdown(c.metric),
    c.column_type,
    c.method,
    formatNumber(c.statistic),
    c.p_value === null ? "—" : `${formatNumber(c.p_value)} (${formatNumber(c.p_value_adjusted)})`,
    `${formatNumber(c.effect_size)} ${c.effect_size_name}`,
    c.status === "negligible" ? "detectable, negligible" : c.status,
  ]);
  const table = markdownTable([["result", "column", "type", "test", "statistic", "p (adjusted)", "effect size", "status"], ...rows], {
    align: ["l", "l", "l", "l", "r", "r", "r", "l"],
    alignDelimiters: false,
  });
  const hidden = drift.columns.length - shown.length;
  const how = `Tests: contract defaults (\`method: ${drift.method}\`), alpha ${formatNumber(drift.alpha)}, ${drift.multiple_testing} across columns, min-effect ${formatNumber(drift.min_effect)}${drift.sample === null ? "" : `, seeded sample of ${drift.sample} values (seed ${drift.seed})`}.`;
  return `#### Drift\n\n${table}${hidden > 0 ? `\n\n_${hidden} more column${hidden === 1 ? "" : "s"} not shown._` : ""}\n\n${how}`;
}

function renderQuality(result: ValidateDataResult, maxRows: number): string {
  const shown = result.quality.slice(0, maxRows);
  const rows = shown.map((q) => [
    escapeMarkdown(q.column),
    q.kind,
    `${formatNumber(q.null_pct)}%`,
    q.distinct === null ? "> 20" : String(q.distinct),
    formatNumber(q.min),
    formatNumber(q.mean),
    formatNumber(q.quantiles?.["p50"]),
    formatNumber(q.max),
    q.top.map((t) => `${escapeMarkdown(t.value, 40)} (${t.count})`).join(", "),
  ]);
  const table = markdownTable([["column", "kind", "null", "distinct", "min", "mean", "median", "max", "top values"], ...rows], {
    align: ["l", "l", "r", "r", "r", "r", "r", "r", "l"],
    alignDelimiters: false,
  });
  return details(`Quality report (${result.quality.length} columns)`, table);
}

function renderSubject(result: ValidateDataResult): string {
  const lines = [`- data-sha256: ${result.data.sha256}`];
  if (result.reference) lines.push(`- reference-sha256: ${result.reference.sha256}`);
  return details("Digests", lines.join("\n"));
}
