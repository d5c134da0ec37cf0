import type { Verdict } from "../core/verdict.js";

const ICON: Record<Verdict, string> = { pass: "✅", warn: "⚠️", fail: "❌" };

/** The verdict as a reviewer scans for it: icon and word. */
export function verdictLabel(verdict: Verdict): string {
  return `${ICON[verdict]} ${verdict}`;
}

/** "2 of 9 checks failed · 1 warning · 6 passed", or "All 9 checks passed": the counts behind a verdict. */
export function describeCounts(verdicts: readonly Verdict[]): string {
  const count = (v: Verdict) => verdicts.filter((x) => x === v).length;
  const parts: string[] = [];
  const failed = count("fail");
  const warned = count("warn");
  if (failed === 0 && warned === 0)
    return verdicts.length === 1
      ? "1 check passed"
      : verdicts.length === 0
        ? "No checks"
        : `All ${verdicts.length} checks passed`;
  if (failed > 0) parts.push(`**${failed} of ${verdicts.length} checks failed**`);
  if (warned > 0) parts.push(`${warned} warning${warned === 1 ? "" : "s"}`);
  parts.push(`${count("pass")} passed`);
  return parts.join(" · ");
}
