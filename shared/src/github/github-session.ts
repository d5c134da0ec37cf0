import { GitHubApiError } from "../core/modelgate-error.js";
import type { ActionResult } from "../report/action-result.js";
import type { CommonInputs } from "./common-inputs.js";
import type { GitHubClient } from "./github-client.js";
import type { RunContext } from "./read-run-context.js";
import type { SessionLog } from "./session-log.js";

/** The GitHub side of one run: reading a file at the base branch, publishing a result. */
export interface GitHubSession {
  readRepoFile(repoPath: string, ref: string): Promise<string | undefined>;
  /** Writes the sticky comment and check run the inputs ask for; returns the comment's URL. */
  publish(result: ActionResult, markdown: string): Promise<string | undefined>;
  /** The API client, connected on first use; `purpose` completes "modelgate cannot …" when there is no token. */
  client(purpose: string): Promise<GitHubClient>;
}

/**
 * Opens a session whose API client is loaded only when a run first needs it, so runs that only write
 * the job summary (push events, comment: never) do not pay for loading Octokit at start-up.
 */
export function openGitHubSession(context: RunContext, common: CommonInputs, log: SessionLog): GitHubSession {
  let client: Promise<GitHubClient> | undefined;
  const connect = (purpose: string): Promise<GitHubClient> => {
    if (!common.githubToken) {
      return Promise.reject(
        new GitHubApiError(
          `No github-token was given, so modelgate cannot ${purpose}.`,
          "Keep the default github-token (${{ github.token }}) or pass a token with the permissions listed in action-catalog.md.",
        ),
      );
    }
    const token = common.githubToken;
    client ??= import("./github-client.js").then((m) =>
      m.connectGitHub({ token, context, commentAuthor: common.commentAuthor, log }),
    );
    return client;
  };
  return {
    client: connect,
    async readRepoFile(repoPath, ref) {
      return (await connect(`read ${repoPath} at the base branch`)).readRepoFile(repoPath, ref);
    },
    async publish(result, markdown) {
      const pr = context.pullRequest;
      const wantComment = common.comment === "always" || (common.comment === "auto" && pr !== undefined);
      if (wantComment && !pr)
        log.warning(
          `comment: always was set, but ${context.eventName || "this event"} is not a pull request event; no comment was written.`,
        );
      let url: string | undefined;
      if (wantComment && pr)
        url = await attempt(log, "write the PR comment", async () =>
          (await connect("comment")).upsertComment(pr.number, result, markdown),
        );
      if (common.checkRun)
        await attempt(log, "create the check run", async () =>
          (await connect("create a check run")).createCheckRun(pr?.headSha ?? context.sha, result, markdown),
        );
      return url;
    },
  };
}

async function attempt<T>(log: SessionLog, what: string, work: () => Promise<T>): Promise<T | undefined> {
  try {
    return await work();
  } catch (error) {
    const reason =
      error instanceof GitHubApiError
        ? `${error.message} ${error.hint}`
        : error instanceof Error
          ? error.message
          : String(error);
    log.warning(
      `modelgate could not ${what}; the verdict is unchanged and the report is in the job summary. ${reason}`,
    );
    return undefined;
  }
}
