import { markdownTable } from "markdown-table";
import type { PublishedResult } from "../publish/published-result-schema.js";
import { worstVerdict } from "../core/verdict.js";
import { escapeMarkdown } from "./escape-markdown.js";
import { fitMarkdown } from "./fit-markdown.js";
import type { FitLimits, MarkdownBlock } from "./fit-markdown.js";
import type { Check } from "../core/check.js";
import {
  formatDistinct,
  formatNumber,
  formatPair,
  formatPercent,
  formatPValue,
  formatSigned,
} from "../core/format-number.js";
import type { CheckColumn } from "./render-layout.js";
import { renderCheckBlocks } from "./render-layout.js";
import {
  suggestBiasStep,
  suggestEvaluateStep,
  suggestRegistryStep,
  suggestShadowStep,
  suggestTrainStep,
  suggestValidateStep,
} from "./suggest-next-step.js";
import { describeCounts, verdictLabel } from "./verdict-label.js";
import { renderSliceSearchMarkdown } from "./render-slice-search-markdown.js";

/** Said once under a reported title: whose claims these are. */
const REPORTED =
  "_Reported by the pull request's own workflow run, whose code wrote these results; re-rendered from checked fields, not verified._";

/**
 * The report of any action's result from the fields every action shares (verdict, checks, notes, policy,
 * subject, error, and evaluate-gate's slice search): what a publishing step posts for results it received from an untrusted run. Every string
 * of the result is escaped; nothing the result carries as markdown is used. The run that wrote the result ran the
 * pull request's own code, so the report states its verdict and policy as reported, never as verified. `footer` is
 * the caller's own (trusted) markdown, e.g. where the result came from.
 */
export function renderGenericMarkdown(result: PublishedResult, footer?: string, budget?: number): string {
  return fitMarkdown(
    (limits) => [...resultBlocks(result, limits, "###", true), ...(footer ? [{ text: footer }] : [])],
    budget,
  );
}

/** All results of one run in one report: an overview table first, then each result, details dropped first when long. */
export function renderCombinedMarkdown(results: readonly PublishedResult[], footer?: string, budget?: number): string {
  return fitMarkdown((limits) => {
    const verdict = worstVerdict(results.map((r) => r.verdict));
    const overview = markdownTable(
      [
        ["gate", "key", "result", "checks"],
        ...results.map((r) => [
          r.action,
          escapeMarkdown(r.key),
          verdictLabel(r.verdict),
          r.error ? "could not decide" : describeCounts(r.checks.map((c) => c.verdict)).replace(/\*\*/g, ""),
        ]),
      ],
      { alignDelimiters: false },
    );
    const blocks: MarkdownBlock[] = [
      {
        text: `### Reported ${verdictLabel(verdict)} · modelgate · ${results.length} gate${results.length === 1 ? "" : "s"}\n${REPORTED}\n\n${overview}`,
      },
    ];
    results.forEach((result, index) => {
      // Later gates' sections go first when the comment is too long; the overview always stays.
      for (const block of resultBlocks(result, limits, "####", false))
        blocks.push({ text: block.text, dropOrder: (results.length - index) * 10 + (block.dropOrder ?? 9) });
    });
    if (footer) blocks.push({ text: footer });
    return blocks;
  }, budget);
}

/** One result's blocks; `claim` adds the line saying whose claims they are (the combined report says it once). */
function resultBlocks(result: PublishedResult, limits: FitLimits, heading: string, claim: boolean): MarkdownBlock[] {
  const title = `${heading} Reported ${verdictLabel(result.verdict)} · ${result.action} · ${escapeMarkdown(result.key)}${claim ? `\n${REPORTED}` : ""}`;
  if (result.error) {
    const where = result.error.file ? `\n\nFile: ${escapeMarkdown(result.error.file, 200)}` : "";
    return [
      {
        text: `${title}\n**The gate could not decide**, so it fails.\n\n${escapeMarkdown(result.error.message, 2000)}${where}\n\n**Fix:** ${escapeMarkdown(result.error.hint, 2000)}`,
      },
    ];
  }
  const blocks: MarkdownBlock[] = [{ text: `${title}\n${describeCounts(result.checks.map((c) => c.verdict))}.` }];
  if (result.policy) blocks.push(renderReportedPolicy(result.policy));
  if (result.notes && result.notes.length > 0)
    blocks.push({ text: result.notes.map((n) => `> ${escapeMarkdown(n, 500)}`).join("\n") });
  if (result.checks.length > 0)
    blocks.push(
      ...renderCheckBlocks(
        { checks: result.checks, columns: CHECK_COLUMNS, nextStep: (c) => suggestStep(result, c) },
        limits,
      ),
    );
  // The evaluate report's own section, from the checked fields (a type error here means the two shapes drifted).
  if (result.slice_search) blocks.push({ text: renderSliceSearchMarkdown(result.slice_search), dropOrder: 4 });
  if (result.checks.length > 0) blocks.push({ text: renderReasons(result), dropOrder: 3 });
  if (result.subject) blocks.push({ text: renderSubject(result.subject), dropOrder: 2 });
  return blocks;
}

