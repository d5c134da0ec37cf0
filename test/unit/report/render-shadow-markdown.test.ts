import { describe, expect, it } from "vitest";
import { evaluateShadow } from "../../../shared/src/shadow/evaluate-shadow.js";
import { parsePolicy } from "../../../shared/src/policy/parse-policy.js";
import { rankDisagreements } from "../../../shared/src/shadow/rank-disagreements.js";
import { toReviewRows } from "../../../shared/src/shadow/to-review-rows.js";
import { renderReportMarkdown, renderReportText } from "../../../shared/src/report/render-report.js";
import { toResultJson } from "../../../shared/src/report/to-result-json.js";
import { fixtureComparison } from "../shadow/support/fixture-comparison.js";

const provenance = { file: "modelgate.yml", sha256: "p".repeat(64), source: "file" as const };
const POLICY = parsePolicy(
  `version: 1
model: churn
shadow:
  min-coverage: 0.95
  max-flip-rate: 0.05
  max-score-psi: 0.1
  max-latency-p95-regression-pct: 10
  max-slice-flip-rate: 0.2
  max-accuracy-drop: 0.02
  scorecard: { pass: 90, marginal: 60, weights: { max-flip-rate: 40 }, critical: [min-coverage] }
`,
  "modelgate.yml",
);

describe("renderShadowMarkdown", async () => {
  const comparison = await fixtureComparison();
  const result = evaluateShadow({ policy: POLICY, policyProvenance: provenance, comparison });

  it("renders the fixture with a scorecard: verdict and headline first, checks, folded details, no request rows", async () => {
    const markdown = renderReportMarkdown(result);
    await expect(markdown).toMatchFileSnapshot("golden/shadow-scorecard.md");
    expect(markdown).not.toMatch(/r\d{5}/);
  });

  it("renders the chosen example columns, escaped, only when examples are in the result", async () => {
    const all = toReviewRows(
      comparison,
      rankDisagreements(comparison)
        .slice(0, 3)
        .map((pair) => ({ pair, reason: "disagreement" })),
      undefined,
    );
    const columns = ["id", "slice:country", "abs_score_delta"];
    const examples = {
      columns,
      rows: all.rows.map((row) => ({ cells: Object.fromEntries(columns.map((c) => [c, row[c] ?? ""])) })),
    };
    const markdown = renderReportMarkdown(
      evaluateShadow({ policy: POLICY, policyProvenance: provenance, comparison, examples }),
    );
    await expect(markdown.slice(markdown.indexOf("<details><summary>Largest"))).toMatchFileSnapshot(
      "golden/shadow-examples.md",
    );
  });

  it("gives byte-identical result JSON for the same logs and seed", async () => {
    const again = evaluateShadow({
      policy: POLICY,
      policyProvenance: provenance,
      comparison: await fixtureComparison(),
    });
    expect(toResultJson(again, renderReportMarkdown(again))).toBe(toResultJson(result, renderReportMarkdown(result)));
  });

  it("keeps the verdict line within a small budget", () => {
    const markdown = renderReportMarkdown(result, 1500);
    expect(markdown.length).toBeLessThanOrEqual(1500);
    expect(markdown.startsWith("### ")).toBe(true);
    expect(renderReportText(result)).toMatch(/^shadow-compare · churn: (PASS|WARN|FAIL)/);
  });
});
