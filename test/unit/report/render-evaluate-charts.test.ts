// @vitest-environment jsdom
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseMetricsText } from "../../../shared/src/data/metrics/read-metrics-file.js";
import { evaluateGate } from "../../../shared/src/evaluate/evaluate-gate.js";
import { selectPolicy } from "../../../shared/src/policy/select-policy.js";
import { COMMENT_BUDGET } from "../../../shared/src/report/fit-markdown.js";
import { renderEvaluateMarkdown } from "../../../shared/src/report/render-evaluate-markdown.js";
import { HOSTILE_NAMES } from "../../support/hostile-names.js";
import { findMermaidBlocks, parseMermaid } from "../../support/parse-mermaid.js";
import { explainedResult } from "../explain/support/explained-result.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const golden = (name: string) => readFileSync(path.join(here, "golden", name), "utf8");

/** A gate over metrics named by the hostile names, each with a baseline, so both charts draw every one. */
function hostileResult(count = HOSTILE_NAMES.length, suffix = "") {
  const names = Array.from({ length: count }, (_, i) => `${HOSTILE_NAMES[i % HOSTILE_NAMES.length]}${suffix}${i}`);
  const rules = names.map((n) => `  ${JSON.stringify(n)}: { direction: higher, max-regression: 0.01 }`).join("\n");
  const selected = selectPolicy({
    file: "modelgate.yml",
    mode: "file",
    head: { text: `version: 1\nevaluate:\n  metrics:\n${rules.replace(/^/gm, "  ")}\n`, sha256: "s" },
  });
  const values = (shift: number) =>
    JSON.stringify(Object.fromEntries(names.map((n, i) => [n, ((i * 7) % 10) / 10 + shift])));
  const candidate = parseMetricsText(values(0.05), "c.json", "s", "candidate");
  const baseline = parseMetricsText(values(0), "b.json", "s", "baseline");
  return evaluateGate({ policy: selected.policy, policyProvenance: selected.provenance, candidate, baseline });
}

describe("charts in the evaluate-gate report", () => {
  it("are accepted by Mermaid's parser in every golden report", async () => {
    const files = [
      "evaluate-regressed.md",
      "evaluate-better.md",
      "evaluate-policy-changed.md",
      "evaluate-explanations.md",
    ];
    let charts = 0;
    for (const file of files) {
      for (const block of findMermaidBlocks(golden(file))) {
        expect(await parseMermaid(block), file).toBe("xychart");
        charts++;
      }
    }
    // One Mermaid chart per report (values on 0–1, horizontal), and the ROC, precision–recall and reliability plots of the one with predictions; signed changes are text bars from zero, not Mermaid.
    expect(charts).toBe(7);
    for (const file of files.slice(0, 3))
      expect(golden(file)).toMatch(/\*\*Change vs baseline\*\*[^\n]*\n\n```text\n[^`]*│/);
  });

  it("are accepted by Mermaid's parser when every metric name is hostile", async () => {
    const blocks = findMermaidBlocks(renderEvaluateMarkdown(hostileResult()));
    expect(blocks).toHaveLength(1);
    for (const block of blocks) expect(await parseMermaid(block)).toBe("xychart");
  });

  it("are accepted by Mermaid's parser in the report with explanations", async () => {
    const blocks = findMermaidBlocks(renderEvaluateMarkdown(await explainedResult({ showExamples: true })));
    expect(blocks.length).toBeGreaterThan(0);
    for (const block of blocks) expect(await parseMermaid(block)).toBe("xychart");
  });

  it("are the first detail dropped when the comment is over budget, before the verdict and the table", () => {
    const full = renderEvaluateMarkdown(hostileResult(60, "long".repeat(20)));
    expect(full).toContain("```mermaid");
    const budget = full.length - 10;
    const fitted = renderEvaluateMarkdown(hostileResult(60, "long".repeat(20)), budget);
    expect(fitted.length).toBeLessThanOrEqual(budget);
    expect(fitted).not.toContain("```mermaid");
    expect(fitted).toContain("<summary>Why each check decided</summary>");
    expect(fitted).toMatch(/^### /);
    expect(full.length).toBeLessThan(COMMENT_BUDGET);
  });
});

describe("slice charts in the evaluate-gate report", () => {
  it("draw one bar chart from zero per sliced metric, hostile slice values kept inside its code block", async () => {
    const rows = 60 * HOSTILE_NAMES.length;
    const region = Array.from({ length: rows }, (_, i) => HOSTILE_NAMES[i % HOSTILE_NAMES.length]!);
    const predictions = (name: string, wrongEvery: number) => ({
      task: "classification" as const,
      input: `${name}-predictions`,
      name: `${name}.csv`,
      sha256: name.padEnd(64, "0"),
      rows,
      labels: new Float64Array(rows).fill(1),
      predictions: Float64Array.from({ length: rows }, (_, i) => (i % wrongEvery === 0 ? 0 : 1)),
      warnings: [],
      slices: new Map<string, readonly string[]>([["region", region]]),
    });
    const candidate = predictions("candidate", 7);
    const baseline = predictions("baseline", 11);
    const selected = selectPolicy({
      file: "modelgate.yml",
      mode: "file",
      head: {
        text: "version: 1\nevaluate:\n  metrics: { accuracy: { direction: higher, max-regression: 0.5 } }\n  slices: [{ column: region }]\n",
        sha256: "s",
      },
    });
    const file = (p: typeof candidate) => ({
      name: p.name,
      sha256: p.sha256,
      values: new Map([["accuracy", 1 - 1 / 7]]),
    });
    const result = evaluateGate({
      policy: selected.policy,
      policyProvenance: selected.provenance,
      candidate: file(candidate),
      baseline: file(baseline),
      evaluation: { candidate, baseline },
    });
    const markdown = renderEvaluateMarkdown(result);
    const start = markdown.indexOf("Change vs baseline by slice: **accuracy**");
    expect(start).toBeGreaterThan(0);
    const block = markdown.slice(start).split("```")[1]!;
    expect(block.startsWith("text\n")).toBe(true);
    expect(block.split("\n").filter((line) => line.includes("│")).length).toBeGreaterThan(HOSTILE_NAMES.length / 2);
    expect(markdown.match(/```/g)!.length % 2).toBe(0);
    for (const chart of findMermaidBlocks(markdown)) expect(await parseMermaid(chart)).toBe("xychart");
  });
});
