import type { ModelgateOctokit } from "./create-octokit.js";
import { GitHubApiError } from "../core/modelgate-error.js";
import { readStatus, toGitHubApiError } from "./to-github-api-error.js";

const READ_HINT = "Grant `contents: read` to the job, and check that the ref exists in this repository.";

/**
 * Reads a UTF-8 file of the repository at `ref` through the contents API; undefined when GitHub answers 404.
 * Files over 1 MB come back with `encoding: "none"` and no content; those are fetched again in raw form.
 * @throws GitHubApiError when the path is a directory or GitHub refuses or fails.
 */
export async function readRepoFile(
  octokit: ModelgateOctokit,
  input: { owner: string; repo: string; path: string; ref: string },
): Promise<string | undefined> {
  const where = `${input.owner}/${input.repo}/${input.path}@${input.ref}`;
  try {
    const { data } = await octokit.rest.repos.getContent({
      owner: input.owner,
      repo: input.repo,
      path: input.path,
      ref: input.ref,
    });
    if (Array.isArray(data) || data.type !== "file") {
      throw new GitHubApiError(`${where} is not a file.`, "Point the input at a file, not a directory.");
    }
    if ("encoding" in data && data.encoding === "base64") return Buffer.from(data.content, "base64").toString("utf8");
    const raw: { data: unknown } = await octokit.rest.repos.getContent({ ...input, mediaType: { format: "raw" } });
    // GitHub labels raw content text/plain, which Octokit reads as text; any other type arrives as an ArrayBuffer.
    return typeof raw.data === "string" ? raw.data : Buffer.from(raw.data as ArrayBuffer).toString("utf8");
  } catch (error) {
    if (error instanceof GitHubApiError) throw error;
    if (readStatus(error) === 404) return undefined;
    throw toGitHubApiError(`reading ${where}`, error, READ_HINT);
  }
}
