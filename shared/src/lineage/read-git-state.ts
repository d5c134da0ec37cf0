import type { GitState } from "./manifest.js";
import type { ProcessProbe } from "./process-probe.js";

/**
 * The git state of the checkout: repository (GITHUB_REPOSITORY, else the origin URL without
 * credentials), HEAD's sha, the ref (GITHUB_REF, else the branch), and the dirty files from
 * `git status --porcelain` (the outputs a run writes count as dirty unless .gitignore'd).
 */
export async function readGitState(probe: ProcessProbe, cwd: string): Promise<GitState> {
  const sha = (await probe.run("git", ["rev-parse", "HEAD"], cwd))?.trim() || null;
  const status = sha === null ? undefined : await probe.run("git", ["status", "--porcelain=v1", "--untracked-files=all"], cwd);
  const dirtyFiles = (status ?? "")
    .split("\n")
    .filter((l) => l.length > 3)
    .map((l) => l.slice(3).replace(/^"(.*)"$/, "$1"))
    .sort();
  const branch = sha === null ? undefined : (await probe.run("git", ["symbolic-ref", "-q", "HEAD"], cwd))?.trim();
  const origin = sha === null ? undefined : (await probe.run("git", ["remote", "get-url", "origin"], cwd))?.trim();
  return {
    repository: probe.env.GITHUB_REPOSITORY || (origin ? stripCredentials(origin) : null),
    sha,
    ref: probe.env.GITHUB_REF || branch || null,
    dirty: dirtyFiles.length > 0,
    dirty_files: dirtyFiles,
  };
}

/** `https://user:token@host/x.git` → `https://host/x.git`: a manifest is published, a token must not be. */
function stripCredentials(url: string): string {
  return url.replace(/^(\w+:\/\/)[^@/]*@/, "$1");
}
