import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadEvaluateFiles } from "../../../shared/src/use-cases/load-evaluate-files.js";
import { parseRegistrySpec } from "../../../shared/src/use-cases/read-registry-baseline.js";
import { DataError, InputError } from "../../../shared/src/core/modelgate-error.js";
import { promoteVersion } from "../../../shared/src/registry/promote-version.js";
import { RegistryError } from "../../../shared/src/registry/registry-error.js";
import { createLocalRepo } from "../registry/local-git-fixture.js";
import type { LocalRepo } from "../registry/local-git-fixture.js";

// The SciPy oracle's paired predictions (test/unit/stats/fixtures/SOURCE.md): scikit-learn gives the baseline
// accuracy 0.69 and the candidate 0.755.
const ORACLE = readFileSync(path.join(import.meta.dirname, "../stats/fixtures/paired_predictions.csv"), "utf8");
const HEADER = ORACLE.slice(0, ORACLE.indexOf("\n"));
const forModel = (model: string) =>
  HEADER.replace(`${model}_pred`, "prediction").replace(`${model}_score`, "score").replace("y_true", "label") +
  ORACLE.slice(HEADER.length);

let repo: LocalRepo;
let workspace: string;
beforeEach(() => {
  repo = createLocalRepo();
  workspace = mkdtempSync(path.join(tmpdir(), "modelgate-registry-baseline-"));
  writeFileSync(path.join(workspace, "predictions.csv"), forModel("candidate"));
});
afterEach(() => repo.remove());

async function promote(artifacts: { name: string; bytes: Buffer; role?: "predictions" }[]) {
  await promoteVersion(repo.store, {
    model: "churn",
    stage: "production",
    version: { explicit: "1.2.0" },
    commitSha: repo.commits[0],
    artifacts: [{ name: "model.bin", bytes: Buffer.from("weights") }, ...artifacts],
    manifestSha256: null,
    metrics: { accuracy: 0.5, latency_p95_ms: 120 },
    gates: [],
    actor: "octocat",
    reason: null,
    runUrl: null,
    now: "2026-01-02T03:04:05Z",
  });
}
const access = () => ({ workspace, allowedRoots: [workspace] });
const open = () => Promise.resolve(repo.store);

describe("baseline: registry:<model>#<stage>", () => {
  it("takes the stage's version record metrics as the baseline when no predictions are involved", async () => {
    await promote([]);
    writeFileSync(path.join(workspace, "candidate.json"), '{"accuracy": 0.7}');
    const files = await loadEvaluateFiles(
      { candidate: "candidate.json", baseline: "registry:churn#production" },
      access(),
      open,
    );
    expect(files.baseline!.name).toBe("registry:churn#production (v1.2.0)");
    expect(Object.fromEntries(files.baseline!.values)).toEqual({ accuracy: 0.5, latency_p95_ms: 120 });
    expect(files.baseline!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(files.registryBaseline).toEqual({ label: "registry:churn#production (v1.2.0)", predictions: "none" });
  });

  it("pairs with the version's predictions chosen by their recorded role, whatever their file name, and their metrics replace the record's", async () => {
    await promote([{ name: "eval-v1.csv", bytes: Buffer.from(forModel("baseline")), role: "predictions" }]);
    const files = await loadEvaluateFiles(
      { candidatePredictions: "predictions.csv", baseline: "registry:churn#production" },
      access(),
      open,
    );
    expect(files.baseline!.values.get("accuracy")).toBeCloseTo(0.69, 12);
    expect(files.baseline!.values.get("latency_p95_ms")).toBe(120);
    expect(files.evaluation!.baseline!.name).toBe("registry:churn#production (v1.2.0)/eval-v1.csv");
    expect(files.registryBaseline).toEqual({ label: "registry:churn#production (v1.2.0)", predictions: "paired" });
    expect(files.notes).toEqual([]);
  });

  it("reads the stored predictions on a command line, where input paths are not confined to a folder", async () => {
    await promote([{ name: "eval-v1.csv", bytes: Buffer.from(forModel("baseline")), role: "predictions" }]);
    // The CLI's access: allowedRoots empty means anywhere; the candidate inside the workspace must stay readable.
    const files = await loadEvaluateFiles(
      { candidatePredictions: path.join(workspace, "predictions.csv"), baseline: "registry:churn#production" },
      { workspace, allowedRoots: [] },
      open,
    );
    expect(files.candidate.values.get("accuracy")).toBeCloseTo(0.755, 12);
    expect(files.evaluation!.baseline).toBeDefined();
  });

  it("never picks an artifact by the candidate's file name, and says why paired significance cannot use the version", async () => {
    await promote([{ name: "predictions.csv", bytes: Buffer.from(forModel("baseline")) }]);
    const files = await loadEvaluateFiles(
      { candidatePredictions: "predictions.csv", baseline: "registry:churn#production" },
      access(),
      open,
    );
    expect(files.evaluation!.baseline).toBeUndefined();
    expect(files.evaluation!.baselineMissing).toMatch(
      /registry:churn#production \(v1\.2\.0\) stores no evaluation predictions/,
    );
    expect(files.registryBaseline).toEqual({ label: "registry:churn#production (v1.2.0)", predictions: "none" });
    expect(files.notes![0]).toMatch(
      /stores no evaluation predictions \(no artifact was promoted with the role predictions\).* paired significance cannot compare against it/,
    );
  });

  it("refuses a malformed spec, a stage holding no version, and a run without a registry", async () => {
    expect(() => parseRegistrySpec("registry:churn", "baseline")).toThrow(DataError);
    expect(parseRegistrySpec("metrics.json", "baseline")).toBeUndefined();
    writeFileSync(path.join(workspace, "candidate.json"), '{"accuracy": 0.7}');
    await expect(
      loadEvaluateFiles({ candidate: "candidate.json", baseline: "registry:churn#staging" }, access(), open),
    ).rejects.toThrow(RegistryError);
    await expect(
      loadEvaluateFiles({ candidate: "candidate.json", baseline: "registry:churn#staging" }, access()),
    ).rejects.toThrow(InputError);
  });
});
