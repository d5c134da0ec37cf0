import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { exampleFolder } from "../../../shared/src/cli/demo-command.js";
import { runEvaluate } from "../../../shared/src/cli/run-evaluate.js";
import { renderReportMarkdown } from "../../../shared/src/report/render-report.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

describe("README's sample PR comment", () => {
  it("is the demo's real report for the regressed candidate, line for line up to the ellipsis", async () => {
    const readme = readFileSync(path.join(root, "README.md"), "utf8");
    const quoted = readme
      .split("\n")
      .filter((line) => line.startsWith(">"))
      .map((line) => line.replace(/^> ?/, ""));
    const cut = quoted.findIndex((line) => line.startsWith("| …"));
    expect(cut).toBeGreaterThan(5);
    const folder = exampleFolder();
    const result = await runEvaluate(
      { candidate: "candidate-regressed.json", baseline: "baseline.json", policy: "modelgate.yml" },
      { workspace: folder, allowedRoots: [folder] },
    );
    const report = renderReportMarkdown(result).split("\n");
    expect(quoted.slice(0, cut)).toEqual(report.slice(0, cut));
  });

  it("shows the demo's real ROC plot of the noise candidate, chart and caption", async () => {
    const readme = readFileSync(path.join(root, "README.md"), "utf8");
    const sample = /```mermaid\nxychart-beta\n {4}title "ROC curve"[\s\S]*?\n```\n\n_Series[^\n]*_/.exec(readme)?.[0];
    expect(sample).toBeDefined();
    const folder = exampleFolder();
    const result = await runEvaluate(
      {
        candidatePredictions: "predictions/candidate-noise.csv",
        baselinePredictions: "predictions/baseline.csv",
        policy: "policy-predictions.yml",
      },
      { workspace: folder, allowedRoots: [folder] },
    );
    expect(renderReportMarkdown(result)).toContain(sample!);
  });
});
