import { markdownTable } from "markdown-table";
import type { SliceSummary } from "../evaluate/gate-result.js";
import { escapeMarkdown } from "./escape-markdown.js";
import { formatNumber, formatSigned } from "../core/format-number.js";
import { verdictLabel } from "./verdict-label.js";

/** Slices shown unfolded; the rest are in a folded table. */
const SHOWN = 10;

/**
 * The per-slice table, worst slices first (the order `evaluateGate` gives): each slice's size, verdict and every
 * metric as "candidate (Δ)". Slices below their minimum size say so instead of a verdict.
 */
export function renderSlicesMarkdown(slices: readonly SliceSummary[], maxRows: number): string {
  const metrics = [...new Set(slices.flatMap((s) => s.metrics.map((m) => m.metric)))];
  const row = (s: SliceSummary) => [
    escapeMarkdown(s.slice, 200),
    String(s.rows),
    s.gated ? verdictLabel(s.verdict) : `not gated (< ${s.min_size})`,
    ...metrics.map((name) => {
      const m = s.metrics.find((x) => x.metric === name);
      if (!m || m.value === null) return "—";
      return m.delta === null ? formatNumber(m.value) : `${formatNumber(m.value)} (${formatSigned(m.delta)})`;
    }),
  ];
  const header = ["slice", "n", "result", ...metrics.map((m) => `${escapeMarkdown(m)} (Δ)`)];
  const align = ["l", "r", "l", ...metrics.map(() => "r")];
  const limit = Math.min(SHOWN, maxRows);
  const table = (list: readonly SliceSummary[]) =>
    markdownTable([header, ...list.map(row)], { align, alignDelimiters: false });
  const gated = slices.filter((s) => s.gated).length;
  const heading = `**Slices** (${slices.length}; ${gated} gated, worst first)`;
  const first = `${heading}\n\n${table(slices.slice(0, limit))}`;
  const rest = slices.slice(limit);
  if (rest.length === 0) return first;
  if (!Number.isFinite(maxRows) || maxRows > limit) {
    return `${first}\n\n<details><summary>${rest.length} more slice${rest.length === 1 ? "" : "s"}</summary>\n\n${table(rest)}\n\n</details>`;
  }
  return `${first}\n\n_${rest.length} more slice${rest.length === 1 ? "" : "s"} not shown._`;
}
