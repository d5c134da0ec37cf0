import { markdownTable } from "markdown-table";
import type { Check } from "../core/check.js";
import type { ValidateDataResult } from "../validate/validate-result.js";
import { escapeMarkdown } from "./escape-markdown.js";
import { formatNumber, formatPair, formatPValue, formatShare } from "../core/format-number.js";
import { renderDriftPlotBlocks } from "./render-drift-plot.js";
import type { CheckColumn, ReportLayout } from "./render-layout.js";
import { details, renderLayoutMarkdown, worstFirst } from "./render-layout.js";
import { renderPolicyBlocks } from "./render-policy-blocks.js";
import { suggestValidateStep } from "./suggest-next-step.js";
import { verdictLabel } from "./verdict-label.js";

/**
 * The validate-data report in the common layout: verdict line, the schema, quality and drift checks that did not
 * pass (worst first, with what to do), the passing ones folded, then the drift table, the quality report and the
 * digests. Counts and statistics only, never a row.
 */
export function renderValidateMarkdown(result: ValidateDataResult, budget?: number): string {
  return renderLayoutMarkdown(validateLayout(result), budget);
}

/** The validate-data report as a layout. */
export function validateLayout(result: ValidateDataResult): ReportLayout<Check> {
  const data = `Data **${escapeMarkdown(result.data.file)}** (${result.data.rows} rows, ${result.data.columns} columns)`;
  const reference = result.reference
    ? ` vs reference **${escapeMarkdown(result.reference.file)}** (${result.reference.rows} rows)`
    : "";
  const drift = result.drift
    ? ` Drifted columns: ${result.drift.drifted_columns.length} of ${result.drift.columns.length} (${formatShare(result.drift.drift_share)}).`
    : "";
  const columns: CheckColumn<Check>[] = [
    { title: "column", cell: (c) => escapeMarkdown(c.metric) },
    { title: "check", cell: (c) => c.rule },
    { title: "value", align: "r", cell: (c) => formatPair(c.value, c.threshold)[0] },
    { title: "bound", align: "r", cell: (c) => formatPair(c.value, c.threshold)[1] },
    { title: "why", cell: (c) => escapeMarkdown(c.message, 300) },
  ];
  return {
    verdict: result.verdict,
    action: "validate-data",
    subject: escapeMarkdown(result.key),
    summary: `${data}${reference}.${drift}`,
    notes: result.notes,
    checks: { checks: result.checks, columns, nextStep: (c) => suggestValidateStep(c) },
    sections: [
      (limits) => (result.drift ? [{ text: renderDrift(result, limits.tableRows) }] : []),
      () => renderDriftPlotBlocks(result.drift_plots),
      () => renderPolicyBlocks(result.policy),
      (limits) => [{ text: renderQuality(result, limits.tableRows), dropOrder: 1 }],
      () => [{ text: renderSubject(result), dropOrder: 2 }],
    ],
  };
}

function renderDrift(result: ValidateDataResult, maxRows: number): string {
  const drift = result.drift!;
  const ordered = worstFirst(
    [...drift.columns].sort((a, b) => (a.metric < b.metric ? -1 : a.metric > b.metric ? 1 : 0)),
  );
  const shown = ordered.slice(0, maxRows);
  const rows = shown.map((c) => [
    verdictLabel(c.verdict),
    escapeMarkdown(c.metric),
    c.column_type,
    c.method,
    formatNumber(c.statistic),
    c.p_value === null ? "—" : `${formatPValue(c.p_value)} (${formatPValue(c.p_value_adjusted)})`,
    `${formatNumber(c.effect_size)} ${c.effect_size_name}`,
    c.status === "negligible" ? "detectable, negligible" : c.status,
  ]);
  const table = markdownTable(
    [["result", "column", "type", "test", "statistic", "p (adjusted)", "effect size", "status"], ...rows],
    {
      align: ["l", "l", "l", "l", "r", "r", "r", "l"],
      alignDelimiters: false,
    },
  );
  const hidden = drift.columns.length - shown.length;
  const how = `Tests: contract defaults (\`method: ${drift.method}\`), alpha ${formatNumber(drift.alpha)}, ${drift.multiple_testing} across columns, min-effect ${formatNumber(drift.min_effect)}${drift.sample === null ? "" : `, seeded sample of ${drift.sample} values (seed ${drift.seed})`}. p: the chance of a difference this large if both samples came from the same distribution.`;
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
  const table = markdownTable(
    [["column", "kind", "null", "distinct", "min", "mean", "median", "max", "top values"], ...rows],
    {
      align: ["l", "l", "r", "r", "r", "r", "r", "r", "l"],
      alignDelimiters: false,
    },
  );
  return details(`Quality report (${result.quality.length} columns)`, table);
}

function renderSubject(result: ValidateDataResult): string {
  const lines = [`- data-sha256: ${result.data.sha256}`];
  if (result.reference) lines.push(`- reference-sha256: ${result.reference.sha256}`);
  return details("Digests", lines.join("\n"));
}
