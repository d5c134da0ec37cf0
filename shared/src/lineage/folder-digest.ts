import { sha256Hex } from "../core/digest.js";

/** One file inside a hashed folder: its path relative to the folder, `/`-separated, and its digest. */
export interface FolderEntry {
  path: string;
  sha256: string;
  bytes: number;
}

/**
 * The digest of a folder: SHA-256 of `sha256sum`'s output over its files sorted by path in byte order
 * (`<sha256>  <path>\n` per file), so anyone can recompute it with
 * `cd <folder> && find . -type f -printf '%P\n' | LC_ALL=C sort | xargs -d '\n' sha256sum | sha256sum`.
 * Renaming, adding or removing a file changes it; file times and permissions do not.
 */
export function computeFolderDigest(entries: readonly FolderEntry[]): { sha256: string; bytes: number; files: number } {
  const sorted = [...entries].sort((a, b) => compareBytes(a.path, b.path));
  const listing = sorted.map((e) => `${e.sha256}  ${e.path}\n`).join("");
  return { sha256: sha256Hex(listing), bytes: sorted.reduce((sum, e) => sum + e.bytes, 0), files: sorted.length };
}

/** Byte-order comparison of UTF-8 paths (what `LC_ALL=C sort` does), not locale order. */
export function compareBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
}
