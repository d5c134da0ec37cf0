import { markdownTable } from "markdown-table";
import type { Verdict } from "../core/verdict.js";
import { verdictOrder } from "../core/verdict.js";
import { escapeMarkdown } from "./escape-markdown.js";
import { fitMarkdown } from "./fit-markdown.js";
import type { FitLimits, MarkdownBlock } from "./fit-markdown.js";
import { describeCounts, verdictLabel } from "./verdict-label.js";

/** One column of a report's check table: its title, alignment and the cell of a check (markdown, escaped). */
export interface CheckColumn<C> {
  title: string;
  align?: "l" | "r";
  cell: (check: C) => string;
}

/** How a gate shows its checks: the columns of its table and, for a check that did not pass, what to do. */
export interface CheckTable<C extends { verdict: Verdict }> {
  checks: readonly C[];
  columns: readonly CheckColumn<C>[];
  /** What the reader can do about a failing or warning check, as one markdown sentence. */
  nextStep: (check: C) => string;
}

/**
 * Every report's layout: the verdict line, the checks that failed or warned (worst first, each with
 * what to do), the passing checks counted and folded, then the detail sections in order. A gate fills it in; the
 * layout decides order and folding, so every report reads the same in ten seconds.
 *
 * A new detail section is one more entry of `sections`: a function of the fit limits returning markdown blocks
 * (`{ text, dropOrder }`; a `dropOrder` lets the section go first when the comment is over GitHub's size limit).
 */
export interface ReportLayout<C extends { verdict: Verdict }> {
  verdict: Verdict;
  /** "evaluate-gate", "bias-check", … */
  action: string;
  /** The subject of the title (key, model), as markdown (escaped). */
  subject: string;
  /** The news before the counts, when the gate acts (promote: what moved, or that nothing did). */
  headline?: string;
  /** What was judged, one markdown sentence after the counts ("Candidate **a.json** vs baseline **b.json**."). */
  summary?: string;
  /** The counts sentence; by default the checks' counts ("**2 of 9 checks failed** · 7 passed."). */
  counts?: string;
  /** Notes said before the checks (untrusted text: escaped here). */
  notes?: readonly string[];
  checks: CheckTable<C>;
  /** Detail sections below the checks, in order. */
  sections?: readonly ((limits: FitLimits) => MarkdownBlock[])[];
  /** Markdown heading of the title; "###" unless the report is nested in another. */
  heading?: string;
}

/** A report in the common layout, within `budget` characters (details and passing rows dropped first). */
export function renderLayoutMarkdown<C extends { verdict: Verdict }>(layout: ReportLayout<C>, budget?: number): string {
  return fitMarkdown((limits) => layoutBlocks(layout, limits), budget);
}

/** The blocks of `renderLayoutMarkdown`, for reports that combine several layouts. */
export function layoutBlocks<C extends { verdict: Verdict }>(
  layout: ReportLayout<C>,
  limits: FitLimits,
): MarkdownBlock[] {
  const verdicts = layout.checks.checks.map((c) => c.verdict);
  const counts = layout.counts ?? `${describeCounts(verdicts)}.`;
  const title = `${layout.heading ?? "###"} ${verdictLabel(layout.verdict)} · ${layout.action} · ${layout.subject}`;
  const lines = [
    title,
    ...(layout.headline ? [layout.headline] : []),
    [counts, layout.summary].filter(Boolean).join(" "),
  ];
  const blocks: MarkdownBlock[] = [{ text: lines.join("\n") }];
  if (layout.notes && layout.notes.length > 0)
    blocks.push({ text: layout.notes.map((n) => `> ${escapeMarkdown(n, 600)}`).join("\n>\n") });
  blocks.push(...renderCheckBlocks(layout.checks, limits));
  for (const section of layout.sections ?? []) blocks.push(...section(limits));
  return blocks;
}

/**
 * The checks of a report: a table of those that failed or warned, worst first (failures, then warnings, each in
 * the gate's order) with a "what to do" column; the passing ones counted and folded below it.
 */
export function renderCheckBlocks<C extends { verdict: Verdict }>(
  table: CheckTable<C>,
  limits: FitLimits,
): MarkdownBlock[] {
  const attention = worstFirst(table.checks.filter((c) => c.verdict !== "pass"));
  const passed = table.checks.filter((c) => c.verdict === "pass");
  const blocks: MarkdownBlock[] = [];
  if (attention.length > 0) {
    const columns: CheckColumn<C>[] = [
      { title: "result", cell: (c) => verdictLabel(c.verdict) },
      ...table.columns,
      { title: "what to do", cell: table.nextStep },
    ];
    blocks.push({ text: renderTable(columns, attention, limits.tableRows, "check") });
  } else if (table.checks.length === 0) {
    blocks.push({ text: "_No checks._" });
  }
  if (passed.length > 0) {
    const summary = `${passed.length === table.checks.length ? "All " : ""}${passed.length} check${passed.length === 1 ? "" : "s"} passed`;
    const columns: CheckColumn<C>[] = [...table.columns];
    blocks.push({ text: details(summary, renderTable(columns, passed, limits.tableRows, "check")), dropOrder: 2.5 });
  }
  return blocks;
}

/** Failures first, then warnings, then passes; the given order within each. */
export function worstFirst<C extends { verdict: Verdict }>(checks: readonly C[]): C[] {
  return checks
    .map((check, index) => ({ check, index }))
    .sort((a, b) => verdictOrder(a.check.verdict) - verdictOrder(b.check.verdict) || a.index - b.index)
    .map(({ check }) => check);
}

function renderTable<C>(columns: readonly CheckColumn<C>[], rows: readonly C[], maxRows: number, noun: string): string {
  const shown = rows.slice(0, maxRows);
  const table = markdownTable([columns.map((c) => c.title), ...shown.map((row) => columns.map((c) => c.cell(row)))], {
    align: columns.map((c) => c.align ?? "l"),
    alignDelimiters: false,
  });
  const hidden = rows.length - shown.length;
  return hidden > 0 ? `${table}\n\n_${hidden} more ${noun}${hidden === 1 ? "" : "s"} not shown._` : table;
}

/** A folded section; the blank line after <summary> lets GitHub render the markdown inside. */
export function details(summary: string, body: string): string {
  return `<details><summary>${summary}</summary>\n\n${body}\n\n</details>`;
}
