import { stat } from "node:fs/promises";
import path from "node:path";
import { DataError } from "../core/modelgate-error.js";
import { realpathOrSelf } from "../data/files/resolve-input-path.js";
import { compareBytes, computeFolderDigest } from "./folder-digest.js";
import type { GlobPattern } from "./glob-pattern.js";
import { hashFile } from "../data/files/hash-file.js";
import { mapLimited } from "./map-limited.js";
import type { PathDigest } from "./manifest.js";
import { walkFiles } from "./walk-files.js";

export interface HashPathsOptions {
  /** The input the patterns came from (`inputs`, `outputs`, `params`), named in errors. */
  input: string;
  /** Patterns resolve against this folder (the command's working directory). */
  base: string;
  /** Paths in the manifest are relative to this folder; nothing outside it may be hashed. */
  workspace: string;
  /** A pattern that matches nothing is an error unless this is set. */
  allowEmpty: boolean;
  /** Receives every file's digest (inside folders too) by absolute real path, for reuse by later hashing. */
  digests?: Map<string, string>;
}

/** Files hashed at once: enough to keep a disk busy, few enough not to thrash it. */
const CONCURRENT_FILES = 4;

/**
 * Hashes what the patterns name: each matched file on its own, a literal folder as one entry with its
 * file count (`computeFolderDigest`). Sorted by path, so the manifest is the same on every run.
 * @throws DataError for a path outside the workspace, or a pattern matching nothing (unless allowEmpty).
 */
export async function hashPaths(patterns: readonly GlobPattern[], options: HashPathsOptions): Promise<PathDigest[]> {
  const selected = new Map<string, "file" | "folder">();
  for (const pattern of patterns) {
    const matches = await matchPattern(pattern, options);
    if (matches.size === 0 && !pattern.negated && !options.allowEmpty) {
      throw new DataError(
        `Input "${options.input}": ${JSON.stringify(pattern.text)} matches nothing in ${toDisplay(options.base, options.workspace)}.`,
        `Fix the path or pattern (relative to working-directory), make sure the step that creates it ran, or set allow-empty: true.`,
        { input: options.input, file: pattern.text },
      );
    }
    for (const [file, kind] of matches) {
      if (pattern.negated) selected.delete(file);
      else selected.set(file, kind);
    }
  }
  const paths = [...selected.keys()].sort(compareBytes);
  const root = realpathOrSelf(options.workspace);
  const hash = async (relative: string) => {
    const digest = await hashFile(path.join(root, relative));
    options.digests?.set(path.join(root, relative), digest.sha256);
    return digest;
  };
  return mapLimited(paths, CONCURRENT_FILES, (relative) => hashOne(relative, selected.get(relative)!, root, hash));
}

async function hashOne(
  relative: string,
  kind: "file" | "folder",
  root: string,
  hash: (relative: string) => Promise<{ sha256: string; bytes: number }>,
): Promise<PathDigest> {
  if (kind === "file") return { path: relative, ...(await hash(relative)) };
  const files = await walkFiles(path.join(root, relative));
  const entries = await mapLimited(files, CONCURRENT_FILES, async (file) => ({
    path: file,
    ...(await hash(`${relative}/${file}`)),
  }));
  return { path: relative, ...computeFolderDigest(entries) };
}

/** Workspace-relative paths a pattern matches: files for globs, a file or a folder for a literal path. */
async function matchPattern(pattern: GlobPattern, options: HashPathsOptions): Promise<Map<string, "file" | "folder">> {
  const root = confine(path.resolve(options.base, pattern.base), pattern.text, options);
  const found = new Map<string, "file" | "folder">();
  const info = await stat(root).catch(() => undefined);
  if (!info) return found;
  const relativeRoot = toDisplay(root, options.workspace);
  if (pattern.regexp === null) {
    if (info.isFile() || info.isDirectory()) found.set(relativeRoot, info.isFile() ? "file" : "folder");
    return found;
  }
  if (!info.isDirectory()) return found;
  const prefix = pattern.base === "." ? "" : `${pattern.base.replace(/^\.\//, "")}/`;
  for (const file of await walkFiles(root)) {
    if (!pattern.regexp.test(prefix + file)) continue;
    const relative = relativeRoot === "." ? file : `${relativeRoot}/${file}`;
    confine(path.join(options.workspace, relative), pattern.text, options);
    found.set(relative, "file");
  }
  return found;
}

function confine(absolute: string, given: string, options: HashPathsOptions): string {
  const real = realpathOrSelf(absolute);
  const workspace = realpathOrSelf(options.workspace);
  if (real !== workspace && !real.startsWith(workspace + path.sep)) {
    throw new DataError(
      `Input "${options.input}": ${JSON.stringify(given)} points outside the workspace (it resolves to ${real}).`,
      `Name paths inside the checked-out repository (${options.workspace}); write outputs there, not to ${path.dirname(real)}.`,
      { input: options.input, file: given },
    );
  }
  return absolute;
}

function toDisplay(absolute: string, workspace: string): string {
  const relative = path.relative(realpathOrSelf(workspace), realpathOrSelf(absolute)).split(path.sep).join("/");
  return relative === "" ? "." : relative;
}
