import { createHash } from "node:crypto";

/** Hex SHA-256 of the exact bytes: the identity `subject` digests and lineage manifests use. */
export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}
