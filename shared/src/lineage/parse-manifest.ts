import { DataError } from "../core/modelgate-error.js";
import type { Manifest } from "./manifest.js";
import { MANIFEST_SCHEMA } from "./manifest.js";

/**
 * Parses a manifest written by this action (a baseline, or one restored from the cache): JSON with
 * `schema: modelgate.manifest/v1` and the path lists a diff reads.
 * @throws DataError naming the file when it is not such a manifest.
 */
export function parseManifestText(text: string, name: string, input = "baseline-manifest"): Manifest {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (cause) {
    throw new DataError(
      `${name} is not valid JSON, so it is not a lineage manifest.`,
      `Point ${input} at a manifest train-reproducibly wrote (${MANIFEST_SCHEMA}).`,
      { file: name, input },
      { cause },
    );
  }
  const manifest = document as Partial<Manifest> | null;
  const lists = ["inputs", "outputs", "params", "lockfiles"] as const;
  if (
    manifest?.schema !== MANIFEST_SCHEMA ||
    lists.some((l) => !Array.isArray(manifest[l])) ||
    typeof manifest.environment !== "object" ||
    typeof manifest.seed !== "object"
  ) {
    throw new DataError(
      `${name} is not a ${MANIFEST_SCHEMA} manifest (schema is ${JSON.stringify(manifest?.schema ?? null)}).`,
      `Point ${input} at a manifest train-reproducibly wrote${input === "baseline-manifest" ? ", e.g. from the production model's artifact" : ""}.`,
      { file: name, input, path: "schema" },
    );
  }
  return manifest as Manifest;
}
