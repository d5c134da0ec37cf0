import { markdownTable } from "markdown-table";
import type { EvaluateCheck, GateResult } from "../evaluate/gate-result.js";
import { describeRule } from "./describe-rule.js";
import { escapeMarkdown } from "./escape-markdown.js";
import { formatNumber, formatPair, formatPercent, formatSigned } from "../core/format-number.js";
import {
  describePValues,
  describeSignificance,
  formatEvidence,
  formatNoDifference,
  pResolution,
} from "./format-evidence.js";
import { renderEvaluateChartBlocks } from "./render-evaluate-charts.js";
import type { MarkdownBlock } from "./fit-markdown.js";
import type { CheckColumn, ReportLayout } from "./render-layout.js";
import { details } from "./render-layout.js";
import { renderPolicyBlocks } from "./render-policy-blocks.js";
import { suggestEvaluateStep } from "./suggest-next-step.js";
import { verdictLabel } from "./verdict-label.js";

/**
 * The renderers of evaluate-gate's optional sections, each empty when its part of the result is absent. They are
 * passed in so that an action can load only those its result has (`renderEvaluateMarkdownLoaded`): slice search, history,
 * explanations and plots are code most runs never execute.
 */
export interface EvaluateSectionRenderers {
  slices: (result: GateResult, tableRows: number) => MarkdownBlock[];
  sliceSearch: (result: GateResult) => MarkdownBlock[];
  history: (result: GateResult) => MarkdownBlock[];
  explanations: (result: GateResult) => MarkdownBlock[];
  plots: (result: GateResult) => MarkdownBlock[];
}

/**
 * The evaluate-gate report a reviewer reads first, as a layout: verdict line, the failing and warning checks with
 * what to do, the passing ones folded, then slices, charts, explanations and the reasons.
 */
export function evaluateLayout(result: GateResult, optional: EvaluateSectionRenderers): ReportLayout<EvaluateCheck> {
  const files = `Candidate **${escapeMarkdown(result.files.candidate)}** vs baseline ${
    result.files.baseline === null ? "**none**" : `**${escapeMarkdown(result.files.baseline)}**`
  }.`;
  return {
    verdict: result.verdict,
    action: "evaluate-gate",
    subject: escapeMarkdown(result.key),
    summary: files,
    notes: result.notes,
    checks: {
      checks: result.checks,
      columns: checkColumns(result),
      nextStep: (c) => suggestEvaluateStep(c, result.policy.file),
    },
    sections: [
      () => renderPolicyBlocks(result.policy),
      (limits) => optional.slices(result, limits.tableRows),
      () => optional.sliceSearch(result),
      () => optional.history(result),
      () => renderEvaluateChartBlocks(result),
      () => optional.explanations(result),
      () => optional.plots(result),
      () => [{ text: renderReasons(result), dropOrder: 3 }],
      () =>
        result.significance
          ? [
              {
                text: details(
                  "How significance was decided",
                  escapeMarkdown(describeSignificance(result.significance), 1500),
                ),
                dropOrder: 2,
              },
            ]
          : [],
      () => (result.ungated.length > 0 ? [{ text: renderUngated(result), dropOrder: 1 }] : []),
      () => [{ text: renderSubject(result), dropOrder: 2 }],
    ],
  };
}

function checkColumns(result: GateResult): CheckColumn<EvaluateCheck>[] {
  // The evidence column appears only when some check rests on a statistic.
  const evidence = result.checks.some((c) => c.method !== undefined);
  const pair = (c: EvaluateCheck) => formatPair(c.baseline, c.value);
  const columns: CheckColumn<EvaluateCheck>[] = [
    {
      title: "metric",
      cell: (c) =>
        c.slice === undefined
          ? escapeMarkdown(c.metric)
          : `${escapeMarkdown(c.metric)} · ${escapeMarkdown(c.slice, 120)}`,
    },
    { title: "baseline", align: "r", cell: (c) => pair(c)[0] },
    { title: "candidate", align: "r", cell: (c) => pair(c)[1] },
    { title: "Δ", align: "r", cell: (c) => formatSigned(c.delta) },
    { title: "Δ%", align: "r", cell: (c) => formatPercent(c.delta_pct) },
    {
      title: "rule",
      cell: (c) =>
        c.alpha === undefined
          ? describeRule(c.rule, c.threshold)
          : `${describeRule(c.rule, c.threshold)}, α ${formatNumber(c.alpha)}`,
    },
  ];
  if (evidence)
    columns.push({
      title: "paired change (one-sided limits)",
      cell: (c) => formatEvidence(c, pResolution(c, result.significance)),
    });
  return columns;
}

function renderReasons(result: GateResult): string {
  const lines = result.checks.map((c) => {
    const where = c.slice === undefined ? "" : ` (${escapeMarkdown(c.slice, 120)})`;
    const beside = formatNoDifference(c);
    return `- ${verdictLabel(c.verdict)} **${escapeMarkdown(c.metric)}**${where} ${c.rule}: ${escapeMarkdown(c.message, 400)}${beside === "" ? "" : ` ${escapeMarkdown(beside, 200)}.`}`;
  });
  const legend = describePValues(result.checks)
    .map((meaning) => `\n\n_${escapeMarkdown(meaning, 300)}._`)
    .join("");
  return details("Why each check decided", `${lines.join("\n")}${legend}`);
}

function renderUngated(result: GateResult): string {
  const rows = result.ungated.map((m) => {
    const [baseline, value] = formatPair(m.baseline, m.value);
    return [escapeMarkdown(m.metric), baseline, value, formatSigned(m.delta), formatPercent(m.delta_pct)];
  });
  const table = markdownTable([["metric", "baseline", "candidate", "Δ", "Δ%"], ...rows], {
    align: ["l", "r", "r", "r", "r"],
    alignDelimiters: false,
  });
  return details(`Other metrics, not gated (${result.ungated.length})`, table);
}

function renderSubject(result: GateResult): string {
  // Code-unit order, not localeCompare: the same bytes on every machine, and no ICU collator to load.
  const entries = Object.entries(result.subject).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const lines = entries.map(([name, value]) => `- ${name}: ${escapeMarkdown(String(value), 200)}`);
  return details("Subject", lines.join("\n"));
}
