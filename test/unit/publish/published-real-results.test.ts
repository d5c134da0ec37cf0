import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Predictions } from "../../../shared/src/data/predictions/predictions.js";
import type { MetricsFile } from "../../../shared/src/data/metrics/read-metrics-file.js";
import { computePredictionMetrics } from "../../../shared/src/evaluate/compute-prediction-metrics.js";
import { evaluateGate } from "../../../shared/src/evaluate/evaluate-gate.js";
import { parsePolicy } from "../../../shared/src/policy/parse-policy.js";
import { parsePublishedResult } from "../../../shared/src/publish/parse-published-result.js";
import { renderEvaluateMarkdown } from "../../../shared/src/report/render-evaluate-markdown.js";
import { renderGenericMarkdown } from "../../../shared/src/report/render-generic-markdown.js";
import { toResultJson } from "../../../shared/src/report/to-result-json.js";
import { synthetic } from "../evaluate/slice-search/synthetic-predictions.js";

const provenance = { file: "modelgate.yml", sha256: "e".repeat(64), source: "base" as const };
const metricsOf = (p: Predictions): MetricsFile => ({
  name: p.name,
  sha256: p.sha256,
  values: computePredictionMetrics(p).metrics,
});

/** A real evaluate-gate result as the action writes it (result JSON with its report), then as publishing reads it. */
function publishedOf(policyText: string, files: { candidate: Predictions; baseline: Predictions }) {
  // Digests as the readers compute them: hex (the synthetic files are named, not hashed).
  const hashed = (p: Predictions) => ({ ...p, sha256: createHash("sha256").update(p.name).digest("hex") });
  const evaluation = { candidate: hashed(files.candidate), baseline: hashed(files.baseline) };
  const policy = parsePolicy(policyText, "modelgate.yml");
  const result = evaluateGate({
    policy,
    policyProvenance: provenance,
    candidate: metricsOf(evaluation.candidate),
    baseline: metricsOf(evaluation.baseline),
    evaluation,
  });
  const json = toResultJson(result, renderEvaluateMarkdown(result));
  return { result, published: parsePublishedResult(json, "evaluate-result.json") };
}

describe("published results from real gates", () => {
  it("keeps a result whose slice values make check names far longer than any cap, cutting them for display", () => {
    // A slice column's value is whatever the data holds: a free-text category of 600 characters is real data.
    const long = `EU ${"enterprise customers with annual contracts ".repeat(14)}`.trim();
    const base = synthetic(3, 400, 0.05);
    const region = Array.from({ length: 400 }, (_, i) => (i % 2 === 0 ? long : "US"));
    const withRegion = (p: Predictions): Predictions => ({ ...p, slices: new Map([["region", region]]) });
    const { result, published } = publishedOf(
      "version: 1\nevaluate:\n  metrics:\n    accuracy: { direction: higher, max-regression: 0.5 }\n  slices:\n    - column: region\n",
      { candidate: withRegion(base.candidate), baseline: withRegion(base.baseline) },
    );
    const real = result.checks.find((c) => c.slice === `region=${long}`)!;
    expect(real.name.length).toBeGreaterThan(600);
    const shown = published.checks.find((c) => c.slice?.startsWith("region=EU"))!;
    expect(shown.name).toHaveLength(300);
    expect(shown.name).toBe(`${real.name.slice(0, 299)}…`);
    expect(shown.slice).toBe(`${real.slice!.slice(0, 299)}…`);
    expect(published.checks.map((c) => c.verdict)).toEqual(result.checks.map((c) => c.verdict));
  });

  it("keeps a real result's slice search and renders it in the published comment", async () => {
    const planted = synthetic(7, 4000, 0.1, { where: (a, b) => a === "a2" && b === "b1", rate: 0.4 });
    const { result, published } = publishedOf(
      "version: 1\nevaluate:\n  metrics:\n    accuracy: { direction: higher, max-regression: 0.02 }\n  slice-search: { columns: [a, b, c] }\n",
      planted,
    );
    expect(result.slice_search?.found).toBeGreaterThan(0);
    expect(published.slice_search).toEqual(result.slice_search);
    const markdown = renderGenericMarkdown(published, "<sub>footer</sub>");
    expect(markdown).toContain("**Slices found automatically**");
    await expect(markdown).toMatchFileSnapshot("../report/golden/generic-slice-search.md");
  });
});
