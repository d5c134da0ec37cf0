import { renderReportMarkdown, renderReportText } from "../report/render-report.js";
import { readBiasInputs } from "../fairness/bias-inputs.js";
import type { FileAccess } from "../data/files/resolve-input-path.js";
import type { RecordReport } from "./demo-reports.js";
import { runBias } from "./run-bias.js";

/** Fairness regressions judged on the paired interval of the change (policy-fairness.yml): one noise, one real. */
const JUDGED = [
  {
    file: "predictions-retrain.csv",
    label: "noise",
    story: "a retrain whose fairness gap moved by noise: the interval of the change cannot rule it out, so it warns",
  },
  {
    file: "predictions-rural.csv",
    label: "real-regression",
    story:
      "a model that selects rural customers more often: the whole interval of the change exceeds the allowance, so it fails",
  },
];

/**
 * The demo's bias-check part: the churn candidate's predictions against production's, by region and age band; then
 * two fairness regressions judged against noise, one noise and one real.
 */
export async function demoBias(
  access: FileAccess,
  markdown: boolean,
  record: RecordReport,
): Promise<{ lines: string[]; verdicts: string[] }> {
  const flags: Record<string, string> = {
    predictions: "predictions-candidate.csv",
    "baseline-predictions": "predictions-baseline.csv",
  };
  const result = await runBias(
    readBiasInputs((name) => flags[name] ?? ""),
    access,
  );
  record("candidate", "fairness of the candidate per region and age band, against production", result);
  const lines = [
    "━━━ fairness of the candidate: modelgate bias --predictions predictions-candidate.csv --baseline-predictions predictions-baseline.csv",
    "",
    renderReportText(result),
  ];
  if (markdown) lines.push("The PR comment a reviewer sees (markdown):", "", renderReportMarkdown(result));
  const verdicts = [`bias-check on predictions-candidate.csv: ${result.verdict}`];
  for (const { file, label, story } of JUDGED) {
    const judged: Record<string, string> = {
      predictions: file,
      "baseline-predictions": "predictions-baseline.csv",
      policy: "policy-fairness.yml",
    };
    const run = await runBias(
      readBiasInputs((name) => judged[name] ?? ""),
      access,
    );
    record(label, story, run);
    lines.push(
      `━━━ ${story}: modelgate bias --policy policy-fairness.yml --predictions ${file} --baseline-predictions predictions-baseline.csv`,
      "",
      renderReportText(run),
    );
    if (markdown) lines.push("The PR comment a reviewer sees (markdown):", "", renderReportMarkdown(run));
    verdicts.push(`bias-check on ${file}: ${run.verdict}`);
  }
  return { lines, verdicts };
}
