import { cpSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { RunRecord } from "./compare-runs.js";
import type { PathDigest } from "./manifest.js";
import type { RunIo } from "./run-once.js";
import { runOnce } from "./run-once.js";
import type { TrainOptions } from "./train-options.js";
import type { StaleFile } from "./written-by-run.js";

export type Rerun = { record: RunRecord | null; exitCode: number | null; lastLines: string[]; stale: StaleFile[] };

/**
 * Runs the command `runs - 1` more times, each time with the first run's outputs and metrics file removed
 * (a clean copy of those paths, so a rerun that writes nothing cannot pass with the first run's files),
 * records what each run wrote, then puts the first run's files back with their times, so the manifest,
 * cache and artifact describe the first run's files.
 */
export async function rerunForVerification(
  options: TrainOptions,
  io: RunIo,
  first: PathDigest[],
  metricsFile: string | undefined,
  runs: number,
): Promise<Rerun[]> {
  const stash = mkdtempSync(path.join(tmpdir(), "modelgate-verify-"));
  const absolute = (p: string) => path.join(options.workspace, p);
  const outputs = first.map((o) => o.path);
  const kept =
    metricsFile === undefined || outputs.some((o) => metricsFile === o || metricsFile.startsWith(`${o}/`))
      ? outputs
      : [...outputs, metricsFile];
  const stashed = (p: string) => path.join(stash, String(kept.indexOf(p)));
  try {
    for (const file of kept)
      if (existsSync(absolute(file)))
        cpSync(absolute(file), stashed(file), { recursive: true, preserveTimestamps: true });
  } catch (error) {
    rmSync(stash, { recursive: true, force: true });
    throw error;
  }
  try {
    const reruns: Rerun[] = [];
    for (let run = 2; run <= runs; run++) {
      for (const file of kept) rmSync(absolute(file), { recursive: true, force: true });
      io.stdout.write(`\nmodelgate: verification run ${run} of ${runs}\n`);
      const result = await runOnce({ ...options, allowEmpty: true }, io);
      reruns.push({
        record: result.record,
        exitCode: result.outcome.exitCode,
        lastLines: result.outcome.lastLines,
        stale: result.written.stale,
      });
    }
    return reruns;
  } finally {
    // Also when a rerun throws (a metrics file it did not write): the first run's files must survive.
    for (const file of kept) {
      rmSync(absolute(file), { recursive: true, force: true });
      if (existsSync(stashed(file)))
        cpSync(stashed(file), absolute(file), { recursive: true, preserveTimestamps: true });
    }
    rmSync(stash, { recursive: true, force: true });
  }
}
