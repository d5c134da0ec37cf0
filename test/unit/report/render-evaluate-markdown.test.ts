import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseMetricsText } from "../../../shared/src/data/metrics/read-metrics-file.js";
import { evaluateGate } from "../../../shared/src/evaluate/evaluate-gate.js";
import { selectPolicy } from "../../../shared/src/policy/select-policy.js";
import { renderEvaluateMarkdown } from "../../../shared/src/report/render-evaluate-markdown.js";
import { renderEvaluateText } from "../../../shared/src/report/render-evaluate-text.js";
import { renderReportMarkdown } from "../../../shared/src/report/render-report.js";
import { toResultJson } from "../../../shared/src/report/to-result-json.js";
import { COMMENT_BUDGET } from "../../../shared/src/report/fit-markdown.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const example = path.resolve(here, "../../../shared/examples/churn");
const read = (file: string) => readFileSync(path.join(example, file), "utf8");
const metrics = (file: string) => parseMetricsText(read(file), file, `sha256-of-${file}`, "candidate");
const policyText = { text: read("modelgate.yml"), sha256: "sha256-of-policy" };

function exampleResult(candidate: string, mode: "file" | "base" = "file", head = policyText) {
  const selected = selectPolicy({ file: "modelgate.yml", mode, head, base: mode === "base" ? policyText : undefined });
  return evaluateGate({
    policy: selected.policy,
    policyProvenance: selected.provenance,
    policyLineOf: selected.lineOf,
    candidate: metrics(candidate),
    baseline: metrics("baseline.json"),
  });
}

describe("renderEvaluateMarkdown", () => {
  it("renders the regressed example: verdict first, failed rows first, details folded", async () => {
    await expect(renderEvaluateMarkdown(exampleResult("candidate-regressed.json"))).toMatchFileSnapshot(
      "golden/evaluate-regressed.md",
    );
  });

  it("renders the passing example", async () => {
    await expect(renderEvaluateMarkdown(exampleResult("candidate-better.json"))).toMatchFileSnapshot(
      "golden/evaluate-better.md",
    );
  });

  it("shows which policy decided when the pull request loosens it", async () => {
    const loosened = { text: policyText.text.replace("max-regression: 0.01", "max-regression: 0.5"), sha256: "x" };
    const markdown = renderEvaluateMarkdown(exampleResult("candidate-regressed.json", "base", loosened));
    await expect(markdown).toMatchFileSnapshot("golden/evaluate-policy-changed.md");
    expect(markdown).toContain("This pull request changes modelgate.yml");
  });

  it("escapes hostile metric and file names so they cannot break the table or ping anyone", () => {
    const selected = selectPolicy({
      file: "modelgate.yml",
      mode: "file",
      head: {
        text: 'version: 1\nevaluate:\n  metrics:\n    "a|b <img src=x> @team\\n#1": { direction: higher, min: 1 }\n',
        sha256: "s",
      },
    });
    const candidate = parseMetricsText('{"a|b <img src=x> @team\\n#1": 0}', "x|`y`.json", "s", "candidate");
    const markdown = renderEvaluateMarkdown(
      evaluateGate({ policy: selected.policy, policyProvenance: selected.provenance, candidate }),
    );
    const row = markdown.split("\n").find((line) => line.startsWith("| ❌ fail | a"))!;
    expect(row.split(/(?<!\\)\|/).length - 2).toBe(8);
    expect(markdown).not.toMatch(/<img|@team|#1/);
    expect(markdown).toContain("x\\|\\`y\\`.json");
  });

  it("stays within the comment budget with thousands of long metric names, keeping the verdict", () => {
    const names = Array.from({ length: 3000 }, (_, i) => `metric_${i}_${"long".repeat(20)}`);
    const policy = `version: 1\nevaluate:\n  metrics:\n${names.map((n) => `    ${n}: { direction: higher, min: 0.5, max-regression: 0.01 }`).join("\n")}\n`;
    const selected = selectPolicy({ file: "modelgate.yml", mode: "file", head: { text: policy, sha256: "s" } });
    const candidate = parseMetricsText(
      JSON.stringify(Object.fromEntries(names.map((n, i) => [n, i % 2 ? 0.9 : 0.1]))),
      "c.json",
      "s",
      "candidate",
    );
    const markdown = renderEvaluateMarkdown(
      evaluateGate({ policy: selected.policy, policyProvenance: selected.provenance, candidate }),
    );
    expect(markdown.length).toBeLessThanOrEqual(COMMENT_BUDGET);
    expect(markdown).toMatch(
      /^### ❌ fail · evaluate-gate · default\n\*\*1500 of 6000 checks failed\*\* · 3000 warnings/,
    );
    expect(markdown).toMatch(/more checks not shown/);
  });
});

describe("renderEvaluateText and toResultJson", () => {
  it("renders the regressed example for a terminal", async () => {
    await expect(renderEvaluateText(exampleResult("candidate-regressed.json"))).toMatchFileSnapshot(
      "golden/evaluate-regressed.txt",
    );
  });

  it("writes byte-identical result JSON for identical inputs", () => {
    const a = exampleResult("candidate-regressed.json");
    const b = exampleResult("candidate-regressed.json");
    expect(toResultJson(a, renderReportMarkdown(a))).toBe(toResultJson(b, renderReportMarkdown(b)));
    const parsed = JSON.parse(toResultJson(a, renderReportMarkdown(a)));
    expect(parsed.schema).toBe("modelgate.result/v1");
    expect(Object.keys(parsed.checks[0])).toEqual([
      "baseline",
      "delta",
      "delta_pct",
      "message",
      "metric",
      "name",
      "policy_line",
      "rule",
      "threshold",
      "value",
      "verdict",
    ]);
  });
});
