import path from "node:path";
import { blocksMerge } from "../github/to-outputs.js";
import { renderReportMarkdown, renderReportText } from "../report/render-report.js";
import type { RecordReport } from "./demo-reports.js";
import { runValidate } from "./run-validate.js";

const BATCHES = [
  { file: "batch-clean.csv", label: "clean-batch", story: "a new batch from the same distribution" },
  {
    file: "batch-drifted.csv",
    label: "drifted-batch",
    story: "a batch that is pricier, has a new plan and missing charges",
  },
];

/** validate-data on the example's data folder: a clean and a drifted batch against the reference. Returns the printed lines and verdicts. */
export async function demoValidate(
  exampleFolder: string,
  markdown: boolean,
  record: RecordReport,
): Promise<{ lines: string[]; verdicts: string[] }> {
  const folder = path.join(exampleFolder, "data");
  const access = { workspace: folder, allowedRoots: [folder] };
  const lines: string[] = [`modelgate demo: validate-data on ${folder}`, ""];
  const verdicts: string[] = [];
  for (const { file, label, story } of BATCHES) {
    const result = await runValidate(
      { data: file, reference: "reference.csv", schemaOnly: false, policy: "modelgate.yml" },
      access,
    );
    record(label, story, result);
    const blocked = blocksMerge(result.verdict, "fail");
    verdicts.push(
      `${file}: ${result.verdict}${blocked ? " (the pipeline stops before training: exit 1 in CI)" : " (training may proceed)"}`,
    );
    lines.push(
      `━━━ ${story}: modelgate validate --data ${file} --reference reference.csv`,
      "",
      renderReportText(result),
    );
    if (markdown) lines.push("The report a reviewer sees (markdown):", "", renderReportMarkdown(result));
  }
  return { lines, verdicts };
}
