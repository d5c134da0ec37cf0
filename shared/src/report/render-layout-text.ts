import type { Verdict } from "../core/verdict.js";
import { worstFirst } from "./render-layout.js";

/** One check as a terminal shows it: the cells of its row, its reason and what to do. */
export interface TextCheck {
  verdict: Verdict;
  /** The row's cells after the verdict (already terminal-safe). */
  cells: readonly string[];
  /** Why the check decided (already terminal-safe). */
  reason: string;
  /** What to do when it did not pass. */
  nextStep: string;
}

/** The terminal twin of `ReportLayout`: the same order, as lines. */
export interface TextLayout {
  verdict: Verdict;
  action: string;
  subject: string;
  /** Lines after the verdict line: what was judged, notes. */
  context?: readonly string[];
  /** The column titles of the check rows, after "result". */
  columns: readonly string[];
  checks: readonly TextCheck[];
  /** The name of a passing check, for the one line that counts them. */
  passedName?: (check: TextCheck) => string;
  /** Detail sections, each a list of lines, in order. */
  sections?: readonly (readonly string[])[];
}

/**
 * A report for a terminal in the common layout: the verdict line with the counts, then an aligned table of the
 * checks that failed or warned (worst first), each followed by its reason and what to do, then one line counting
 * the passing checks, then the detail sections, each after a blank line.
 */
export function renderLayoutText(layout: TextLayout): string {
  const count = (v: Verdict) => layout.checks.filter((c) => c.verdict === v).length;
  const failed = count("fail");
  const warned = count("warn");
  const passed = count("pass");
  const lines = [
    `${layout.action} · ${layout.subject}: ${layout.verdict.toUpperCase()} (${failed} failed, ${warned} warning${warned === 1 ? "" : "s"}, ${passed} passed of ${layout.checks.length} checks)`,
    ...(layout.context ?? []),
  ];
  const attention = worstFirst(layout.checks.filter((c) => c.verdict !== "pass"));
  if (attention.length > 0) {
    const rows = [["result", ...layout.columns], ...attention.map((c) => [c.verdict.toUpperCase(), ...c.cells])];
    const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => [...(r[i] ?? "")].length)));
    const line = (row: readonly string[]) =>
      row
        .map((cell, i) => cell.padEnd(widths[i]!))
        .join("  ")
        .trimEnd();
    lines.push("", line(rows[0]!));
    attention.forEach((check, i) => {
      lines.push(line(rows[i + 1]!));
      if (check.reason !== "") lines.push(`      why: ${check.reason}`);
      lines.push(`      do:  ${check.nextStep}`);
    });
  }
  if (passed > 0) {
    const names = layout.checks
      .filter((c) => c.verdict === "pass")
      .map((c) => (layout.passedName ? layout.passedName(c) : c.cells.join(" ")));
    const shown = names.slice(0, 12).join(", ");
    lines.push(
      "",
      `${passed === layout.checks.length ? "all " : ""}${passed} passed: ${shown}${names.length > 12 ? `, and ${names.length - 12} more` : ""}`,
    );
  }
  for (const section of layout.sections ?? []) if (section.length > 0) lines.push("", ...section);
  return `${lines.join("\n")}\n`;
}
