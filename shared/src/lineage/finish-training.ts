import path from "node:path";
import type { Check } from "../core/check.js";
import { worstVerdict } from "../core/verdict.js";
import { cachePaths } from "./cache-paths.js";
import { diffManifests } from "./diff-manifests.js";
import type { Manifest } from "./manifest.js";
import { parseManifestText } from "./parse-manifest.js";
import type { TrainServices } from "./train-services.js";
import type { TrainOptions } from "./train-options.js";
import type { TrainResult } from "./train-result.js";

/** What every ending of a training run knows. */
export type Base = { options: TrainOptions; services: TrainServices; manifestFile: string; cacheKey: string };

/** A run that recorded a manifest (trained, or restored from the cache): save, upload, and the result. */
export async function finish(
  base: Base,
  run: { manifest: Manifest; checks: Check[]; hit: boolean; cacheNote: string | null; command: string[] },
): Promise<TrainResult> {
  const { options, services, manifestFile, cacheKey } = base;
  const verdict = worstVerdict(run.checks.map((c) => c.verdict));
  let cacheNote = run.cacheNote;
  const outputPaths = run.manifest.outputs.map((o) => path.join(options.workspace, o.path));
  if (options.cache && !services.cache)
    cacheNote = "cache: true has no effect here: no cache service is available (ACTIONS_RESULTS_URL is not set).";
  if (options.cache && services.cache && !run.hit && verdict !== "fail")
    cacheNote = await saveToCache(services, cachePaths(options, manifestFile), cacheKey);
  const artifact =
    options.artifactName === undefined
      ? null
      : await uploadArtifact(services, options.artifactName, [...outputPaths, manifestFile], options.workspace);
  const baseline = options.baselineManifest;
  return {
    action: "train-reproducibly",
    key: options.key,
    verdict,
    checks: run.checks,
    policy: services.policy,
    notes: run.hit
      ? [`Cache hit: the command did not run; the outputs and the manifest are those of the run that produced them.`]
      : [],
    subject: {
      model: options.key,
      candidate_sha256: run.manifest.outputs[0]?.sha256,
      manifest_lineage_sha256: run.manifest.lineage_sha256,
    },
    command: { argv: options.argv, exit_code: run.hit ? null : 0, signal: null, start_error: null, last_lines: [] },
    manifest: run.manifest,
    manifest_path: path.relative(options.workspace, manifestFile).split(path.sep).join("/"),
    model_sha256: run.manifest.outputs[0]?.sha256 ?? null,
    cache: options.cache ? { key: cacheKey, hit: run.hit, note: cacheNote } : null,
    artifact,
    verification:
      options.verifyRuns === undefined || run.hit ? null : { runs: options.verifyRuns, compare: options.verifyCompare },
    changes: baseline ? diffManifests(parseManifestText(baseline.text, baseline.name), run.manifest) : null,
    baseline_manifest: baseline?.name ?? null,
  };
}

/** A run without a manifest: the command failed, or it did not write its outputs. */
export function failedRun(
  base: Base,
  checks: Check[],
  outcome: { exitCode: number | null; signal: string | null; startError: string | null; lastLines: string[] },
): TrainResult {
  const { options, services } = base;
  return {
    action: "train-reproducibly",
    key: options.key,
    verdict: "fail",
    checks,
    policy: services.policy,
    notes: [],
    subject: { model: options.key },
    command: {
      argv: options.argv,
      exit_code: outcome.exitCode,
      signal: outcome.signal,
      start_error: outcome.startError,
      last_lines: outcome.lastLines,
    },
    manifest: null,
    manifest_path: null,
    model_sha256: null,
    cache: null,
    artifact: null,
    verification: null,
    changes: null,
    baseline_manifest: options.baselineManifest?.name ?? null,
  };
}

async function saveToCache(services: TrainServices, paths: string[], key: string): Promise<string | null> {
  try {
    await services.cache!.save(paths, key);
    return null;
  } catch (error) {
    const note = `The outputs could not be saved to the cache (${error instanceof Error ? error.message : String(error)}); the next run trains again.`;
    services.warn(note);
    return note;
  }
}

async function uploadArtifact(
  services: TrainServices,
  name: string,
  files: string[],
  root: string,
): Promise<TrainResult["artifact"]> {
  if (!services.artifacts)
    return {
      name,
      id: null,
      note: "No artifact service is available (ACTIONS_RESULTS_URL is not set); nothing was uploaded.",
    };
  const id = await services.artifacts.upload(name, files, root);
  return { name, id, note: null };
}
