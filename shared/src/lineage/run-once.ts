import { readFileSync } from "node:fs";
import path from "node:path";
import { DataError } from "../errors/modelgate-error.js";
import { sha256Hex } from "../data/digest.js";
import { parseMetricsText } from "../data/read-metrics-file.js";
import type { RunRecord } from "./compare-runs.js";
import type { Manifest } from "./manifest.js";
import { hashPaths } from "./hash-paths.js";
import type { CommandOutcome } from "./run-command.js";
import { runCommand } from "./run-command.js";
import type { TrainOptions } from "./train-options.js";

/** Where the command's output goes and the environment it runs with. */
export interface RunIo {
  env: Record<string, string | undefined>;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  now?: () => number;
}

export type RunOnce = { outcome: CommandOutcome; record: RunRecord | null; metrics: Manifest["metrics"] };

/** Runs the command once; when it succeeds, hashes its outputs and reads its metrics file. */
export async function runOnce(options: TrainOptions, io: RunIo): Promise<RunOnce> {
  const outcome = await runCommand(options.argv, { cwd: options.workingDirectory, ...io });
  if (outcome.exitCode !== 0) return { outcome, record: null, metrics: null };
  const outputs = await hashPaths(options.outputs, { input: "outputs", base: options.workingDirectory, workspace: options.workspace, allowEmpty: options.allowEmpty });
  const metrics = options.metrics === undefined ? null : readWrittenMetrics(options);
  return { outcome, record: { outputs, metrics: metrics?.values ?? null }, metrics };
}

/** The metrics file the command was to write; its absence is the command's fault, said plainly. */
function readWrittenMetrics(options: TrainOptions): NonNullable<Manifest["metrics"]> {
  const name = options.metrics!;
  const absolute = path.resolve(options.workingDirectory, name);
  let buffer: Buffer;
  try {
    buffer = readFileSync(absolute);
  } catch {
    throw new DataError(
      `Input "metrics": the command exited 0 but did not write ${name} (looked at ${absolute}).`,
      `Make the training command write its metrics to ${name} (relative to working-directory), or correct the metrics input.`,
      { input: "metrics", file: name },
    );
  }
  const sha256 = sha256Hex(buffer);
  const parsed = parseMetricsText(buffer.toString("utf8"), name, sha256, "metrics");
  const values = Object.fromEntries([...parsed.values].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { file: path.relative(options.workspace, absolute).split(path.sep).join("/"), sha256, values };
}
