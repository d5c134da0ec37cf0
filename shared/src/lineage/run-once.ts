import { readFileSync } from "node:fs";
import path from "node:path";
import { DataError } from "../core/modelgate-error.js";
import { sha256Hex } from "../core/digest.js";
import { parseMetricsText } from "../data/metrics/read-metrics-file.js";
import type { RunRecord } from "./compare-runs.js";
import type { Manifest } from "./manifest.js";
import { hashPaths } from "./hash-paths.js";
import type { CommandOutcome } from "./run-command.js";
import { runCommand } from "./run-command.js";
import { fileClockNow } from "./file-clock.js";
import type { StaleFile } from "./written-by-run.js";
import { findStaleFiles } from "./written-by-run.js";
import type { TrainOptions } from "./train-options.js";

/** Where the command's output goes and the environment it runs with. */
export interface RunIo {
  env: Record<string, string | undefined>;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  now?: () => number;
}

export type RunOnce = {
  outcome: CommandOutcome;
  record: RunRecord | null;
  metrics: Manifest["metrics"];
  /** How many output and metrics files were checked, and those the command did not write. */
  written: { checked: number; stale: StaleFile[] };
};

/**
 * Runs the command once; when it succeeds, hashes its outputs, reads its metrics file and finds the
 * files among them it did not write (modified before it started, by the file system's clock).
 */
export async function runOnce(options: TrainOptions, io: RunIo): Promise<RunOnce> {
  const since = await fileClockNow(options.workingDirectory, (io.now ?? Date.now)());
  const outcome = await runCommand(options.argv, { cwd: options.workingDirectory, ...io });
  if (outcome.exitCode !== 0) return { outcome, record: null, metrics: null, written: { checked: 0, stale: [] } };
  const outputs = await hashPaths(options.outputs, {
    input: "outputs",
    base: options.workingDirectory,
    workspace: options.workspace,
    allowEmpty: options.allowEmpty,
  });
  const metrics = options.metrics === undefined ? null : readWrittenMetrics(options);
  const written = await findStaleFiles(options.workspace, outputs, metrics?.file, since);
  return { outcome, record: { outputs, metrics: metrics?.values ?? null }, metrics, written };
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
