import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createOctokit } from "../../shared/src/github/create-octokit.js";
import { openGitHubRegistryStore } from "../../shared/src/github/github-registry-store.js";
import { promoteVersion } from "../../shared/src/registry/promote-version.js";
import { startGitHubStandIn } from "../support/github-stand-in/start-github-stand-in.js";
import type { GitHubStandIn } from "../support/github-stand-in/stand-in-types.js";
import { nodeBinaries, repoRoot } from "./support/node-binaries.js";
import { runActionBundle } from "./support/run-action-bundle.js";

// The SciPy oracle's paired predictions (test/unit/stats/fixtures/SOURCE.md): scikit-learn gives the baseline
// accuracy 0.69 and the candidate 0.755; SciPy's DeLong AUC difference is 0.0447 (p 0.00047).
const ORACLE = readFileSync(path.join(repoRoot, "test/unit/stats/fixtures/paired_predictions.csv"), "utf8");
const HEADER = ORACLE.slice(0, ORACLE.indexOf("\n"));
const forModel = (model: string) =>
  HEADER.replace(`${model}_pred`, "prediction").replace(`${model}_score`, "score").replace("y_true", "label") +
  ORACLE.slice(HEADER.length);
const POLICY = `version: 1
model: churn
evaluate:
  metrics:
    roc_auc: { direction: higher, min-improvement: 0, significance: 0.05 }
`;
const COMMIT = createHash("sha1").update("production model").digest("hex");

describe("evaluate-gate bundle with baseline: registry:<model>#<stage>", () => {
  let api: GitHubStandIn;
  beforeEach(async () => {
    api = await startGitHubStandIn();
  });
  afterEach(async () => {
    expect(api.violations).toEqual([]);
    await api.close();
  });

  async function promoteProduction(artifacts: { name: string; bytes: Buffer; role?: "predictions" }[]): Promise<void> {
    api.seedCommit("acme", "models", COMMIT);
    const octokit = createOctokit({
      token: "ghs_test_write",
      baseUrl: api.url,
      log: { warning: () => undefined, debug: () => undefined },
      retryAfterBaseValue: 10,
    });
    await promoteVersion(openGitHubRegistryStore(octokit, { owner: "acme", repo: "models" }), {
      model: "churn",
      stage: "production",
      version: { explicit: "2.1.0" },
      commitSha: COMMIT,
      artifacts: [{ name: "model.bin", bytes: Buffer.from("weights") }, ...artifacts],
      manifestSha256: null,
      metrics: { roc_auc: 0.7 },
      gates: [],
      actor: "octocat",
      reason: null,
      runUrl: null,
      now: "2026-01-02T03:04:05Z",
    });
  }

  const run = (candidate = "candidate") => {
    const workspace = mkdtempSync(path.join(tmpdir(), "modelgate-registry-e2e-"));
    writeFileSync(path.join(workspace, "predictions.csv"), forModel(candidate));
    writeFileSync(path.join(workspace, "modelgate.yml"), POLICY);
    return runActionBundle("evaluate-gate", {
      // Node 24, what runners use (the promotion through the API makes each case slow enough to run once).
      node: nodeBinaries().at(-1)!.path,
      workspace,
      apiUrl: api.url,
      eventName: "push",
      event: { ref: "refs/heads/main" },
      inputs: {
        "candidate-predictions": "predictions.csv",
        baseline: "registry:churn#production",
        "github-token": "ghs_test_read",
      },
    });
  };

  it("pairs with the production version's stored predictions, found by their role, read and digest-checked through the API", async () => {
    await promoteProduction([
      { name: "eval-predictions.csv", bytes: Buffer.from(forModel("baseline")), role: "predictions" },
    ]);
    const result = await run();
    expect(result.outputs.verdict).toBe("pass");
    const json = JSON.parse(readFileSync(result.outputs.result!, "utf8"));
    const auc = json.checks.find((c: { name: string }) => c.name === "roc_auc:min-improvement");
    expect(auc).toMatchObject({ method: "delong", verdict: "pass" });
    expect(auc.baseline).toBeCloseTo(0.783011759147248, 12);
    expect(auc.p_value_no_difference).toBeCloseTo(0.00047244873007343545, 12);
    expect(json.files.baseline_predictions).toBe("registry:churn#production (v2.1.0)/eval-predictions.csv");
  });

  it("decides a regression against the production version's predictions: a worse candidate fails on the paired interval", async () => {
    // The roles swapped: production stores the better model's predictions, the candidate is the worse one.
    await promoteProduction([
      { name: "eval-predictions.csv", bytes: Buffer.from(forModel("candidate")), role: "predictions" },
    ]);
    const result = await run("baseline");
    expect(result.exitCode).toBe(1);
    const auc = JSON.parse(readFileSync(result.outputs.result!, "utf8")).checks.find(
      (c: { name: string }) => c.name === "roc_auc:min-improvement",
    );
    expect(auc).toMatchObject({ method: "delong", verdict: "fail" });
    expect(auc.delta).toBeCloseTo(-0.0447, 4);
    expect(auc.ci[1]).toBeLessThan(0);
  });

  it("fails the significance rule and says what the version lacks when it stores no predictions (a same-named file is not its predictions)", async () => {
    await promoteProduction([{ name: "predictions.csv", bytes: Buffer.from(forModel("baseline")) }]);
    const result = await run();
    expect(result.exitCode).toBe(1);
    const json = JSON.parse(readFileSync(result.outputs.result!, "utf8"));
    expect(json.notes.join("\n")).toContain(
      "registry:churn#production (v2.1.0) stores no evaluation predictions (no artifact was promoted with the role predictions)",
    );
    expect(json.checks[0]).toMatchObject({
      verdict: "fail",
      baseline: 0.7,
      message: expect.stringContaining("registry:churn#production (v2.1.0) stores no evaluation predictions"),
    });
  });

  it("fails a regression rule whose metric the version neither records nor can compute, naming what it lacks", async () => {
    await promoteProduction([]);
    const workspace = mkdtempSync(path.join(tmpdir(), "modelgate-registry-e2e-"));
    writeFileSync(path.join(workspace, "predictions.csv"), forModel("candidate"));
    writeFileSync(
      path.join(workspace, "modelgate.yml"),
      "version: 1\nmodel: churn\nevaluate:\n  metrics:\n    accuracy: { direction: higher, max-regression: 0.01 }\n",
    );
    const result = await runActionBundle("evaluate-gate", {
      node: nodeBinaries().at(-1)!.path,
      workspace,
      apiUrl: api.url,
      eventName: "push",
      event: { ref: "refs/heads/main" },
      inputs: {
        "candidate-predictions": "predictions.csv",
        baseline: "registry:churn#production",
        "github-token": "ghs_test_read",
      },
    });
    expect(result.exitCode).toBe(1);
    const check = JSON.parse(readFileSync(result.outputs.result!, "utf8")).checks[0];
    expect(check).toMatchObject({ name: "accuracy:max-regression", verdict: "fail", baseline: null });
    expect(check.message).toBe(
      "registry:churn#production (v2.1.0) records no accuracy and stores no evaluation predictions to compute it from, so this rule cannot be applied and fails (fail closed). Fix: Promote versions with their evaluation predictions (promote's predictions input) so a registry: baseline can compute accuracy, or set evaluate.on-missing-baseline: warn.",
    );
  });
});
