import { statSync } from "node:fs";
import path from "node:path";
import { openLocalGitStore } from "../registry/local-git-store.js";
import { RegistryError } from "../registry/registry-error.js";
import type { RegistryStore } from "../registry/registry-store.js";
import { runGit } from "../registry/run-git.js";

/**
 * The registry of the local git repository at `repoDir`; artifacts go to `assetDir`, by default
 * `<git common dir>/modelgate/artifacts` (inside .git, so never committed).
 * @throws RegistryError when `repoDir` is not a folder or not inside a git repository.
 */
export async function openLocalRegistry(
  repoDir: string,
  assetDir?: string,
  env?: NodeJS.ProcessEnv,
): Promise<RegistryStore> {
  // git would be spawned in a folder that is not there, and node reports that as "spawn git ENOENT".
  if (!statSync(repoDir, { throwIfNoEntry: false })?.isDirectory()) {
    throw new RegistryError(
      `--repo-dir ${repoDir} is not a folder (looked at ${path.resolve(repoDir)}).`,
      `Pass the folder of the git repository that holds the registry.`,
      { input: "repo-dir" },
    );
  }
  const output = await runGit(repoDir, ["rev-parse", "--path-format=absolute", "--git-common-dir"], { env });
  if (output.code !== 0) {
    throw new RegistryError(
      `${repoDir} is not inside a git repository.`,
      `Run the command inside the repository, or pass --repo-dir.`,
      { input: "repo-dir" },
    );
  }
  const commonDir = output.stdout.toString("utf8").trim();
  return openLocalGitStore({ repoDir, assetDir: assetDir ?? path.join(commonDir, "modelgate", "artifacts"), env });
}
