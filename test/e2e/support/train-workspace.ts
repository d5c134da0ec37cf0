import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { repoRoot } from "./node-binaries.js";

/** A workspace holding the example's tiny trainer (train.mjs, params.json, customers.csv), nothing else. */
export function makeTrainWorkspace(): string {
  const workspace = mkdtempSync(path.join(tmpdir(), "modelgate-train-ws-"));
  cpSync(path.join(repoRoot, "shared/examples/churn/train"), workspace, {
    recursive: true,
    filter: (source) => !source.endsWith(`${path.sep}out`),
  });
  return workspace;
}

/** Inputs of a representative run of the example trainer. */
export const TRAIN_INPUTS = {
  run: "node train.mjs",
  inputs: "customers.csv\ntrain.mjs",
  params: "params.json",
  outputs: "out/model.json",
  metrics: "out/metrics.json",
} as const;
