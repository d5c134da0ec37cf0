import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { worstVerdict } from "../gates/verdict.js";
import type { Check, PolicyProvenance } from "../gates/gate-result.js";
import { toCanonicalJson } from "../report/canonical-json.js";
import { buildManifest } from "./build-manifest.js";
import { computeCacheKey } from "./cache-key.js";
import { cachePaths } from "./cache-paths.js";
import { captureEnvironment } from "./capture-environment.js";
import { commandCheck } from "./command-checks.js";
import { compareRuns } from "./compare-runs.js";
import { diffManifests } from "./diff-manifests.js";
import { findLockfiles } from "./find-lockfiles.js";
import { parseGlobPattern } from "./glob-pattern.js";
import { hashPaths } from "./hash-paths.js";
import type { Manifest } from "./manifest.js";
import type { ArtifactStore, OutputCache, Warn } from "./output-store.js";
import { parseManifestText } from "./parse-manifest.js";
import type { ProcessProbe } from "./process-probe.js";
import { readGitState } from "./read-git-state.js";
import { restoreFromCache } from "./restore-from-cache.js";
import type { RunIo } from "./run-once.js";
import { runOnce } from "./run-once.js";
import { seedVariables } from "./seed-variables.js";
import type { TrainOptions } from "./train-options.js";
import type { TrainResult } from "./train-result.js";
import { rerunForVerification } from "./verify-repeatability.js";

export interface TrainServices {
  probe: ProcessProbe;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  now: () => number;
  cache?: OutputCache;
  artifacts?: ArtifactStore;
  warn: Warn;
  policy: PolicyProvenance;
}

/**
 * train-reproducibly end to end: hash what goes in, restore from the cache or run the seeded command,
 * hash what came out, re-run to prove repeatability, write the manifest, save and upload.
 * @throws DataError / InputError for inputs it cannot use (patterns matching nothing, paths outside the workspace).
 */
export async function runTraining(options: TrainOptions, services: TrainServices): Promise<TrainResult> {
  if (options.artifactName !== undefined) services.artifacts?.assertUsable?.(options.artifactName);
  const hashOptions = (input: string) => ({ input, base: options.workingDirectory, workspace: options.workspace, allowEmpty: options.allowEmpty });
  const inputs = await hashPaths(options.inputs, hashOptions("inputs"));
  const params = await hashPaths(options.params, hashOptions("params"));
  const lockfileNames = await findLockfiles(options.workspace, options.workingDirectory);
  const lockfiles = await hashPaths(lockfileNames.map(parseGlobPattern), { ...hashOptions("lockfiles"), base: options.workspace });
  const command = { argv: options.argv, working_directory: path.relative(options.workspace, options.workingDirectory).split(path.sep).join("/") || "." };
  const manifestFile = path.resolve(options.workingDirectory, options.manifestPath);
  const cacheKey = computeCacheKey({ command, seed: options.seed, inputs, params, lockfiles, platform: services.probe.platform, arch: services.probe.arch, outputs: options.outputs.map((p) => `${p.negated ? "!" : ""}${p.text}`) });
  const base = { options, services, manifestFile, cacheKey };

  if (options.cache && services.cache) {
    const restored = await restoreFromCache(base, services.cache);
    if (restored) return finish(base, { manifest: restored.manifest, checks: restored.checks, hit: true, cacheNote: restored.note, command: [] });
  }

  const variables = seedVariables(options.seed);
  const io: RunIo = { env: { ...services.probe.env, ...variables }, stdout: services.stdout, stderr: services.stderr, now: services.now };
  // git before the command (its outputs would count as dirty); the environment probes (a Python start can
  // take seconds behind version-manager shims) run while the command trains. Neither rejects.
  const git = await readGitState(services.probe, options.workingDirectory);
  const environmentCapture = captureEnvironment(services.probe, options.workingDirectory);
  const startedAt = new Date(services.now()).toISOString();
  const first = await runOnce(options, io);
  const environment = await environmentCapture;
  const firstCheck = commandCheck({ ...first.outcome });
  if (first.record === null) return failedRun(base, firstCheck, first.outcome);
  const checks: Check[] = [firstCheck];
  if (options.verifyRuns !== undefined) {
    const reruns = await rerunForVerification(options, io, first.record.outputs, options.verifyRuns);
    reruns.forEach((r, i) => r.exitCode !== 0 && checks.push(commandCheck({ exitCode: r.exitCode, signal: null, startError: null }, `verification run ${i + 2}`)));
    const records = [first.record, ...reruns.flatMap((r) => (r.record ? [r.record] : []))];
    checks.push(...compareRuns(records, { compare: options.verifyCompare, tolerance: options.verifyTolerance, onUnrepeatable: options.onUnrepeatable }));
  }
  const manifest = buildManifest({
    git,
    command,
    seed: { value: options.seed, variables },
    environment,
    lockfiles,
    params,
    inputs,
    outputs: first.record.outputs,
    metrics: first.metrics,
    volatile: { started_at: startedAt, duration_ms: first.outcome.durationMs },
  });
  writeManifest(manifestFile, manifest);
  return finish(base, { manifest, checks, hit: false, cacheNote: null, command: first.outcome.lastLines });
}