type PublishedCheck = PublishedResult["checks"][number];

const CHECK_COLUMNS: CheckColumn<PublishedCheck>[] = [
  {
    title: "check",
    cell: (c) =>
      c.slice === undefined ? escapeMarkdown(c.metric) : `${escapeMarkdown(c.metric)} · ${escapeMarkdown(c.slice)}`,
  },
  // The rule and its bound in one cell, as each gate's own report shows them ("max-regression 0.01"): a bound column
  // of its own made a fairness check's table, beside its long metric name, wider than GitHub's comment column.
  { title: "rule", cell: (c) => `${escapeMarkdown(c.rule, 60)} ${formatNumber(c.threshold)}` },
  { title: "baseline", align: "r", cell: (c) => formatPair(c.baseline, c.value)[0] },
  { title: "value", align: "r", cell: (c) => formatPair(c.baseline, c.value)[1] },
  { title: "Δ", align: "r", cell: (c) => formatSigned(c.delta) },
  { title: "Δ%", align: "r", cell: (c) => formatPercent(c.delta_pct) },
];

/** What to do about a reported check, by the gate that reported it. */
function suggestStep(result: PublishedResult, check: PublishedCheck): string {
  const asCheck = check as Check;
  switch (result.action) {
    case "evaluate-gate":
      return suggestEvaluateStep(asCheck, result.policy?.file ?? "the policy file", undefined, false);
    case "validate-data":
      return suggestValidateStep(asCheck);
    case "bias-check":
      return suggestBiasStep(asCheck, undefined, false);
    case "shadow-compare":
      return suggestShadowStep(asCheck);
    case "train-reproducibly":
      return suggestTrainStep(asCheck);
    default:
      return suggestRegistryStep(asCheck);
  }
}

function renderReasons(result: PublishedResult): string {
  const lines = result.checks.map((c) => {
    const evidence = [
      c.method === undefined ? undefined : `method ${escapeMarkdown(c.method, 60)}`,
      c.p_value === undefined ? undefined : `p ${formatPValue(c.p_value)}`,
      c.p_value_adjusted === undefined ? undefined : `adjusted p ${formatPValue(c.p_value_adjusted)}`,
      c.effect_size === undefined ? undefined : `effect size ${formatNumber(c.effect_size)}`,
      c.ci === undefined ? undefined : `interval [${formatDistinct(c.ci).join(", ")}]`,
    ].filter((part) => part !== undefined);
    const tail = evidence.length > 0 ? ` (${evidence.join(", ")})` : "";
    return `- ${verdictLabel(c.verdict)} **${escapeMarkdown(c.name, 200)}**: ${escapeMarkdown(c.message, 400)}${tail}`;
  });
  return `<details><summary>Why each check decided</summary>\n\n${lines.join("\n")}\n\n</details>`;
}

function renderSubject(subject: NonNullable<PublishedResult["subject"]>): string {
  const digests = (["candidate_sha256", "baseline_sha256", "eval_data_sha256", "manifest_lineage_sha256"] as const)
    .filter((field) => subject[field] !== undefined)
    .map((field) => `${field.replace(/_sha256$/, "").replace(/_/g, " ")} \`${subject[field]!.slice(0, 12)}\``);
  return `Subject: model **${escapeMarkdown(subject.model)}**${digests.length > 0 ? ` · ${digests.join(" · ")}` : ""}.`;
}

/**
 * The policy the result names, as its claim: which branch's version decided cannot be verified from a result the
 * pull request's code wrote, so no source is stated; the digest lets a reviewer compare it with the base branch's.
 */
function renderReportedPolicy(policy: NonNullable<PublishedResult["policy"]>): MarkdownBlock {
  const file = escapeMarkdown(policy.file);
  const digest = policy.sha256 === "" ? "" : ` at sha256 \`${policy.sha256.slice(0, 12)}\``;
  const changed = policy.change ? " It also reports that the pull request changes that file." : "";
  return {
    text: `Policy named by the run: ${file}${digest} (not verified: which version decided is the run's claim).${changed}`,
    dropOrder: 4,
  };
}
