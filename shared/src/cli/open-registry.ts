import { InputError } from "../core/modelgate-error.js";
import type { ModelgateOctokit } from "../github/create-octokit.js";
import type { RegistryStore } from "../registry/registry-store.js";
import { openLocalRegistry } from "./open-local-registry.js";

/**
 * The registry a CLI command works on: the GitHub repository `--repo owner/name` through the API (token from
 * GITHUB_TOKEN or GH_TOKEN, API from GITHUB_API_URL, default api.github.com), else the local repository.
 * @throws InputError when `--repo` is malformed or no token is set.
 */
export async function openRegistry(
  options: { repo?: string; repoDir: string; assetDir?: string },
  env: NodeJS.ProcessEnv = process.env,
): Promise<RegistryStore> {
  if (options.repo === undefined) return openLocalRegistry(options.repoDir, options.assetDir);
  const { octokit, repository } = await openGitHubRepository(options.repo, env);
  const { openGitHubRegistryStore } = await import("../github/github-registry-store.js");
  return openGitHubRegistryStore(octokit, repository);
}

/**
 * An API client for `--repo owner/name` (token from GITHUB_TOKEN or GH_TOKEN, API from GITHUB_API_URL).
 * @throws InputError when `repo` is malformed or no token is set.
 */
export async function openGitHubRepository(
  repo: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ octokit: ModelgateOctokit; repository: { owner: string; repo: string } }> {
  const match = /^([A-Za-z0-9][A-Za-z0-9-]*)\/([A-Za-z0-9._-]+)$/.exec(repo);
  if (!match)
    throw new InputError(
      `--repo is "${repo}"; it must be owner/name.`,
      `Pass the repository as owner/name, e.g. --repo acme/models.`,
      { input: "repo" },
    );
  const token = env.GITHUB_TOKEN || env.GH_TOKEN;
  if (!token) {
    throw new InputError(
      `--repo ${repo} needs a GitHub token, and neither GITHUB_TOKEN nor GH_TOKEN is set.`,
      `Export GITHUB_TOKEN (read access lists and verifies; promote and rollback need contents: write).`,
      { input: "repo" },
    );
  }
  // Loaded only for --repo: Octokit and its HTTP client are most of the CLI's start-up otherwise.
  const { createOctokit } = await import("../github/create-octokit.js");
  const octokit = createOctokit({
    token,
    baseUrl: env.GITHUB_API_URL || "https://api.github.com",
    log: { warning: (message) => void process.stderr.write(`warning: ${message}\n`), debug: () => undefined },
  });
  return { octokit, repository: { owner: match[1]!, repo: match[2]! } };
}
