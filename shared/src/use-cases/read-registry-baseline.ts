import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { DataError, InputError } from "../core/modelgate-error.js";
import { readStageRecord } from "../registry/read-stage-record.js";
import type { RegistryStore } from "../registry/registry-store.js";
import { toCanonicalJson } from "../core/canonical-json.js";
import { sha256Hex } from "../core/digest.js";
import type { MetricsFile } from "../data/metrics/read-metrics-file.js";

/** `registry:<model>#<stage>`: the version a stage of the registry holds (contract §5). */
export interface RegistrySpec {
  model: string;
  stage: string;
}

/** Returns the parts of a `registry:<model>#<stage>` spec, or undefined when `spec` is something else. */
export function parseRegistrySpec(spec: string, input: string): RegistrySpec | undefined {
  if (!spec.startsWith("registry:")) return undefined;
  const match = /^registry:([^#]+)#([^#]+)$/.exec(spec);
  if (!match) {
    throw new DataError(
      `Input "${input}" is "${spec}", which is not a registry:<model>#<stage> spec.`,
      "Write it as registry:<model>#<stage>, e.g. registry:churn-classifier#production.",
      { input },
    );
  }
  return { model: match[1] as string, stage: match[2] as string };
}

/** A baseline read from the registry: the stage's version record as a metrics file, and its predictions when stored. */
export interface RegistryBaseline {
  metrics: MetricsFile;
  version: string;
  /** How reports name the version: `registry:<model>#<stage> (v1.2.0)`. */
  label: string;
  /** Where the version's evaluation predictions were written for the readers, with the name reports show. */
  predictions?: { path: string; name: string };
  /** Why paired significance cannot use the version, when it cannot. */
  note?: string;
  /** The version stores evaluation predictions (whether or not they were read). */
  storesPredictions: boolean;
}

/**
 * Reads the version `spec` names from the registry: its record's `metrics` become the baseline's metrics, and when
 * the version stores its evaluation predictions (the artifact promoted with the role `predictions`), that artifact
 * is read, digest-verified, as the baseline's predictions, so paired significance works against that version.
 * Otherwise a note says why it cannot. Nothing is chosen by file name.
 * @throws InputError when no registry is reachable; RegistryError from the registry (no version in the stage, …).
 */
export async function readRegistryBaseline(
  spec: RegistrySpec,
  input: string,
  store: RegistryStore | undefined,
  wantPredictions: boolean,
): Promise<RegistryBaseline> {
  if (!store) {
    throw new InputError(
      `Input "${input}" reads the baseline from the registry, but no registry is available here.`,
      "Run where the repository's registry tags are reachable (the action reads them through the GitHub API; the CLI from the local git repository), or give a baseline file.",
      { input },
    );
  }
  const stage = await readStageRecord(store, spec.model, spec.stage);
  const label = `registry:${spec.model}#${spec.stage} (${stage.version})`;
  const metrics: MetricsFile = {
    name: label,
    sha256: sha256Hex(toCanonicalJson(stage.record)),
    values: new Map(Object.entries(stage.record.metrics)),
  };
  const stored = stage.assets.find((asset) => asset.role === "predictions");
  const base = { metrics, version: stage.version, label, storesPredictions: stored !== undefined };
  if (!wantPredictions) return base;
  if (!stored) {
    return {
      ...base,
      note: `${label} stores no evaluation predictions (no artifact was promoted with the role predictions), so the baseline's metrics come from its record and paired significance cannot compare against it; promote versions with their predictions (promote's predictions input), or give baseline-predictions.`,
    };
  }
  const bytes = await stage.readAsset(stored.name);
  const folder = await mkdtemp(path.join(tmpdir(), "modelgate-registry-"));
  const file = path.join(folder, stored.name);
  await writeFile(file, bytes);
  return { ...base, predictions: { path: file, name: `${label}/${stored.name}` } };
}

/**
 * Removes the temporary copy of a registry version's predictions once they are read: a command line run would
 * otherwise leave one folder per run in the temporary folder.
 */
export async function removeStoredPredictions(predictions: { path: string } | undefined): Promise<void> {
  if (predictions) await rm(path.dirname(predictions.path), { recursive: true, force: true });
}
