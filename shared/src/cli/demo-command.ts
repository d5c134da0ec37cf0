import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseCliArgs } from "./parse-cli-args.js";
import { oneOf } from "./run-gate-command.js";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import type { ActionResult } from "../report/action-result.js";
import type { GateResult } from "../evaluate/gate-result.js";
import { blocksMerge } from "../github/to-outputs.js";
import { renderReportMarkdown, renderReportText } from "../report/render-report.js";
import type { Command } from "./commands.js";
import { EXIT } from "./commands.js";
import { demoExplanations } from "./demo-explain.js";
import { demoBias } from "./demo-bias.js";
import { DemoReports } from "./demo-reports.js";
import { renderPreviewHtml } from "./render-preview-html.js";
import { runEvaluate } from "./run-evaluate.js";
import { runRegistryDemo } from "./demo-registry.js";
import { describeHistorySlide, HISTORY_COMMAND, runHistoryDemo } from "./demo-history.js";
import { demoShadow } from "./demo-shadow.js";
import { demoValidate } from "./demo-validate.js";

/** The built-in example, found relative to this file in the source tree and in the built CLI alike. */
export function exampleFolder(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../examples/churn");
}

/** The demo's preview page, written beside its reports. */
export const PREVIEW_PAGE = "preview.html";

const CANDIDATES = [
  { file: "candidate-regressed.json", label: "regressed", story: "a candidate that overfits and is slower" },
  { file: "candidate-better.json", label: "better", story: "a candidate that improves quality" },
];

/** Predictions of the same 4,000 customers by each model: significance and slices (make-predictions.mjs). */
const PREDICTION_CANDIDATES = [
  {
    file: "predictions/candidate-noise.csv",
    label: "noise",
    story:
      "a retrain whose changes are within noise: the intervals neither show nor rule out a regression, so it warns",
  },
  {
    file: "predictions/candidate-regressed.csv",
    label: "significant-regression",
    story:
      "a candidate that got worse in one region: the AUC regression is significant, the west slice fails, and the slice search finds it without being told",
  },
];

/** A regression model's predictions of the same customers' charges (make-regression-predictions.mjs). */
const REGRESSION = {
  candidatePredictions: "regression/candidate.csv",
  baselinePredictions: "regression/baseline.csv",
  policy: "regression/policy.yml",
};
const REGRESSION_COMMAND = `modelgate evaluate --task regression --policy ${REGRESSION.policy} --candidate-predictions ${REGRESSION.candidatePredictions} --baseline-predictions ${REGRESSION.baselinePredictions}`;

export const demoCommand: Command = {
  name: "demo",
  usage: `Usage: modelgate demo [--format text|markdown] [--out DIR]

Runs evaluate-gate on the built-in churn-classifier example (shared/examples/churn): one baseline,
one candidate that regresses and one that improves (metrics files); then, from predictions of the
same customers, one candidate whose changes are noise and one whose regression is significant; bias-check
likewise judges one fairness regression that is noise and one that is real. Prints each verdict, then the PR comment a
reviewer would see, then promotes and rolls back in a temporary git registry, and promotes four versions in
another whose history the next candidate's evaluation shows (table, sparkline, the median rule). Every report an action would
post is written to DIR (default: a new temporary folder), with preview.html: every report as GitHub shows it,
in one self-contained page that opens offline; both are named at the end. No GitHub access is needed.
Exits 0 when the demo ran as expected.`,
  async run(args) {
    const { values } = parseCliArgs({
      args,
      options: { format: { type: "string", default: "markdown" }, out: { type: "string" } },
      strict: true,
    });
    oneOf(String(values.format), ["text", "markdown"], "--format");
    const reports = new DemoReports();
    const record = reports.record;
    const folder = exampleFolder();
    const access = { workspace: folder, allowedRoots: [folder] };
    const out: string[] = [`modelgate demo: the pipeline on the built-in example in ${folder}`, ""];
    const verdicts: string[] = [];
    const show = (file: string, story: string, command: string, result: ActionResult) => {
      const blocked = blocksMerge(result.verdict, "fail");
      verdicts.push(
        `${file}: ${result.verdict}${blocked ? " (the merge is blocked: exit 1 in CI)" : " (the merge may proceed)"}`,
      );
      out.push(`━━━ ${story}: ${command}`, "");
      out.push(renderReportText(result));
      if (values.format === "markdown")
        out.push("The PR comment a reviewer sees (markdown):", "", renderReportMarkdown(result));
    };
    // The pipeline's order: validate the data, train, evaluate, check bias, shadow, then promote and roll back.
    const validate = await demoValidate(folder, values.format === "markdown", record);
    out.push(...validate.lines);
    verdicts.push(...validate.verdicts);
    out.push(...(await (await import("./demo-train.js")).demoTrain(folder, record)));
    const evaluated = new Map<string, GateResult>();
    for (const { file, label, story } of CANDIDATES) {
      const result = await runEvaluate({ candidate: file, baseline: "baseline.json", policy: "modelgate.yml" }, access);
      if (!("error" in result) && result.action === "evaluate-gate") evaluated.set(file, result);
      record(label, story, result);
      show(file, story, `modelgate evaluate --candidate ${file} --baseline baseline.json`, result);
    }
    for (const { file, label, story } of PREDICTION_CANDIDATES) {
      const result = await runEvaluate(
        {
          candidatePredictions: file,
          baselinePredictions: "predictions/baseline.csv",
          policy: "policy-predictions.yml",
        },
        access,
      );
      record(label, story, result);
      show(
        file,
        story,
        `modelgate evaluate --policy policy-predictions.yml --candidate-predictions ${file} --baseline-predictions predictions/baseline.csv`,
        result,
      );
    }
    const regression = await runEvaluate({ ...REGRESSION, task: "regression" }, access);
    record("regression", "a regression model of next month's charges", regression);
    show(
      REGRESSION.candidatePredictions,
      "a regression model of next month's charges: residuals and predicted vs actual by decile",
      REGRESSION_COMMAND,
      regression,
    );
    out.push(...(await demoExplanations(folder, String(values.format), record)));
    const bias = await demoBias(access, values.format === "markdown", record);
    out.push(...bias.lines);
    verdicts.push(...bias.verdicts);
    await demoShadow(access, values.format === "markdown", { out, verdicts, record });
    const registry = await runRegistryDemo(folder, evaluated, record);
    out.push(registry.text);
    verdicts.push(...registry.verdicts);
    const history = await runHistoryDemo(folder);
    out.push(...history.lines);
    const slide = describeHistorySlide(history.result);
    record("history", slide, history.result);
    show("history/candidate.json", slide, HISTORY_COMMAND, history.result);
    const reportFolder = path.resolve(values.out ?? mkdtempSync(path.join(tmpdir(), "modelgate-demo-reports-")));
    const written = reports.write(reportFolder);
    const page = path.join(reportFolder, PREVIEW_PAGE);
    const title = "modelgate demo: every report the pipeline would post";
    const intro =
      "Each report as a reviewer sees it on github.com, in the pipeline's order: validate the data, train, evaluate, check bias, shadow, promote and roll back, then an evaluation against the model's history.";
    writeFileSync(page, await renderPreviewHtml({ title, intro, reports: reports.previewReports() }));
    out.push(
      "━━━ Summary",
      ...verdicts.map((v) => `  ${v}`),
      "",
      `The ${written} reports the actions would post (markdown and result JSON, with an index README.md): ${reportFolder}`,
    );
    out.push(`Open them as GitHub shows them, in one page that opens offline in any browser: ${page}`, "");
    process.stdout.write(out.join("\n"));
    return EXIT.ok;
  },
};
