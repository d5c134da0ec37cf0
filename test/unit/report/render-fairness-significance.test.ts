import { describe, expect, it } from "vitest";
import { biasCheck } from "../../../shared/src/fairness/bias-check.js";
import { parsePolicy } from "../../../shared/src/policy/parse-policy.js";
import { renderBiasMarkdown } from "../../../shared/src/report/render-bias-markdown.js";
import { renderBiasText } from "../../../shared/src/report/render-bias-text.js";
import {
  renderFairnessSignificanceMarkdown,
  renderFairnessSignificanceText,
} from "../../../shared/src/report/render-fairness-significance.js";
import { readCompas } from "../fairness/support/compas.js";

const compas = await readCompas();

/** The candidate with the first `count` positive predictions of African-American defendants turned negative. */
function fairerBaseline(count: number): Float64Array {
  const predictions = compas.predictions.slice();
  const code = compas.race.dictionary.indexOf("African-American");
  for (let i = 0, changed = 0; i < predictions.length && changed < count; i++) {
    if (compas.race.codes[i] === code && predictions[i] === 1) {
      predictions[i] = 0;
      changed++;
    }
  }
  return predictions;
}

function judge(yaml: string, baseline: Float64Array) {
  return biasCheck({
    policy: parsePolicy(`version: 1\nmodel: recidivism\nfairness:\n${yaml}`, "modelgate.yml"),
    policyProvenance: { file: "modelgate.yml", sha256: "0".repeat(64), source: "file" },
    candidate: {
      name: "compas.csv.gz",
      sha256: "c".repeat(64),
      labels: compas.labels,
      predictions: compas.predictions,
    },
    baseline: { name: "prod.csv.gz", sha256: "b".repeat(64), labels: compas.labels, predictions: baseline },
    sensitive: [compas.race, compas.sex],
    positiveLabel: "1",
    favorableLabel: "1",
    favorable: 1,
  });
}

const policy =
  "  resamples: 300\n  seed: 3\n  on-inconclusive: warn\n  metrics:\n" +
  "    demographic_parity_difference: { max-regression: 0.02, significance: 0.05 }\n" +
  "    equal_opportunity_difference: { max-regression: 0.02, significance: 0.05 }\n";

describe("renderFairnessSignificanceMarkdown", () => {
  it("shows each judged regression's point values, change, interval and decision as the golden file", async () => {
    const result = judge(policy, fairerBaseline(150));
    const section = renderFairnessSignificanceMarkdown(result)
      .map((block) => block.text)
      .join("\n\n");
    await expect(`${section}\n\n${renderFairnessSignificanceText(result).join("\n")}\n`).toMatchFileSnapshot(
      "golden/bias-significance.md",
    );
    expect(section).toContain("real regression");
    expect(section).toMatch(/inconclusive → warn|within the allowance/);
  });

  it('marks the checks decided on the change\'s interval "(on CI)" in the report, as the golden file', async () => {
    const result = judge(policy, fairerBaseline(150));
    const markdown = renderBiasMarkdown(result);
    await expect(markdown).toMatchFileSnapshot("golden/bias-significance-report.md");
    const ruleCells = markdown.split("\n").filter((line) => line.includes("| max-regression 0.02"));
    expect(ruleCells).toHaveLength(4);
    for (const line of ruleCells) expect(line).toContain("max-regression 0.02 (on CI)");
  });

  it("is part of the bias-check report and its text, and absent when no rule asks for significance", () => {
    const result = judge(policy, fairerBaseline(150));
    expect(renderBiasMarkdown(result)).toContain("**Fairness regressions judged against noise**");
    expect(renderBiasText(result)).toContain("fairness regressions judged against noise");
    const plain = judge(
      "  resamples: 0\n  metrics:\n    demographic_parity_difference: { max-regression: 0.02 }\n",
      fairerBaseline(150),
    );
    expect(renderFairnessSignificanceMarkdown(plain)).toEqual([]);
    expect(renderFairnessSignificanceText(plain)).toEqual([]);
    expect(renderBiasMarkdown(plain)).not.toContain("judged against noise");
  });
});