type Base = { options: TrainOptions; services: TrainServices; manifestFile: string; cacheKey: string };

async function finish(base: Base, run: { manifest: Manifest; checks: Check[]; hit: boolean; cacheNote: string | null; command: string[] }): Promise<TrainResult> {
  const { options, services, manifestFile, cacheKey } = base;
  const verdict = worstVerdict(run.checks.map((c) => c.verdict));
  let cacheNote = run.cacheNote;
  const outputPaths = run.manifest.outputs.map((o) => path.join(options.workspace, o.path));
  if (options.cache && !services.cache) cacheNote = "cache: true has no effect here: no cache service is available (ACTIONS_RESULTS_URL is not set).";
  if (options.cache && services.cache && !run.hit && verdict !== "fail") cacheNote = await saveToCache(services, cachePaths(options, manifestFile), cacheKey);
  const artifact = options.artifactName === undefined ? null : await uploadArtifact(services, options.artifactName, [...outputPaths, manifestFile], options.workspace);
  const baseline = options.baselineManifest;
  return {
    action: "train-reproducibly",
    key: options.key,
    verdict,
    checks: run.checks,
    policy: services.policy,
    notes: run.hit ? [`Cache hit: the command did not run; the outputs and the manifest are those of the run that produced them.`] : [],
    subject: { model: options.key, candidate_sha256: run.manifest.outputs[0]?.sha256, manifest_lineage_sha256: run.manifest.lineage_sha256 },
    command: { argv: options.argv, exit_code: run.hit ? null : 0, signal: null, start_error: null, last_lines: [] },
    manifest: run.manifest,
    manifest_path: path.relative(options.workspace, manifestFile).split(path.sep).join("/"),
    model_sha256: run.manifest.outputs[0]?.sha256 ?? null,
    cache: options.cache ? { key: cacheKey, hit: run.hit, note: cacheNote } : null,
    artifact,
    verification: options.verifyRuns === undefined || run.hit ? null : { runs: options.verifyRuns, compare: options.verifyCompare },
    changes: baseline ? diffManifests(parseManifestText(baseline.text, baseline.name), run.manifest) : null,
    baseline_manifest: baseline?.name ?? null,
  };
}

function failedRun(base: Base, check: Check, outcome: { exitCode: number | null; signal: string | null; startError: string | null; lastLines: string[] }): TrainResult {
  const { options, services } = base;
  return {
    action: "train-reproducibly",
    key: options.key,
    verdict: "fail",
    checks: [check],
    policy: services.policy,
    notes: [],
    subject: { model: options.key },
    command: { argv: options.argv, exit_code: outcome.exitCode, signal: outcome.signal, start_error: outcome.startError, last_lines: outcome.lastLines },
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

function writeManifest(file: string, manifest: Manifest): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, toCanonicalJson(manifest));
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

async function uploadArtifact(services: TrainServices, name: string, files: string[], root: string): Promise<TrainResult["artifact"]> {
  if (!services.artifacts) return { name, id: null, note: "No artifact service is available (ACTIONS_RESULTS_URL is not set); nothing was uploaded." };
  const id = await services.artifacts.upload(name, files, root);
  return { name, id, note: null };
}
