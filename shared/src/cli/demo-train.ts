import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { parsePatternLines } from "../lineage/glob-pattern.js";
import { runTraining } from "../lineage/run-training.js";
import { systemProbe } from "../lineage/system-probe.js";
import type { TrainOptions } from "../lineage/train-options.js";
import { renderReportText } from "../report/render-report.js";
import type { RecordReport } from "./demo-reports.js";

/**
 * The train-reproducibly part of the demo: the example's tiny trainer run three times with a pinned
 * seed (identical bytes: pass), then with an unseeded shuffle (the second run differs: caught).
 */
export async function demoTrain(exampleFolder: string, record: RecordReport): Promise<string[]> {
  const out: string[] = [];
  for (const [label, story, command] of [
    ["seeded", "a seeded trainer, run 3 times", ["node", "train.mjs"]],
    ["unseeded", "a trainer that shuffles with Math.random, run 2 times", ["node", "train.mjs", "--unseeded"]],
  ] as const) {
    const workspace = mkdtempSync(path.join(tmpdir(), "modelgate-demo-train-"));
    cpSync(path.join(exampleFolder, "train"), workspace, {
      recursive: true,
      filter: (source) => !source.endsWith(`${path.sep}out`),
    });
    const runs = command.length === 2 ? 3 : 2;
    // The runs' folder is the demo's own scratch space: the result keeps what the report needs.
    const result = await runTraining(demoOptions(workspace, [...command], runs), {
      probe: systemProbe(),
      stdout: new PassThrough(),
      stderr: new PassThrough(),
      now: Date.now,
      warn: () => undefined,
      policy: { file: "modelgate.yml", sha256: "", source: "file" },
    }).finally(() => rmSync(workspace, { recursive: true, force: true }));
    record(label, story, result);
    out.push(
      `━━━ ${story}: modelgate train --seed 0 --inputs customers.csv --inputs train.mjs --outputs out/model.json --verify-runs ${runs} -- ${command.join(" ")}`,
      "",
      renderReportText(result),
    );
  }
  return out;
}

function demoOptions(workspace: string, argv: string[], verifyRuns: number): TrainOptions {
  return {
    key: "churn-classifier",
    argv,
    workingDirectory: workspace,
    workspace,
    seed: 0,
    inputs: parsePatternLines("customers.csv\ntrain.mjs"),
    outputs: parsePatternLines("out/model.json"),
    params: parsePatternLines("params.json"),
    metrics: "out/metrics.json",
    allowEmpty: false,
    manifestPath: "modelgate.manifest.json",
    verifyRuns,
    verifyCompare: "digests",
    verifyTolerance: 0,
    onUnrepeatable: "fail",
    cache: false,
    artifactName: undefined,
    baselineManifest: undefined,
    runUrl: null,
  };
}
