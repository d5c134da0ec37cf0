import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { nodeBinaries, repoRoot } from "./support/node-binaries.js";
import { runActionBundle } from "./support/run-action-bundle.js";

// The SciPy oracle's paired predictions (test/unit/stats/fixtures/SOURCE.md), each model's columns renamed to
// pred/score, plus a region column (row i → "north", "south", "east" by i mod 3) and an all-empty one.
const ORACLE = readFileSync(path.join(repoRoot, "test/unit/stats/fixtures/paired_predictions.csv"), "utf8")
  .trimEnd()
  .split("\n");
const REGIONS = ["north", "south", "east"];
function forModel(model: string): string {
  const header = ORACLE[0]!.replace(`${model}_pred`, "pred").replace(`${model}_score`, "score");
  return (
    [`${header},region,blank`, ...ORACLE.slice(1).map((line, i) => `${line},${REGIONS[i % 3]},`)].join("\n") + "\n"
  );
}
const COLUMNS = { "label-column": "y_true", "prediction-column": "pred", "score-column": "score" };

const POLICY = (slice: string) => `version: 1
model: churn-classifier
evaluate:
  bootstrap: { seed: 3, resamples: 1999 }
  metrics:
    roc_auc:  { direction: higher, min-improvement: 0, significance: 0.05 }
    accuracy: { direction: higher, max-regression: 0.01, significance: 0.05 }
  slices: [{ column: ${slice} }]
`;

describe.each(nodeBinaries())("evaluate-gate bundle with significance and slices on $label", ({ path: node }) => {
  const run = (slice: string) => {
    const workspace = mkdtempSync(path.join(tmpdir(), "modelgate-significance-"));
    writeFileSync(path.join(workspace, "candidate.csv"), forModel("candidate"));
    writeFileSync(path.join(workspace, "baseline.csv"), forModel("baseline"));
    writeFileSync(path.join(workspace, "modelgate.yml"), POLICY(slice));
    return runActionBundle("evaluate-gate", {
      node,
      workspace,
      eventName: "push",
      event: { ref: "refs/heads/main" },
      inputs: {
        "github-token": "ghs_test_write",
        "candidate-predictions": "candidate.csv",
        "baseline-predictions": "baseline.csv",
        ...COLUMNS,
      },
    });
  };

  it("passes on intervals that show the improvement, with the evidence in the result JSON and the report", async () => {
    const result = await run("region");
    expect(result.outputs.verdict).toBe("pass");
    expect(result.exitCode).toBe(0);
    const json = JSON.parse(readFileSync(result.outputs.result!, "utf8"));
    const auc = json.checks.find((c: { name: string }) => c.name === "roc_auc:min-improvement");
    expect(auc).toMatchObject({ method: "delong", verdict: "pass" });
    expect(auc.ci).toHaveLength(2);
    expect(auc.p_value_adjusted).toBeGreaterThanOrEqual(auc.p_value);
    expect(json.significance).toEqual({
      seed: 3,
      resamples: 1999,
      multiple_testing: "holm",
      family_alpha: 0.05,
      checks: 8,
    });
    expect(json.slices.map((s: { slice: string; rows: number }) => `${s.slice}:${s.rows}`).sort()).toEqual([
      "region=east:333",
      "region=north:334",
      "region=south:333",
    ]);
    expect(result.summary).toContain("paired change (one-sided limits)");
    expect(result.summary).toContain("**Slices** (3; 3 gated, worst first)");
    expect(result.summary).toContain("How significance was decided");
  });

  it("decides an unchanged model by the exact bound: accuracy passes, log-loss is inconclusive and on-inconclusive warns", async () => {
    const workspace = mkdtempSync(path.join(tmpdir(), "modelgate-unchanged-"));
    writeFileSync(path.join(workspace, "baseline.csv"), forModel("baseline"));
    writeFileSync(
      path.join(workspace, "modelgate.yml"),
      "version: 1\nevaluate:\n  on-inconclusive: warn\n  metrics:\n    accuracy: { direction: higher, max-regression: 0.01, significance: 0.05 }\n    log_loss: { direction: lower, max-regression: 0.01, significance: 0.05 }\n",
    );
    const result = await runActionBundle("evaluate-gate", {
      node,
      workspace,
      eventName: "push",
      event: { ref: "refs/heads/main" },
      inputs: {
        "github-token": "ghs_test_write",
        "candidate-predictions": "baseline.csv",
        "baseline-predictions": "baseline.csv",
        ...COLUMNS,
      },
    });
    expect(result.exitCode).toBe(0);
    expect(result.outputs.verdict).toBe("warn");
    const checks = JSON.parse(readFileSync(result.outputs.result!, "utf8")).checks as {
      name: string;
      verdict: string;
      method: string;
    }[];
    expect(checks.map((c) => [c.name, c.verdict, c.method]).sort()).toEqual([
      ["accuracy:max-regression", "pass", "exact-bound"],
      ["log_loss:max-regression", "warn", "exact-bound"],
    ]);
    expect(result.summary).toContain("Decided by the exact bound instead");
  });

  it("fails naming the file and column when a slice column is empty or absent", async () => {
    const empty = await run("blank");
    expect(empty.exitCode).toBe(1);
    expect(empty.outputs.verdict).toBe("fail");
    const error = (run: { outputs: Record<string, string | undefined> }) =>
      JSON.parse(readFileSync(run.outputs.result!, "utf8")).error;
    expect(error(empty)).toMatchObject({
      message: expect.stringContaining('the slice column "blank" of candidate.csv is empty in all 1000 rows'),
      path: "blank",
    });
    const absent = await run("country");
    expect(absent.exitCode).toBe(1);
    expect(error(absent)).toMatchObject({
      message: expect.stringContaining('candidate.csv has no slice column "country"'),
      hint: expect.stringContaining("evaluate.slices"),
    });
  });
});
