import { renderReportMarkdown, renderReportText } from "../report/render-report.js";
import { readBiasInputs } from "../fairness/bias-inputs.js";
import type { FileAccess } from "../data/files/resolve-input-path.js";
import type { RecordReport } from "./demo-reports.js";
import { runBias } from "./run-bias.js";

/** The demo's bias-check part: the churn candidate's predictions against production's, by region and age band. */
export async function demoBias(access: FileAccess, markdown: boolean, record: RecordReport): Promise<{ lines: string[]; verdict: string }> {
  const flags: Record<string, string> = { predictions: "predictions-candidate.csv", "baseline-predictions": "predictions-baseline.csv" };
  const result = await runBias(readBiasInputs((name) => flags[name] ?? ""), access);
  record("candidate", "fairness of the candidate per region and age band, against production", result);
  const lines = ["━━━ fairness of the candidate: modelgate bias --predictions predictions-candidate.csv --baseline-predictions predictions-baseline.csv", "", renderReportText(result)];
  if (markdown) lines.push("The PR comment a reviewer sees (markdown):", "", renderReportMarkdown(result));
  return { lines, verdict: `bias-check on predictions-candidate.csv: ${result.verdict}` };
}
