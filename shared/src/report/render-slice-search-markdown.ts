import { markdownTable } from "markdown-table";
import type { SliceSearchSummary } from "../evaluate/slice-search/slice-search-result.js";
import { escapeMarkdown } from "./escape-markdown.js";
import { formatNumber, formatSigned } from "../core/format-number.js";
import { SLICE_P_MEANING } from "./format-evidence.js";

/**
 * The slice search's section: the top slices found automatically, worst first, each with its size, both models'
 * metric, the change and its Holm-adjusted p-value; then one paragraph on how they were found. Empty without a search.
 */
export function renderSliceSearchMarkdown(search: SliceSearchSummary | undefined): string {
  if (!search) return "";
  const metric = escapeMarkdown(search.metric);
  const heading = `**Slices found automatically** (${search.found === 0 ? "none regressed significantly" : `${search.found} regressed beyond the margin`}; worst first)`;
  const body =
    search.slices.length === 0
      ? `_No slice's ${metric} regressed by more than the margin ${formatNumber(search.margin)}._`
      : markdownTable(
          [
            ["slice", "n", `baseline ${metric}`, `candidate ${metric}`, "Δ", "adjusted p", "result"],
            ...search.slices.map((s) => [
              escapeMarkdown(s.slice, 200),
              String(s.rows),
              formatNumber(s.baseline),
              formatNumber(s.value),
              formatSigned(s.delta),
              formatNumber(s.p_value_adjusted),
              s.significant ? (search.on_finding === "fail" ? "❌ regressed" : "⚠️ regressed") : "within noise",
            ]),
          ],
          { align: ["l", "r", "r", "r", "r", "r", "l"], alignDelimiters: false },
        );
  return `${heading}\n\n${body}\n\n<details><summary>How the slices were searched</summary>\n\n${escapeMarkdown(describeSliceSearch(search), 1500)}\n\n</details>`;
}

/** One paragraph a reviewer can repeat the search from: columns, lattice, loss, margin, test, family size and what p means. */
export function describeSliceSearch(search: SliceSearchSummary): string {
  const loss = search.loss === "error" ? "0/1 error" : search.loss.replace("-", " ");
  const depths = search.family_by_depth.map((n, i) => `${n} of ${i + 1} predicate${i === 0 ? "" : "s"}`).join(", ");
  const margin =
    search.margin_source === "none"
      ? "0 (no max-regression for it in the policy)"
      : `${formatNumber(search.margin)} (${search.margin_source})`;
  return (
    `Searched ${search.columns.join(", ")} over ${search.rows} paired examples: categorical values and numeric columns cut at ` +
    `${search.bins}-quantiles of the paired examples (those the baseline was scored on), conjunctions of up to ${search.depth} predicates, slices of at least ${search.min_size} examples. ` +
    `Each slice's paired change of the per-example ${loss} (the per-example form of ${search.metric}) was tested against the margin ${margin} ` +
    `with a one-sided one-sample t test; Holm's correction at family-wise α ${formatNumber(search.alpha)} covered all ${search.family} slices of the lattice meeting the minimum size ` +
    `(${depths}), counted from the feature columns alone; ${search.tested} exceeded the margin on average and were tested. A finding ${search.on_finding === "fail" ? "fails" : "warns"} (evaluate.slice-search.on-finding). ` +
    `Reading the p-values: ${SLICE_P_MEANING}.`
  );
}
