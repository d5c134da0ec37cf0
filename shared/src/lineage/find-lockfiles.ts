import { readdir } from "node:fs/promises";
import path from "node:path";

/** Files that pin a project's dependencies, by ecosystem; found by name, no input needed. */
const LOCKFILE_NAMES = [
  "package-lock.json",
  "npm-shrinkwrap.json",
  "yarn.lock",
  "pnpm-lock.yaml",
  "bun.lockb",
  "bun.lock",
  "poetry.lock",
  "uv.lock",
  "Pipfile.lock",
  "pdm.lock",
  "conda-lock.yml",
  "environment.yml",
  "environment.yaml",
  "Cargo.lock",
  "go.sum",
  "Gemfile.lock",
  "renv.lock",
  "composer.lock",
  "Manifest.toml",
];
const LOCKFILE_PATTERNS = [/^requirements.*\.txt$/, /^constraints.*\.txt$/];

/**
 * Workspace-relative paths of lockfiles in the working directory and the workspace root (where
 * monorepos and single projects keep them), sorted and without duplicates.
 */
export async function findLockfiles(workspace: string, workingDirectory: string): Promise<string[]> {
  const found = new Set<string>();
  for (const folder of new Set([workspace, workingDirectory])) {
    const names = await readdir(folder, { withFileTypes: true }).catch(() => []);
    for (const entry of names) {
      if (!entry.isFile() || !isLockfileName(entry.name)) continue;
      found.add(path.relative(workspace, path.join(folder, entry.name)).split(path.sep).join("/"));
    }
  }
  return [...found].sort();
}

export function isLockfileName(name: string): boolean {
  return LOCKFILE_NAMES.includes(name) || LOCKFILE_PATTERNS.some((p) => p.test(name));
}
