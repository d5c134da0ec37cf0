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
