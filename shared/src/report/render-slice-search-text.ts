import type { SliceSearchSummary } from "../evaluate/slice-search/slice-search-result.js";
import { sanitizeTerminalText } from "./escape-markdown.js";
import { formatNumber, formatSigned } from "../core/format-number.js";
import { describeSliceSearch } from "./render-slice-search-markdown.js";

/** The slice search for a terminal: the top slices found automatically, worst first, then how they were searched. */
export function renderSliceSearchText(search: SliceSearchSummary | undefined): string[] {
  if (!search) return [];
  const lines = ["", `slices found automatically (${search.found} regressed beyond the margin), worst first:`];
  if (search.slices.length === 0)
    lines.push(
      `  no slice's ${sanitizeTerminalText(search.metric, 40)} regressed by more than ${formatNumber(search.margin)}`,
    );
  for (const s of search.slices) {
    const mark = s.significant ? search.on_finding.toUpperCase().padEnd(4) : "----";
    lines.push(
      `  ${mark}  ${sanitizeTerminalText(s.slice, 120)}  n=${s.rows}  ${sanitizeTerminalText(search.metric, 40)} ${formatNumber(s.baseline)} → ${formatNumber(s.value)} (${formatSigned(s.delta)})  adjusted p ${formatNumber(s.p_value_adjusted)}`,
    );
  }
  lines.push(`  ${sanitizeTerminalText(describeSliceSearch(search), 1500)}`);
  return lines;
}
