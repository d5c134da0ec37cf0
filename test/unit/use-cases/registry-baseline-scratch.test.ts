import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { promoteVersion } from "../../../shared/src/registry/promote-version.js";
import { loadBiasFiles } from "../../../shared/src/use-cases/load-bias-files.js";
import { loadEvaluateFiles } from "../../../shared/src/use-cases/load-evaluate-files.js";
import { createLocalRepo } from "../registry/local-git-fixture.js";
import type { LocalRepo } from "../registry/local-git-fixture.js";
import { promotionRequest } from "../registry/promotion-request.js";

// The demo's churn predictions (shared/examples/churn): production's evaluation predictions and a candidate's.
const EXAMPLE = path.join(import.meta.dirname, "../../../shared/examples/churn");

let repo: LocalRepo;
let workspace: string;
let scratch: string;
let savedTmpdir: string | undefined;
beforeEach(async () => {
  repo = createLocalRepo();
  workspace = mkdtempSync(path.join(tmpdir(), "modelgate-registry-scratch-ws-"));
  copyFileSync(path.join(EXAMPLE, "predictions-rural.csv"), path.join(workspace, "candidate.csv"));
  writeFileSync(path.join(workspace, "candidate.json"), '{"accuracy": 0.7}');
  await promoteVersion(
    repo.store,
    promotionRequest("1.0.0", repo.commits[0]!, {
      stage: "production",
      artifacts: [
        { name: "model.bin", bytes: Buffer.from("weights") },
        { name: "eval.csv", bytes: readFileSync(path.join(EXAMPLE, "predictions-baseline.csv")), role: "predictions" },
      ],
      metrics: { accuracy: 0.9 },
    }),
  );
  // The readers' temporary folder, watched: os.tmpdir() follows TMPDIR.
  scratch = mkdtempSync(path.join(tmpdir(), "modelgate-registry-scratch-"));
  savedTmpdir = process.env.TMPDIR;
  process.env.TMPDIR = scratch;
});
afterEach(() => {
  if (savedTmpdir === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmpdir;
  rmSync(scratch, { recursive: true, force: true });
  rmSync(workspace, { recursive: true, force: true });
  repo.remove();
});
const access = () => ({ workspace, allowedRoots: [workspace] });
const open = () => Promise.resolve(repo.store);

describe("a registry version's predictions, copied to be read", () => {
  it("are read by evaluate's loader and their temporary copy removed", async () => {
    const files = await loadEvaluateFiles(
      { candidatePredictions: "candidate.csv", baseline: "registry:churn#production" },
      access(),
      open,
    );
    expect(files.evaluation!.baseline!.name).toBe("registry:churn#production (v1.0.0)/eval.csv");
    expect(readdirSync(scratch)).toEqual([]);
  });

  it("are removed by evaluate's loader when a later input is refused", async () => {
    const load = loadEvaluateFiles(
      { candidatePredictions: "candidate.csv", baseline: "registry:churn#production", evalData: "missing.csv" },
      access(),
      open,
    );
    await expect(load).rejects.toThrow(/missing\.csv/);
    expect(readdirSync(scratch)).toEqual([]);
  });

  it("are read by bias-check's loader and their temporary copy removed", async () => {
    const files = await loadBiasFiles(
      {
        predictions: "candidate.csv",
        baselinePredictions: "registry:churn#production",
        sensitive: ["region"],
        labelColumn: "label",
        predictionColumn: "prediction",
        scoreColumn: "score",
        idColumn: "id",
        positiveLabel: "1",
        threshold: 0.5,
      },
      access(),
      open,
    );
    expect(files.baseline!.name).toBe("registry:churn#production (v1.0.0)/eval.csv");
    expect(readdirSync(scratch)).toEqual([]);
  });
});
