import { markdownTable } from "markdown-table";
import type {
  ChangedPredictions,
  ExplanationSummary,
  FeatureComparison,
  Reason,
} from "../explain/explanation-summary.js";
import { escapeMarkdown } from "./escape-markdown.js";
import { formatNumber, formatShare, formatSigned } from "../core/format-number.js";
import type { MarkdownBlock } from "./fit-markdown.js";

/** Longest feature name the section shows; the result JSON keeps the whole name. */
const FEATURE_TEXT = 60;

/**
 * The explanation section of the evaluate-gate report: each model's top-k features with rank changes, entering and
 * leaving features, sign changes (most examples reversed, beyond a noise floor), features one model lacks and, when predictions were paired by id, how many outputs
 * changed (the examples themselves only with show-examples). Every name is escaped; droppable as a whole.
 */
export function renderExplanationBlocks(summary: ExplanationSummary | undefined): MarkdownBlock[] {
  if (!summary) return [];
  const hasBaseline = summary.files.baseline !== null;
  const lines = [`#### Explanations · top ${summary.top_k} features by mean |attribution|`, describeFiles(summary)];
  const facts = hasBaseline ? describeChanges(summary) : [];
  if (facts.length > 0) lines.push("", ...facts.map((fact) => `- ${fact}`));
  lines.push("", renderFeatureTable(summary.features, hasBaseline));
  const blocks: MarkdownBlock[] = [{ text: lines.join("\n"), dropOrder: 1.5 }];
  if (summary.changed_predictions)
    blocks.push({ text: renderChangedPredictions(summary.changed_predictions), dropOrder: 0.8 });
  return blocks;
}

function describeFiles(summary: ExplanationSummary): string {
  const { candidate, baseline } = summary.files;
  return `Candidate **${escapeMarkdown(candidate)}** vs baseline ${baseline === null ? "**none**" : `**${escapeMarkdown(baseline)}**`}.`;
}

function describeChanges(summary: ExplanationSummary): string[] {
  const names = (list: readonly string[]) => list.map((name) => `**${escapeMarkdown(name, FEATURE_TEXT)}**`).join(", ");
  const facts: string[] = [];
  facts.push(
    summary.entered.length > 0
      ? `Entered the top ${summary.top_k}: ${names(summary.entered)}.`
      : `No feature entered the top ${summary.top_k}.`,
  );
  if (summary.left.length > 0) facts.push(`Left the top ${summary.top_k}: ${names(summary.left)}.`);
  if (summary.sign_unknown)
    facts.push("Sign flips cannot be seen: a file gives importance only (a bare number per feature).");
  else
    facts.push(
      summary.sign_flips.length > 0
        ? `Attributions changed sign (most examples reversed): ${names(summary.sign_flips.slice(0, 20))}${more(summary.sign_flips, 20)}.`
        : "No feature's attributions changed sign.",
    );
  if (summary.only_candidate.length > 0)
    facts.push(
      `Only in the candidate's explanations: ${names(summary.only_candidate.slice(0, 20))}${more(summary.only_candidate, 20)}.`,
    );
  if (summary.only_baseline.length > 0)
    facts.push(
      `Only in the baseline's explanations: ${names(summary.only_baseline.slice(0, 20))}${more(summary.only_baseline, 20)}.`,
    );
  return facts;
}

function more(list: readonly string[], shown: number): string {
  return list.length > shown ? `, and ${list.length - shown} more` : "";
}

function renderFeatureTable(rows: readonly FeatureComparison[], hasBaseline: boolean): string {
  if (!hasBaseline) {
    const body = rows.map((row) => [
      String(row.candidate?.rank ?? "—"),
      escapeMarkdown(row.feature, FEATURE_TEXT),
      formatNumber(row.candidate?.importance),
      formatSigned(row.candidate?.mean),
    ]);
    return markdownTable([["rank", "feature", "importance", "mean attribution"], ...body], {
      align: ["r", "l", "r", "r"],
      alignDelimiters: false,
    });
  }
  const body = rows.map((row) => [
    escapeMarkdown(row.feature, FEATURE_TEXT),
    String(row.baseline?.rank ?? "—"),
    String(row.candidate?.rank ?? "—"),
    describeRankChange(row),
    formatNumber(row.baseline?.importance),
    formatNumber(row.candidate?.importance),
    `${formatSigned(row.baseline?.mean)} → ${formatSigned(row.candidate?.mean)}${describeSignChange(row)}`,
  ]);
  return markdownTable(
    [
      [
        "feature",
        "baseline rank",
        "candidate rank",
        "change",
        "baseline importance",
        "candidate importance",
        "mean attribution",
      ],
      ...body,
    ],
    {
      align: ["l", "r", "r", "l", "r", "r", "l"],
      alignDelimiters: false,
    },
  );
}

/** " ⚠️ sign changed (92% of examples reversed)", or " (3% reversed)" beside a kept sign with per-example evidence. */
function describeSignChange(row: FeatureComparison): string {
  const share =
    row.sign_change_share === null || row.sign_change_share === undefined
      ? ""
      : `${formatShare(row.sign_change_share)} of examples reversed`;
  if (row.sign_flip) return ` ⚠️ sign changed${share ? ` (${share})` : ""}`;
  return share ? ` (${share})` : "";
}

function describeRankChange(row: FeatureComparison): string {
  if (!row.baseline) return "new";
  if (!row.candidate) return "dropped";
  const change = row.rank_change ?? 0;
  return change === 0 ? "=" : change < 0 ? `↑${-change}` : `↓${change}`;
}

function renderChangedPredictions(changed: ChangedPredictions): string {
  const what = changed.output === "score" ? "score" : "prediction";
  const head = `${changed.changed} of ${changed.compared} examples changed ${what} (largest |Δ| ${formatNumber(changed.max_abs_delta)}).`;
  if (!changed.examples)
    return `${head} Set show-examples: true to list the largest changes with each model's top reasons.`;
  if (changed.examples.length === 0) return head;
  const reasons = (list: Reason[] | null) =>
    list === null ? "—" : list.map((r) => `${escapeMarkdown(r.feature, 40)} ${formatSigned(r.attribution)}`).join(", ");
  const body = changed.examples.map((e) => [
    escapeMarkdown(e.id, 60),
    formatNumber(e.baseline),
    formatNumber(e.candidate),
    formatSigned(e.delta),
    reasons(e.candidate_reasons),
    reasons(e.baseline_reasons),
  ]);
  const table = markdownTable(
    [["id", "baseline", "candidate", "Δ", "candidate's top reasons", "baseline's top reasons"], ...body],
    {
      align: ["l", "r", "r", "r", "l", "l"],
      alignDelimiters: false,
    },
  );
  return `<details><summary>Largest changed predictions (${changed.examples.length})</summary>\n\n${head}\n\n${table}\n\n</details>`;
}
