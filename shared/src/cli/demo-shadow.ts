import { readShadowInputs } from "../shadow/shadow-inputs.js";
import { blocksMerge } from "../github/to-outputs.js";
import type { FileAccess } from "../data/files/resolve-input-path.js";
import { renderReportMarkdown, renderReportText } from "../report/render-report.js";
import type { RecordReport } from "./demo-reports.js";
import { runShadow } from "./run-shadow.js";

const INPUTS: Record<string, string> = {
  production: "shadow/production.csv.gz",
  shadow: "shadow/shadow.jsonl.gz",
  labels: "shadow/labels.csv",
  "slice-columns": "country,plan",
  policy: "modelgate.yml",
};

/**
 * The demo's shadow comparison: the example's retrained candidate against production on the same 1,500 logged
 * requests. Appends its part of the demo to `out` and its summary line to `verdicts`.
 */
export async function demoShadow(
  access: FileAccess,
  markdown: boolean,
  report: { out: string[]; verdicts: string[]; record: RecordReport },
): Promise<void> {
  const result = await runShadow(
    readShadowInputs((name) => INPUTS[name] ?? ""),
    access,
  );
  report.record("candidate", "a retrained candidate in shadow mode on 1,500 logged requests", result);
  const flags = Object.entries(INPUTS)
    .map(([name, value]) => `--${name} ${value}`)
    .join(" ");
  const lines = [`━━━ a retrained candidate in shadow mode: modelgate shadow ${flags}`, "", renderReportText(result)];
  if (markdown) lines.push("The PR comment a reviewer sees (markdown):", "", renderReportMarkdown(result));
  const blocked = blocksMerge(result.verdict, "fail");
  report.out.push(...lines);
  report.verdicts.push(
    `shadow comparison: ${result.verdict}${blocked ? " (the switch-over is blocked: exit 1 in CI)" : " (the candidate may go live)"}`,
  );
}
