import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { realpathOrSelf } from "../data/files/resolve-input-path.js";
import { InputError } from "../core/modelgate-error.js";
import type { Check } from "../core/check.js";
import { toCanonicalJson } from "../core/canonical-json.js";
import { buildManifest } from "./build-manifest.js";
import { computeCacheKey } from "./cache-key.js";
import { captureEnvironment } from "./capture-environment.js";
import { commandCheck } from "./command-checks.js";
import { compareRuns } from "./compare-runs.js";
import { findInterpreter } from "./find-interpreter.js";
import { findLockfiles } from "./find-lockfiles.js";
import { failedRun, finish } from "./finish-training.js";
import { parseGlobPattern } from "./glob-pattern.js";
import { hashPaths } from "./hash-paths.js";
import type { Manifest } from "./manifest.js";
import { isOutput, ownFileTest } from "./own-files.js";
import { readGitState } from "./read-git-state.js";
import { restoreFromCache } from "./restore-from-cache.js";
import type { RunIo } from "./run-once.js";
import { runOnce } from "./run-once.js";
import { seedVariables } from "./seed-variables.js";
import type { TrainOptions } from "./train-options.js";
import type { TrainResult } from "./train-result.js";
import type { TrainServices } from "./train-services.js";
import { rerunForVerification } from "./verify-repeatability.js";
import { writtenCheck } from "./written-by-run.js";

/**
 * train-reproducibly end to end: hash what goes in, restore from the cache or run the seeded command,
 * hash what came out, re-run to prove repeatability, write the manifest, save and upload.
 * @throws DataError / InputError for inputs it cannot use (patterns matching nothing, paths outside the workspace).
 */
export async function runTraining(options: TrainOptions, services: TrainServices): Promise<TrainResult> {
  if (options.artifactName !== undefined) services.artifacts?.assertUsable?.(options.artifactName);
  // Every file digest of inputs, params and lockfiles, reused for the dirty files they also are.
  const known = new Map<string, string>();
  const hashOptions = (input: string) => ({
    input,
    base: options.workingDirectory,
    workspace: options.workspace,
    allowEmpty: options.allowEmpty,
    digests: known,
  });
  const manifestFile = path.resolve(options.workingDirectory, options.manifestPath);
  const isOwnFile = ownFileTest(options);
  refuseManifestAmongOutputs(options, manifestFile);
  const inputs = await hashPaths(options.inputs, hashOptions("inputs"));
  const params = await hashPaths(options.params, hashOptions("params"));
  const lockfileNames = await findLockfiles(options.workspace, options.workingDirectory);
  const lockfiles = await hashPaths(lockfileNames.map(parseGlobPattern), {
    ...hashOptions("lockfiles"),
    base: options.workspace,
  });
  const command = {
    argv: options.argv,
    working_directory: path.relative(options.workspace, options.workingDirectory).split(path.sep).join("/") || ".",
  };
  const cacheKey = computeCacheKey({
    command,
    seed: options.seed,
    inputs,
    params,
    lockfiles,
    platform: services.probe.platform,
    arch: services.probe.arch,
    outputs: options.outputs.map((p) => `${p.negated ? "!" : ""}${p.text}`),
  });
  const base = { options, services, manifestFile, cacheKey };

  if (options.cache && services.cache) {
    const restored = await restoreFromCache(base, services.cache);
    if (restored)
      return finish(base, {
        manifest: restored.manifest,
        checks: restored.checks,
        hit: true,
        cacheNote: restored.note,
        command: [],
      });
  }

  const variables = seedVariables(options.seed);
  const io: RunIo = {
    env: { ...services.probe.env, ...variables },
    stdout: services.stdout,
    stderr: services.stderr,
    now: services.now,
  };
  // git before the command (the checkout as the command found it); the environment probes (a Python start can
  // take seconds behind version-manager shims) run while the command trains, asking the interpreter the
  // command itself runs, with its environment. Neither rejects.
  const git = await readGitState(services.probe, options.workingDirectory, isOwnFile, known);
  const interpreter = findInterpreter(options.argv, {
    cwd: options.workingDirectory,
    env: io.env,
    platform: services.probe.platform,
  });
  const environmentCapture = captureEnvironment(services.probe, {
    cwd: options.workingDirectory,
    env: io.env,
    interpreter,
  });
  const startedAt = new Date(services.now()).toISOString();
  const first = await runOnce(options, io);
  const environment = await environmentCapture;
  const firstCheck = commandCheck({ ...first.outcome });
  if (first.record === null) return failedRun(base, [firstCheck], first.outcome);
  const checks: Check[] = [firstCheck, writtenCheck(first.written.stale, first.written.checked)];
  if (first.written.stale.length > 0) return failedRun(base, checks, first.outcome);
  if (options.verifyRuns !== undefined) {
    const reruns = await rerunForVerification(
      options,
      io,
      first.record.outputs,
      first.metrics?.file,
      options.verifyRuns,
    );
    reruns.forEach(
      (r, i) =>
        r.exitCode !== 0 &&
        checks.push(
          commandCheck({ exitCode: r.exitCode, signal: null, startError: null }, `verification run ${i + 2}`),
        ),
    );
    reruns.forEach((r, i) => r.stale.length > 0 && checks.push(writtenCheck(r.stale, 0, `verification run ${i + 2}`)));
    const records = [first.record, ...reruns.flatMap((r) => (r.record ? [r.record] : []))];
    checks.push(
      ...compareRuns(records, {
        compare: options.verifyCompare,
        tolerance: options.verifyTolerance,
        onUnrepeatable: options.onUnrepeatable,
      }),
    );
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

/**
 * The manifest is written after the outputs are hashed, so inside an output it would be hashed as the
 * previous run's manifest: a different output digest on every run.
 */
function refuseManifestAmongOutputs(options: TrainOptions, manifestFile: string): void {
  if (!isOutput(realpathOrSelf(manifestFile), options.outputs, realpathOrSelf(options.workingDirectory))) return;
  throw new InputError(
    `Input "manifest": ${options.manifestPath} lies among the outputs, so each run would hash the previous run's manifest as an output.`,
    "Write the manifest outside the output paths (e.g. manifest: modelgate.manifest.json), or exclude it with a !pattern line in outputs.",
    { input: "manifest", file: options.manifestPath },
  );
}

function writeManifest(file: string, manifest: Manifest): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, toCanonicalJson(manifest));
}
