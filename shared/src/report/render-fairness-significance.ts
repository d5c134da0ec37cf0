import { markdownTable } from "markdown-table";
import type { BiasResult, FairnessCheck } from "../fairness/bias-result.js";
import {
  formatDistinct,
  formatNumber,
  formatPValue,
  formatSigned,
  resamplingResolution,
} from "../core/format-number.js";
import { escapeMarkdown, sanitizeTerminalText } from "./escape-markdown.js";
import { formatWithBaseline } from "./format-with-baseline.js";
import type { MarkdownBlock } from "./fit-markdown.js";
import { verdictLabel } from "./verdict-label.js";

/** The checks decided on the change's interval, in result order. */
function significanceChecks(result: BiasResult): FairnessCheck[] {
  return result.checks.filter((check) => check.significance_decision !== undefined || check.alpha !== undefined);
}

/** What the interval showed, in the reviewer's words. */
function judged(check: FairnessCheck): string {
  if (check.significance_decision === "pass") return "within the allowance (noise)";
  if (check.significance_decision === "fail") return "real regression";
  if (check.significance_decision === "inconclusive") return `inconclusive → ${check.verdict}`;
  return "cannot decide";
}

function describe(result: BiasResult): string {
  const s = result.significance;
  if (!s) return "";
  const testing =
    s.multiple_testing === "none"
      ? "no multiple-testing adjustment"
      : `${s.multiple_testing} across ${s.checks} checks (family α ${formatNumber(s.family_alpha)})`;
  return (
    `Change in unfairness = candidate − baseline on the same rows (1 − ratio for ratios, |1 − DI| for disparate impact; larger is less fair). ` +
    `Paired percentile bootstrap, rows resampled within each ${s.strata}, ${s.resamples} resamples, seed ${s.seed}; ${testing}. ` +
    `The interval is the pair of one-sided (1 − α) limits at each check's α: a regression is noise when the upper limit is within the allowed regression, real when the lower limit exceeds it.`
  );
}

/** How the markdown table's short headers read. */
function tableLegend(result: BiasResult): string {
  const adjusted =
    result.significance === undefined || result.significance.multiple_testing === "none"
      ? ""
      : `, adjusted (${result.significance.multiple_testing})`;
  return (
    `Change [interval]: the change in unfairness and its interval; allowed: the regression the rule allows; ` +
    `p: the smallest α at which the interval would put the change within the allowed regression${adjusted}.`
  );
}

/** bias-check's significance section: each max-regression decided on its interval, beside the point estimates. */
export function renderFairnessSignificanceMarkdown(result: BiasResult): MarkdownBlock[] {
  const checks = significanceChecks(result);
  if (checks.length === 0) return [];
  // A bootstrap p cannot resolve below 1/(B+1), nor an adjusted one below m/(B+1): floored there, as evaluate's are.
  const s = result.significance;
  const floor = s
    ? Math.min(1, resamplingResolution(s.resamples) * (s.multiple_testing === "none" ? 1 : s.checks))
    : undefined;
  // Seven columns where there were nine, so the table fits GitHub's comment column beside the metric's long name: the
  // baseline in the candidate's cell, the interval in the change's, the headers short and read in the legend below.
  const rows = checks.map((c) => {
    const change = formatSigned(c.effect_size ?? null);
    return [
      escapeMarkdown(c.metric),
      formatWithBaseline(c.value, c.baseline),
      c.ci ? `${change} [${formatDistinct(c.ci, formatSigned).join(", ")}]` : change,
      formatNumber(c.threshold),
      c.alpha === undefined ? "—" : formatNumber(c.alpha),
      formatPValue(c.p_value_adjusted ?? c.p_value ?? null, floor),
      `${verdictLabel(c.verdict)} ${judged(c)}`,
    ];
  });
  const table = markdownTable(
    [["metric [grouping]", "candidate (baseline)", "change [interval]", "allowed", "α", "p", "judged"], ...rows],
    { align: ["l", "r", "r", "r", "r", "r", "l"], alignDelimiters: false },
  );
  const legend = `${tableLegend(result)} ${describe(result)}`;
  return [
    {
      text: `**Fairness regressions judged against noise**\n\n${table}\n\n_${escapeMarkdown(legend, 1500)}_`,
      dropOrder: 3,
    },
  ];
}

/** The same section for a terminal: one line per check, after the check table. */
export function renderFairnessSignificanceText(result: BiasResult): string[] {
  const checks = significanceChecks(result);
  if (checks.length === 0) return [];
  return [
    "",
    "fairness regressions judged against noise (change in unfairness, interval of the change at α):",
    ...checks.map(
      (c) =>
        `  ${c.verdict.toUpperCase()} ${sanitizeTerminalText(c.metric, 70)}: change ${formatSigned(c.effect_size ?? null)}, ` +
        `interval ${c.ci ? `[${formatDistinct(c.ci, formatSigned).join(", ")}]` : "—"}, allowed ${formatNumber(c.threshold)}, α ${c.alpha === undefined ? "—" : formatNumber(c.alpha)} → ${judged(c)}`,
    ),
    `  ${sanitizeTerminalText(describe(result), 1200)}`,
  ];
}
