import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseMetricsText } from "../../../shared/src/data/metrics/read-metrics-file.js";
import { evaluateGate } from "../../../shared/src/evaluate/evaluate-gate.js";
import { selectPolicy } from "../../../shared/src/policy/select-policy.js";
import { renderEvaluateMarkdownLoaded } from "../../../shared/src/report/load-evaluate-markdown.js";
import { renderEvaluateMarkdown } from "../../../shared/src/report/render-evaluate-markdown.js";
import { explainedResult } from "../explain/support/explained-result.js";

const example = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../shared/examples/churn");
const metrics = (file: string) =>
  parseMetricsText(readFileSync(path.join(example, file), "utf8"), file, `sha256-of-${file}`, "candidate");

function metricsFileResult() {
  const text = readFileSync(path.join(example, "modelgate.yml"), "utf8");
  const selected = selectPolicy({ file: "modelgate.yml", mode: "file", head: { text, sha256: "sha256-of-policy" } });
  return evaluateGate({
    policy: selected.policy,
    policyProvenance: selected.provenance,
    policyLineOf: selected.lineOf,
    candidate: metrics("candidate-regressed.json"),
    baseline: metrics("baseline.json"),
  });
}

describe("renderEvaluateMarkdownLoaded", () => {
  it("renders the same markdown as renderEvaluateMarkdown when the result comes from metrics files alone", async () => {
    const result = metricsFileResult();
    expect(result.plots).toBeUndefined();
    expect(await renderEvaluateMarkdownLoaded(result)).toBe(renderEvaluateMarkdown(result));
  });

  it("renders the same markdown as renderEvaluateMarkdown when the result has plots and explanations", async () => {
    const result = await explainedResult({ showExamples: true });
    expect(result.plots).toBeDefined();
    expect(result.explanations).toBeDefined();
    const markdown = await renderEvaluateMarkdownLoaded(result);
    expect(markdown).toContain("#### Explanations");
    expect(markdown).toBe(renderEvaluateMarkdown(result));
  });

  it("renders the same markdown as renderEvaluateMarkdown within a small budget", async () => {
    const result = await explainedResult({ showExamples: true });
    expect(await renderEvaluateMarkdownLoaded(result, 3000)).toBe(renderEvaluateMarkdown(result, 3000));
  });
});
