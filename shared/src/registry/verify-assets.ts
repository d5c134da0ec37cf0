import { sha256Hex } from "../core/digest.js";
import { RegistryError } from "./registry-error.js";
import type { ArtifactRecord } from "./registry-records.js";
import type { RegistryStore } from "./registry-store.js";

/**
 * Reads one stored artifact of `versionTag` and checks its sha256 and size against the record.
 * @throws RegistryError when the asset is missing or its bytes differ from the record (tampered or replaced).
 */
export async function readVerifiedAsset(
  store: RegistryStore,
  versionTag: string,
  artifact: ArtifactRecord,
): Promise<Uint8Array> {
  const bytes = await store.readAsset(versionTag, artifact.name);
  if (bytes === undefined) {
    throw new RegistryError(
      `Artifact ${artifact.name} of ${versionTag} is missing from the artifact store (${artifact.uri}).`,
      `Restore the asset with its original bytes (sha256 ${artifact.sha256}), or choose another version.`,
      { path: artifact.name },
    );
  }
  const digest = sha256Hex(bytes);
  if (digest !== artifact.sha256 || bytes.byteLength !== artifact.bytes) {
    throw new RegistryError(
      `Artifact ${artifact.name} of ${versionTag} has sha256 ${digest} (${bytes.byteLength} bytes), but the version record says ${artifact.sha256} (${artifact.bytes} bytes): it was changed after promotion.`,
      `Do not deploy it. Restore the original asset (sha256 ${artifact.sha256}) or choose another version.`,
      { path: artifact.name },
    );
  }
  return bytes;
}

/** Checks every artifact of a version record; the first mismatch throws. */
export async function verifyVersionAssets(
  store: RegistryStore,
  versionTag: string,
  artifacts: readonly ArtifactRecord[],
): Promise<void> {
  for (const artifact of artifacts) await readVerifiedAsset(store, versionTag, artifact);
}
