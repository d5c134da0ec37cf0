import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { RunRecord } from "./compare-runs.js";
import type { PathDigest } from "./manifest.js";
import type { RunIo } from "./run-once.js";
import { runOnce } from "./run-once.js";
import type { TrainOptions } from "./train-options.js";

export type Rerun = { record: RunRecord | null; exitCode: number | null; lastLines: string[] };

/**
 * Runs the command `runs - 1` more times, each time with the first run's outputs removed (a clean copy
 * of the output paths), records what each run wrote, then puts the first run's outputs back, so the
 * manifest, cache and artifact describe the first run's files.
 */
export async function rerunForVerification(options: TrainOptions, io: RunIo, first: PathDigest[], runs: number): Promise<Rerun[]> {
  const stash = mkdtempSync(path.join(tmpdir(), "modelgate-verify-"));
  const absolute = (p: string) => path.join(options.workspace, p);
  try {
    for (const output of first) cpSync(absolute(output.path), path.join(stash, output.path), { recursive: true, preserveTimestamps: true });
    const reruns: Rerun[] = [];
    for (let run = 2; run <= runs; run++) {
      for (const output of first) rmSync(absolute(output.path), { recursive: true, force: true });
      io.stdout.write(`\nmodelgate: verification run ${run} of ${runs}\n`);
      const result = await runOnce({ ...options, allowEmpty: true }, io);
      reruns.push({ record: result.record, exitCode: result.outcome.exitCode, lastLines: result.outcome.lastLines });
    }
    for (const output of first) {
      rmSync(absolute(output.path), { recursive: true, force: true });
      cpSync(path.join(stash, output.path), absolute(output.path), { recursive: true, preserveTimestamps: true });
    }
    return reruns;
  } finally {
    rmSync(stash, { recursive: true, force: true });
  }
}
