import path from "node:path";
import { dirtyFileDigests } from "./dirty-files.js";
import type { GitState } from "./manifest.js";
import type { OwnFileTest } from "./own-files.js";
import type { ProcessProbe } from "./process-probe.js";

/**
 * The git state of the checkout: repository (GITHUB_REPOSITORY, else the origin URL without
 * credentials), HEAD's sha, the ref (GITHUB_REF, else the branch), and the dirty files — every path
 * `git status` lists (modified, staged, deleted, renamed, untracked and not ignored) except the run's own
 * files — each with its content digest, so an uncommitted edit changes the lineage and an unchanged
 * checkout repeats it.
 * @param known sha256 of files already hashed (absolute path → digest), not hashed twice.
 */
export async function readGitState(probe: ProcessProbe, cwd: string, isOwnFile: OwnFileTest, known: ReadonlyMap<string, string> = new Map()): Promise<GitState> {
  const top = (await probe.run("git", ["rev-parse", "--show-toplevel"], cwd))?.trim() || null;
  const sha = top === null ? null : (await probe.run("git", ["rev-parse", "--verify", "-q", "HEAD"], cwd))?.trim() || null;
  const status = top === null ? undefined : await probe.run("git", ["status", "--porcelain=v1", "-z", "--untracked-files=all"], cwd);
  const listed = parsePorcelainZ(status ?? "").filter((p) => !isOwnFile(path.join(top!, p)));
  const dirtyFiles = top === null ? [] : await dirtyFileDigests(top, listed, known);
  const branch = top === null ? undefined : (await probe.run("git", ["symbolic-ref", "-q", "HEAD"], cwd))?.trim();
  const origin = top === null ? undefined : (await probe.run("git", ["remote", "get-url", "origin"], cwd))?.trim();
  return {
    repository: probe.env.GITHUB_REPOSITORY || (origin ? stripCredentials(origin) : null),
    sha,
    ref: probe.env.GITHUB_REF || branch || null,
    dirty: dirtyFiles.length > 0,
    dirty_files: dirtyFiles,
  };
}

/**
 * Paths of `git status --porcelain=v1 -z` (`XY path\0`, a rename or copy followed by `from\0`; no quoting),
 * relative to the repository root; both sides of a rename (the old path is gone from the tree), the copy of a copy.
 */
export function parsePorcelainZ(output: string): string[] {
  const fields = output.split("\0");
  const paths = new Set<string>();
  for (let i = 0; i < fields.length; i++) {
    const entry = fields[i]!;
    if (entry.length < 4) continue;
    paths.add(entry.slice(3).replace(/\/$/, ""));
    if (entry[0] === "R") paths.add(fields[++i]!);
    else if (entry[0] === "C") i++;
  }
  return [...paths];
}

/** `https://user:token@host/x.git` → `https://host/x.git`: a manifest is published, a token must not be. */
function stripCredentials(url: string): string {
  return url.replace(/^(\w+:\/\/)[^@/]*@/, "$1");
}
