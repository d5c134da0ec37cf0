import { describe, expect, it } from "vitest";
import type { PublishedResult } from "../../../shared/src/publish/published-result-schema.js";
import { renderCombinedMarkdown, renderGenericMarkdown } from "../../../shared/src/report/render-generic-markdown.js";

const decided: PublishedResult = {
  schema: "modelgate.result/v1",
  action: "bias-check",
  key: "churn",
  verdict: "fail",
  checks: [
    {
      name: "gap:max",
      metric: "selection_rate gap",
      rule: "max",
      verdict: "fail",
      value: 0.125,
      baseline: 0.05,
      delta: 0.075,
      delta_pct: 150,
      threshold: 0.1,
      message: "Gap for group <b>@team</b> is 0.125 > 0.1.",
      slice: "region=EU",
      method: "bootstrap-bca",
      p_value: 0.012,
      effect_size: 0.3,
      ci: [0.02, 0.2],
    },
    {
      name: "rows:min",
      metric: "rows | [x](https://e.example)",
      rule: "min",
      verdict: "pass",
      value: 1200,
      baseline: null,
      delta: null,
      delta_pct: null,
      threshold: 1000,
      message: "Enough rows.",
    },
  ],
  notes: ["Group names come from column `region`; see #12 @owner"],
  policy: { file: "modelgate.yml", sha256: "c".repeat(64), source: "base" },
  subject: { model: "churn-classifier", candidate_sha256: "d".repeat(64) },
};
const undecided: PublishedResult = {
  schema: "modelgate.result/v1",
  action: "validate-data",
  key: "default",
  verdict: "fail",
  checks: [],
  error: {
    message: "Column **label** is missing from data/train.csv.",
    hint: "Add it, or set label-column.",
    file: "data/train.csv",
  },
};

/** bias-check's result on the example's rural candidate (shared/examples/churn), as a fork's run publishes it. */
const biasSignificance: PublishedResult = {
  schema: "modelgate.result/v1",
  action: "bias-check",
  key: "churn-classifier",
  verdict: "fail",
  checks: [
    {
      name: "demographic_parity_difference [region]:max-regression",
      metric: "demographic_parity_difference [region]",
      rule: "max-regression",
      verdict: "fail",
      value: 0.15578108941418295,
      baseline: 0.01523712136919686,
      delta: 0.1405439680449861,
      delta_pct: 922.3787396555606,
      threshold: 0.01,
      message:
        "Change in unfairness +0.1405. Ruled out at 97.5% one-sided confidence: the change's interval [+0.05593, +0.1802] lies wholly above +0.01, so a regression of at most 0.01 does not hold.",
      method: "bootstrap-percentile (paired, stratified)",
      p_value: 0.9981696246134577,
      effect_size: 0.1405439680449861,
      ci: [0.055930178312253796, 0.18019480519480519],
    },
    {
      name: "demographic_parity_difference [age_band]:max-regression",
      metric: "demographic_parity_difference [age_band]",
      rule: "max-regression",
      verdict: "warn",
      value: 0.029539859052796547,
      baseline: 0.033490627550798624,
      delta: -0.003950768498002077,
      delta_pct: -11.79663920005544,
      threshold: 0.01,
      message:
        "Change in unfairness -0.003951. Inconclusive at 97.5% one-sided confidence: the change's interval [-0.02843, +0.02642] contains +0.01, so the data neither show nor rule out a regression of at most 0.01. on-inconclusive: warn.",
      method: "bootstrap-percentile (paired, stratified)",
      p_value: 0.24045766611040076,
      effect_size: -0.003950768498002077,
      ci: [-0.02842776394350102, 0.026423638400514107],
    },
  ],
  policy: { file: "policy-fairness.yml", sha256: "f".repeat(64), source: "base" },
};

describe("renderGenericMarkdown", () => {
  it("states the verdict and the policy as the run's report, never as verified or decided by the base branch", () => {
    const text = renderGenericMarkdown({ ...decided, verdict: "pass", checks: [decided.checks[1]!] });
    expect(text.split("\n").slice(0, 2)).toEqual([
      "### Reported ✅ pass · bias-check · churn",
      "_Reported by the pull request's own workflow run, whose code wrote these results; re-rendered from checked fields, not verified._",
    ]);
    expect(text).not.toMatch(/base branch/i);
    expect(text).toContain(
      "Policy named by the run: modelgate.yml at sha256 `cccccccccccc` (not verified: which version decided is the run's claim).",
    );
  });

  it("renders the verdict line, policy, notes, checks table, reasons and subject of any action, every string escaped", async () => {
    await expect(renderGenericMarkdown(decided, "<sub>footer</sub>")).toMatchFileSnapshot("golden/generic-decided.md");
  });

  it("shows each rule with its bound in one cell when a bias-check's long metric names fill the table", async () => {
    const text = renderGenericMarkdown(biasSignificance);
    expect(text).toContain(
      "| demographic\\_parity\\_difference \\[region\\] | max-regression 0.01 | 0.01524 | 0.1558 |",
    );
    await expect(text).toMatchFileSnapshot("golden/generic-bias-significance.md");
  });

  it("renders an undecided result as a fail with its reason and fix", async () => {
    await expect(renderGenericMarkdown(undecided)).toMatchFileSnapshot("golden/generic-undecided.md");
  });

  it("keeps the verdict line and drops details first when over budget", () => {
    const text = renderGenericMarkdown(decided, undefined, 700);
    expect(text.length).toBeLessThanOrEqual(700);
    expect(
      text.startsWith("### Reported ❌ fail · bias-check · churn\n_Reported by the pull request's own workflow run"),
    ).toBe(true);
    expect(text).not.toContain("Why each check decided");
  });
});

describe("renderCombinedMarkdown", () => {
  it("renders an overview of every gate, then each gate, under the worst verdict", async () => {
    await expect(renderCombinedMarkdown([decided, undecided], "<sub>footer</sub>")).toMatchFileSnapshot(
      "golden/combined.md",
    );
  });
});
