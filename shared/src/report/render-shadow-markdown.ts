import type { ShadowCheck, ShadowResult } from "../shadow/shadow-result.js";
import { escapeMarkdown } from "./escape-markdown.js";
import type { MarkdownBlock } from "./fit-markdown.js";
import { formatDistinct, formatNumber, formatPair, formatPValue, formatShare } from "../core/format-number.js";
import type { CheckColumn, ReportLayout } from "./render-layout.js";
import { details, renderLayoutMarkdown } from "./render-layout.js";
import { suggestShadowStep } from "./suggest-next-step.js";
import { renderPolicyBlocks } from "./render-policy-blocks.js";
import { renderShadowPlotBlocks } from "./render-shadow-plot.js";
import {
  renderShadowExamples,
  renderShadowLatency,
  renderShadowSlices,
  renderShadowStatistics,
} from "./render-shadow-sections.js";
import { verdictLabel } from "./verdict-label.js";

/**
 * The shadow-compare report in the common layout: verdict line and the headline numbers (coverage, agreement), the
 * checks that did not pass with what to do, the passing ones folded, then folded sections for flips, scores,
 * latency, slices, labels and, only with show-examples, the disagreeing requests. Always within `budget` characters.
 */
export function renderShadowMarkdown(result: ShadowResult, budget?: number): string {
  return renderLayoutMarkdown(shadowLayout(result), budget);
}

/** The shadow-compare report as a layout. */
export function shadowLayout(result: ShadowResult): ReportLayout<ShadowCheck> {
  const { requests, classes } = result.summary;
  const agreement = classes ? `, agreement **${formatShare(classes.agreement)}**` : "";
  const score = result.scorecard ? `, score **${formatNumber(result.scorecard.score)}**/100` : "";
  const summary =
    `Production **${escapeMarkdown(result.files.production)}** vs shadow **${escapeMarkdown(result.files.shadow)}**: ` +
    `${requests.joined} of ${requests.production} production requests answered by both (coverage **${formatShare(requests.coverage)}**)${agreement}${score}.`;
  const pair = (c: ShadowCheck) => formatPair(c.baseline, c.value);
  const columns: CheckColumn<ShadowCheck>[] = [
    { title: "comparison", cell: (c) => escapeMarkdown(c.metric) },
    { title: "production", align: "r", cell: (c) => pair(c)[0] },
    { title: "shadow", align: "r", cell: (c) => (c.nodata ? "no data" : pair(c)[1]) },
    {
      title: "interval / test",
      cell: (c) =>
        c.ci
          ? `[${formatDistinct(c.ci).join(", ")}]`
          : c.p_value !== undefined
            ? `McNemar p ${formatPValue(c.p_value)}`
            : "",
    },
    { title: "rule", cell: (c) => `${c.rule} ${formatNumber(c.threshold)}` },
  ];
  return {
    verdict: result.verdict,
    action: "shadow-compare",
    subject: escapeMarkdown(result.key),
    summary,
    notes: result.notes,
    checks: { checks: result.checks, columns, nextStep: (c) => suggestShadowStep(c) },
    sections: [
      () => renderPolicyBlocks(result.policy),
      () => [
        {
          text: details(
            "Why each check decided",
            result.checks
              .map(
                (c) =>
                  `- ${verdictLabel(c.verdict)} **${escapeMarkdown(c.metric)}** ${c.rule}: ${escapeMarkdown(c.message, 400)}`,
              )
              .join("\n"),
          ),
          dropOrder: 3,
        },
      ],
      () => [{ text: renderShadowStatistics(result), dropOrder: 2 }],
      () => renderShadowPlotBlocks(result.summary),
      () => optional(renderShadowLatency(result), 2),
      (limits) => optional(renderShadowSlices(result, limits.tableRows), 1),
      (limits) => optional(renderShadowExamples(result, limits.tableRows), 0),
    ],
  };
}

function optional(text: string | undefined, dropOrder: number): MarkdownBlock[] {
  return text ? [{ text, dropOrder }] : [];
}
