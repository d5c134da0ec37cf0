import { sha256Hex } from "../core/digest.js";
import { toCanonicalJson } from "../core/canonical-json.js";
import type { Manifest } from "./manifest.js";
import { VOLATILE_KEYS } from "./manifest.js";

/**
 * `lineage_sha256`: SHA-256 of the manifest's canonical JSON (sorted keys, two-space indent, trailing
 * newline) without the volatile fields, so two identical runs share it and any change of code, data,
 * params, environment, seed or outputs changes it.
 */
export function computeLineageSha256(manifest: Omit<Manifest, "lineage_sha256"> | Manifest): string {
  const stable: Record<string, unknown> = { ...manifest };
  for (const key of VOLATILE_KEYS) delete stable[key];
  return sha256Hex(toCanonicalJson(stable));
}
