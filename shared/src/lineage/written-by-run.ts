import { stat } from "node:fs/promises";
import path from "node:path";
import type { Check } from "../core/check.js";
import { compareBytes } from "./folder-digest.js";
import type { PathDigest } from "./manifest.js";
import { walkFiles } from "./walk-files.js";

/** A file the run was to write that it left alone: its workspace-relative path and modification time. */
export interface StaleFile {
  path: string;
  modified: string;
}

/**
 * The files among the outputs (each file inside an output folder) and the metrics file whose modification
 * time is older than the run's start (`fileClockNow`), sorted: a run that exits 0 but did not write them
 * would otherwise record files of an earlier run as its own. By time, not by digest: a deterministic
 * retrain may write the same bytes again.
 */
export async function findStaleFiles(
  workspace: string,
  outputs: readonly PathDigest[],
  metricsFile: string | undefined,
  since: bigint,
): Promise<{ checked: number; stale: StaleFile[] }> {
  const files: string[] = [];
  for (const output of outputs) {
    if (output.files === undefined) files.push(output.path);
    else for (const inner of await walkFiles(path.join(workspace, output.path))) files.push(`${output.path}/${inner}`);
  }
  if (metricsFile !== undefined && !files.includes(metricsFile)) files.push(metricsFile);
  const stale: StaleFile[] = [];
  for (const file of files) {
    const info = await stat(path.join(workspace, file), { bigint: true });
    if (info.mtimeNs < since) stale.push({ path: file, modified: new Date(Number(info.mtimeMs)).toISOString() });
  }
  return { checked: files.length, stale: stale.sort((a, b) => compareBytes(a.path, b.path)) };
}

const LISTED = 5;

/** The check that every output was written by this run; `label` names a verification run. */
export function writtenCheck(stale: readonly StaleFile[], fileCount: number, label = "outputs"): Check {
  const listed = stale
    .slice(0, LISTED)
    .map((s) => `${s.path} (${s.modified})`)
    .join(", ");
  const more = stale.length > LISTED ? ` and ${stale.length - LISTED} more` : "";
  const what = stale.length === 1 ? listed : `${stale.length} files: ${listed}${more}`;
  return {
    name: `${label}:written-by-run`,
    metric: label,
    rule: "written-by-run",
    verdict: stale.length === 0 ? "pass" : "fail",
    value: stale.length,
    baseline: null,
    delta: null,
    delta_pct: null,
    threshold: 0,
    message:
      stale.length === 0
        ? fileCount === 0
          ? "No output file matched (allow-empty), so there was none to check."
          : `The run wrote all ${fileCount} output file${fileCount === 1 ? "" : "s"} (each modified after it started).`
        : `The command exited 0 but did not write ${what}, modified before the run started; ${stale.length === 1 ? "a file" : "files"} left from an earlier run would be recorded as this run's. ` +
          "Delete stale outputs before training, force a build tool that skips up-to-date targets (make, dvc repro), or `touch` a file the command keeps on purpose.",
  };
}
