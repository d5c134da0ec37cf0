import path from "node:path";
import { renderReportMarkdown, renderReportText } from "../report/render-report.js";
import type { RecordReport } from "./demo-reports.js";
import { runEvaluate } from "./run-evaluate.js";

/**
 * The explanation part of the demo: two churn models' predictions and SHAP-style attributions on the same 200
 * customers (shared/examples/churn/explanations). The candidate's AUC improves, yet its ranking now leans on support
 * calls instead of monthly charges and tenure's effect changed sign: the policy's explanation rules catch both.
 */
export async function demoExplanations(exampleFolder: string, format: string, record: RecordReport): Promise<string[]> {
  const folder = path.join(exampleFolder, "explanations");
  const inputs = {
    candidatePredictions: "candidate-predictions.csv",
    baselinePredictions: "baseline-predictions.csv",
    candidateExplanations: "candidate-shap.csv",
    baselineExplanations: "baseline-shap.csv",
    showExamples: true,
    policy: "modelgate.yml",
  };
  const result = await runEvaluate(inputs, { workspace: folder, allowedRoots: [folder] });
  record("explanations", "a candidate with a better AUC whose reasons changed", result);
  const command =
    "modelgate evaluate --candidate-predictions candidate-predictions.csv --baseline-predictions baseline-predictions.csv \\\n    --candidate-explanations candidate-shap.csv --baseline-explanations baseline-shap.csv --show-examples true";
  const out = [
    `━━━ a candidate with a better AUC whose reasons changed (in ${folder}): ${command}`,
    "",
    renderReportText(result),
  ];
  if (format === "markdown") out.push("The PR comment a reviewer sees (markdown):", "", renderReportMarkdown(result));
  out.push(
    `explanations: ${result.verdict}${result.verdict === "fail" ? " (the merge is blocked: the explanation rules failed)" : ""}`,
    "",
  );
  return out;
}
