import { copyFileSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DataError, InputError } from "../../../shared/src/core/modelgate-error.js";
import { biasCheck } from "../../../shared/src/fairness/bias-check.js";
import { parsePolicy } from "../../../shared/src/policy/parse-policy.js";
import { promoteVersion } from "../../../shared/src/registry/promote-version.js";
import { RegistryError } from "../../../shared/src/registry/registry-error.js";
import { loadBiasFiles } from "../../../shared/src/use-cases/load-bias-files.js";
import { createLocalRepo } from "../registry/local-git-fixture.js";
import type { LocalRepo } from "../registry/local-git-fixture.js";

// The demo's churn predictions (shared/examples/churn, make-fairness-predictions.mjs): production's, and a model
// that selects rural customers more often.
const EXAMPLE = path.join(import.meta.dirname, "../../../shared/examples/churn");

let repo: LocalRepo;
let workspace: string;
beforeEach(() => {
  repo = createLocalRepo();
  workspace = mkdtempSync(path.join(tmpdir(), "modelgate-bias-registry-"));
  copyFileSync(path.join(EXAMPLE, "predictions-rural.csv"), path.join(workspace, "rural.csv"));
});
afterEach(() => repo.remove());

async function promote(withPredictions: boolean) {
  await promoteVersion(repo.store, {
    model: "churn",
    stage: "production",
    version: { explicit: "1.0.0" },
    commitSha: repo.commits[0],
    artifacts: [
      { name: "model.bin", bytes: Buffer.from("weights") },
      ...(withPredictions
        ? [
            {
              name: "eval.csv",
              bytes: readFileSync(path.join(EXAMPLE, "predictions-baseline.csv")),
              role: "predictions" as const,
            },
          ]
        : []),
    ],
    manifestSha256: null,
    metrics: { accuracy: 0.9 },
    gates: [],
    actor: "octocat",
    reason: null,
    runUrl: null,
    now: "2026-01-02T03:04:05Z",
  });
}

const inputs = {
  predictions: "rural.csv",
  baselinePredictions: "registry:churn#production",
  sensitive: ["region", "age_band"],
  labelColumn: "label",
  predictionColumn: "prediction",
  scoreColumn: "score",
  idColumn: "id",
  positiveLabel: "1",
  threshold: 0.5,
};
const access = () => ({ workspace, allowedRoots: [workspace] });
const open = () => Promise.resolve(repo.store);

describe("baseline-predictions: registry:<model>#<stage>", () => {
  it("reads the evaluation predictions the stage's version was promoted with, so a fairness regression is judged against it", async () => {
    await promote(true);
    const files = await loadBiasFiles(inputs, access(), open);
    expect(files.baseline!.name).toBe("registry:churn#production (v1.0.0)/eval.csv");
    expect(files.notes.join(" ")).toMatch(/paired with the candidate by id/);
    const result = biasCheck({
      ...files,
      policy: parsePolicy(readFileSync(path.join(EXAMPLE, "policy-fairness.yml"), "utf8"), "modelgate.yml"),
      policyProvenance: { file: "modelgate.yml", sha256: "0".repeat(64), source: "file" },
      positiveLabel: "1",
    });
    expect(result.files.baseline).toBe("registry:churn#production (v1.0.0)/eval.csv");
    expect(result.checks.find((c) => c.grouping === "region")).toMatchObject({
      verdict: "fail",
      significance_decision: "fail",
    });
  });

  it("fails closed when the version stores no evaluation predictions, naming the fix", async () => {
    await promote(false);
    const load = loadBiasFiles(inputs, access(), open);
    await expect(load).rejects.toThrow(DataError);
    await expect(loadBiasFiles(inputs, access(), open)).rejects.toThrow(/stores no evaluation predictions/);
  });

  it("refuses a stage holding no version, and a run without a registry", async () => {
    await expect(loadBiasFiles(inputs, access(), open)).rejects.toThrow(RegistryError);
    await expect(loadBiasFiles(inputs, access())).rejects.toThrow(InputError);
  });
});
