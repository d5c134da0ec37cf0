import path from "node:path";
import { DataError } from "../core/modelgate-error.js";
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
export async function readGitState(
  probe: ProcessProbe,
  cwd: string,
  isOwnFile: OwnFileTest,
  known: ReadonlyMap<string, string> = new Map(),
): Promise<GitState> {
  const top = (await probe.run("git", ["rev-parse", "--show-toplevel"], cwd))?.trim() || null;
  if (top === null) await refuseUnreadableRepository(probe, cwd);
  const sha =
    top === null ? null : (await probe.run("git", ["rev-parse", "--verify", "-q", "HEAD"], cwd))?.trim() || null;
  const status =
    top === null ? undefined : await probe.run("git", ["status", "--porcelain=v1", "-z", "--untracked-files=all"], cwd);
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
 * A checkout git will not read (owned by another user — git's "dubious ownership" — or git missing) must not
 * be recorded as "not a repository": the manifest would lose its commit and its dirty files without a word.
 * Throws when a `.git` entry exists at `cwd` or above.
 */
async function refuseUnreadableRepository(probe: ProcessProbe, cwd: string): Promise<void> {
  let dir = path.resolve(cwd);
  for (;;) {
    if (probe.exists(path.join(dir, ".git"))) {
      const gitMissing = (await probe.run("git", ["--version"], cwd)) === undefined;
      throw new DataError(
        gitMissing
          ? `${dir} is a git repository, but git is not installed, so the run's commit and uncommitted files cannot be recorded.`
          : `git refused to read the repository at ${dir} (for example "detected dubious ownership": the checkout belongs to another user), so the run's commit and uncommitted files cannot be recorded.`,
        gitMissing
          ? "Install git on the runner (or in the job's container) before train-reproducibly."
          : `Mark the checkout as safe before this step: git config --global --add safe.directory "${dir}" (actions/checkout does this for the workspace; a job container or another user's checkout needs it).`,
        { file: dir },
      );
    }
    const parent = path.dirname(dir);
    if (parent === dir) return;
    dir = parent;
  }
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
