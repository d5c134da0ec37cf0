import { computeLineageSha256 } from "./lineage-digest.js";
import type { Manifest } from "./manifest.js";
import { MANIFEST_SCHEMA } from "./manifest.js";

/** Everything a manifest records, as captured; `buildManifest` adds the schema and the lineage digest. */
export type ManifestParts = Omit<Manifest, "schema" | "lineage_sha256" | "restored_by">;

/** Assembles a `modelgate.manifest/v1` and seals it with its `lineage_sha256` (pure). */
export function buildManifest(parts: ManifestParts): Manifest {
  const unsealed = { schema: MANIFEST_SCHEMA, ...parts } as const;
  return { ...unsealed, lineage_sha256: computeLineageSha256(unsealed) };
}
