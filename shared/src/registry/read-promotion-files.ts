import path from "node:path";
import { sha256Hex } from "../core/digest.js";
import { readInputBytes } from "../data/files/read-input-file.js";
import type { FileAccess } from "../data/files/resolve-input-path.js";
import { InputError } from "../core/modelgate-error.js";
import { parseManifestText } from "../lineage/parse-manifest.js";
import { parsePublishedResult } from "../publish/parse-published-result.js";
import type { GateEvidence, ManifestEvidence } from "./promotion-evidence.js";
import type { StoredAsset } from "./registry-store.js";
import { setOwnEntry } from "../core/own-entry.js";

/** What a promotion stores and decides on, read from the files it names. */
export interface PromotionFiles {
  /** The artifacts, then the manifest, as stored beside the version. */
  assets: StoredAsset[];
  /** The artifacts' digests (the predictions last, without the manifest), in the order given: the first is the main artifact. */
  artifacts: Array<{ name: string; sha256: string }>;
  manifest: ManifestEvidence | null;
  results: GateEvidence[];
  /** The version record's metrics: the manifest's numeric metrics, then evaluate-gate's whole-set values. */
  metrics: Record<string, number>;
}

const RESULTS_HINT =
  "Pass the result JSONs the modelgate gates wrote (their result output, or --format json of the CLI), unchanged.";

/**
 * Reads the artifacts, the lineage manifest and the gates' result JSONs of a promotion (action or CLI alike).
 * @throws DataError naming the input and file when one is missing or not what it should be; InputError when the
 * manifest's or the predictions' file name is also an artifact's.
 */
export function readPromotionFiles(
  paths: {
    artifacts: readonly string[];
    manifest?: string | undefined;
    predictions?: string | undefined;
    results: readonly string[];
  },
  access: FileAccess,
): PromotionFiles {
  const assets: StoredAsset[] = paths.artifacts.map((file) => ({
    name: path.basename(file),
    bytes: readInputBytes(file, access, "artifacts"),
  }));
  if (paths.predictions !== undefined) {
    // Stored with the version under its role, so a later registry: baseline finds them by role, never by file name.
    const name = path.basename(paths.predictions);
    if (assets.some((asset) => asset.name === name)) {
      throw new InputError(
        `The predictions ${paths.predictions} have the same file name as an artifact.`,
        `Give predictions once, under predictions (not also in artifacts), with a file name of their own.`,
        { input: "predictions" },
      );
    }
    assets.push({ name, bytes: readInputBytes(paths.predictions, access, "predictions"), role: "predictions" });
  }
  const artifacts = assets.map((asset) => ({ name: asset.name, sha256: sha256Hex(asset.bytes) }));
  let manifest: ManifestEvidence | null = null;
  const metrics: Record<string, number> = {};
  if (paths.manifest !== undefined) {
    const bytes = readInputBytes(paths.manifest, access, "manifest");
    const parsed = parseManifestText(bytes.toString("utf8"), paths.manifest, "manifest");
    manifest = {
      file: paths.manifest,
      sha256: sha256Hex(bytes),
      lineage_sha256: parsed.lineage_sha256,
      outputs: parsed.outputs,
      inputs: parsed.inputs,
    };
    for (const [name, value] of Object.entries(parsed.metrics?.values ?? {}))
      if (typeof value === "number" && Number.isFinite(value)) setOwnEntry(metrics, name, value);
    const name = path.basename(paths.manifest);
    if (assets.some((asset) => asset.name === name)) {
      throw new InputError(
        `The manifest ${paths.manifest} has the same file name as an artifact.`,
        `Give the manifest a name of its own; it is stored beside the artifacts.`,
        { input: "manifest" },
      );
    }
    assets.push({ name, bytes, role: "manifest" });
  }
  const results = paths.results.map((file) => ({
    file,
    result: parsePublishedResult(readInputBytes(file, access, "results").toString("utf8"), file, RESULTS_HINT),
  }));
  for (const { result } of results) {
    if (result.action !== "evaluate-gate") continue;
    for (const check of result.checks)
      if (check.slice === undefined && check.value !== null && !Object.hasOwn(metrics, check.metric))
        setOwnEntry(metrics, check.metric, check.value);
  }
  return { assets, artifacts, manifest, results, metrics };
}
