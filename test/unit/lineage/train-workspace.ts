import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { fileURLToPath } from "node:url";
import { parsePatternLines } from "../../../shared/src/lineage/glob-pattern.js";
import type { TrainServices } from "../../../shared/src/lineage/train-services.js";
import { systemProbe } from "../../../shared/src/lineage/system-probe.js";
import type { TrainOptions } from "../../../shared/src/lineage/train-options.js";

const example = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../shared/examples/churn/train");

/** A fresh workspace holding the example's tiny trainer (train.mjs, params.json, customers.csv). */
export function trainWorkspace(): string {
  const workspace = mkdtempSync(path.join(tmpdir(), "modelgate-train-"));
  cpSync(example, workspace, { recursive: true, filter: (source) => !source.includes(`${path.sep}out`) });
  return workspace;
}

/** Options for the example trainer; `run` is what a workflow's `run:` would say. */
export function trainOptions(workspace: string, run: string, overrides: Partial<TrainOptions> = {}): TrainOptions {
  return {
    key: "churn",
    argv: ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", run],
    workingDirectory: workspace,
    workspace,
    seed: 0,
    inputs: parsePatternLines("customers.csv\ntrain.mjs"),
    outputs: parsePatternLines("out/model.json"),
    params: parsePatternLines("params.json"),
    metrics: "out/metrics.json",
    allowEmpty: false,
    manifestPath: "modelgate.manifest.json",
    verifyRuns: undefined,
    verifyCompare: "digests",
    verifyTolerance: 0,
    onUnrepeatable: "fail",
    cache: false,
    artifactName: undefined,
    baselineManifest: undefined,
    runUrl: null,
    ...overrides,
  };
}

/** The real process, with the command's output collected instead of printed. */
export function testServices(
  warnings: string[] = [],
  env: Record<string, string> = {},
): TrainServices & { output: () => string } {
  const sink = new PassThrough();
  let text = "";
  sink.on("data", (chunk: Buffer) => (text += chunk.toString()));
  const probe = systemProbe();
  return {
    probe: { ...probe, env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env } },
    stdout: sink,
    stderr: sink,
    now: Date.now,
    warn: (m) => warnings.push(m),
    policy: { file: "modelgate.yml", sha256: "", source: "file" },
    output: () => text,
  };
}
