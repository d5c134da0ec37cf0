import { lstat, readlink } from "node:fs/promises";
import path from "node:path";
import { sha256Hex } from "../core/digest.js";
import { DataError } from "../core/modelgate-error.js";
import { compareBytes, computeFolderDigest } from "./folder-digest.js";
import { hashFile } from "../data/files/hash-file.js";
import { mapLimited } from "./map-limited.js";
import type { DirtyFile } from "./manifest.js";
import { walkFiles } from "./walk-files.js";

/**
 * The content digest of each dirty path (relative to the repository root `top`), sorted in byte order:
 * a file's sha256, a symbolic link's target text's sha256 (git stores the link, not what it points at),
 * a folder's (a submodule or a nested repository) digest as `computeFolderDigest` without `.git`, and
 * null for a path that no longer exists.
 * @param known digests already computed (absolute path → sha256), e.g. of the inputs, not read twice.
 */
export async function dirtyFileDigests(
  top: string,
  paths: readonly string[],
  known: ReadonlyMap<string, string>,
): Promise<DirtyFile[]> {
  const sorted = [...paths].sort(compareBytes);
  return mapLimited(sorted, 4, async (relative) => ({
    path: relative,
    sha256: await digestOf(path.join(top, relative), known),
  }));
}

async function digestOf(absolute: string, known: ReadonlyMap<string, string>): Promise<string | null> {
  const info = await lstat(absolute).catch(() => undefined);
  if (!info) return null;
  if (info.isSymbolicLink()) return sha256Hex(await readlink(absolute));
  if (info.isDirectory()) {
    const files = (await walkFiles(absolute)).filter((f) => f !== ".git" && !f.startsWith(".git/"));
    return computeFolderDigest(
      await mapLimited(files, 4, async (file) => ({ path: file, ...(await hashFile(path.join(absolute, file))) })),
    ).sha256;
  }
  if (!info.isFile()) return null;
  const digest = known.get(absolute) ?? (await hashFile(absolute).catch(() => undefined))?.sha256;
  if (digest === undefined) {
    throw new DataError(
      `${absolute} is an uncommitted change in the checkout but cannot be read, so the run's lineage cannot record it.`,
      "Make the file readable, commit it, delete it, or list it in .gitignore if the run does not depend on it.",
      { file: absolute },
    );
  }
  return digest;
}
