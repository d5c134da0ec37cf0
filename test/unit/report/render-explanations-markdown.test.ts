import { describe, expect, it } from "vitest";
import { parseExplanationsJson } from "../../../shared/src/explain/parse-explanations-json.js";
import { compareExplanations } from "../../../shared/src/explain/compare-explanations.js";
import { renderExplanationBlocks } from "../../../shared/src/report/render-explanations-markdown.js";
import { renderEvaluateMarkdown } from "../../../shared/src/report/render-evaluate-markdown.js";
import { renderEvaluateText } from "../../../shared/src/report/render-evaluate-text.js";
import { HOSTILE_NAMES } from "../../support/hostile-names.js";
import { explainedResult } from "../explain/support/explained-result.js";

/** Explanations whose feature names are the hostile names, with importance falling by position. */
function hostileExplanations(name: string, flip: number) {
  const global = Object.fromEntries(
    HOSTILE_NAMES.map((feature, i) => [feature, { mean_abs: 1 / (i + 1), mean: (flip * 0.5) / (i + 1) }]),
  );
  return parseExplanationsJson(JSON.stringify({ global }), name, "s", "candidate-explanations");
}

describe("renderExplanationBlocks", () => {
  it("renders the explanation fixtures with examples (show-examples)", async () => {
    const result = await explainedResult({ showExamples: true });
    await expect(renderEvaluateMarkdown(result)).toMatchFileSnapshot("golden/evaluate-explanations.md");
    await expect(renderEvaluateText(result)).toMatchFileSnapshot("golden/evaluate-explanations.txt");
  });

  it("gives counts and how to see examples, no example row, without show-examples", async () => {
    const markdown = renderEvaluateMarkdown(await explainedResult({ showExamples: false }));
    expect(markdown).toContain("examples changed score (largest |Δ| ");
    expect(markdown).toContain("Set show-examples: true to list the largest changes");
    expect(markdown).not.toMatch(/c0\d\d/);
  });

  it("escapes hostile feature names in every table row and list", () => {
    const summary = compareExplanations(hostileExplanations("c<b>.json", 1), hostileExplanations("b.json", -1), 30);
    const text = renderExplanationBlocks(summary)
      .map((b) => b.text)
      .join("\n");
    expect(text).not.toMatch(/<img|<script|@team|```/);
    const rows = text.split("\n").filter((line) => line.startsWith("| "));
    expect(rows.length).toBe(HOSTILE_NAMES.length + 2);
    for (const row of rows) expect(row.split(/(?<!\\)\|/).length - 2).toBe(7);
    expect(text).toContain("Attributions changed sign (most examples reversed): **acc&quot;uracy**");
  });

  it("renders nothing without candidate explanations", () => {
    expect(renderExplanationBlocks(undefined)).toEqual([]);
  });
});
