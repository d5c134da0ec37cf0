import type { ModelgateOctokit } from "./create-octokit.js";
import { toGitHubApiError } from "./to-github-api-error.js";

/** The REST login of comments written with GITHUB_TOKEN. */
export const GITHUB_ACTIONS_LOGIN = "github-actions[bot]";

/**
 * Who writes our comments and issues: the login without the `[bot]` suffix, lower-cased, and whether it is a bot
 * account (`undefined` when neither the token nor the login says).
 */
export interface CommentAuthor {
  login: string;
  bot: boolean | undefined;
  /** Where the login came from, for the log. */
  source: "override" | "viewer";
}

/** The GraphQL query that names a token's own account; it needs no permission beyond a valid token. */
export const VIEWER_QUERY = "query modelgateViewer { viewer { login } }";

const HINT = "Set the comment-author input to the login the comments are written by (e.g. my-app[bot]).";

// One answer per client: a run asks GitHub once, however many comments it writes.
const cache = new WeakMap<ModelgateOctokit, Promise<CommentAuthor>>();

/**
 * Decides whose comments are ours, so we only ever adopt our own: `override` (the `comment-author` input) when
 * given, else the token's own account from GraphQL `viewer { login }`, which answers for GITHUB_TOKEN
 * (`github-actions`), another App's installation token (`<app-slug>`) and personal tokens alike, where REST
 * `GET /user` refuses installation tokens. Asked once per client.
 * @throws GitHubApiError when GitHub does not answer the viewer query.
 */
export function findCommentAuthor(
  octokit: ModelgateOctokit,
  options: { token: string; override?: string | undefined },
): Promise<CommentAuthor> {
  const override = options.override?.trim();
  if (override) {
    // The override is taken as REST spells it: `my-app[bot]` is the bot, `my-app` the user.
    const named = normaliseLogin(override);
    return Promise.resolve({ login: named.login, bot: named.bot ?? false, source: "override" });
  }
  let answer = cache.get(octokit);
  if (!answer) {
    answer = readViewer(octokit, options.token);
    // A failed answer is not kept: the next write may ask again.
    answer.catch(() => cache.delete(octokit));
    cache.set(octokit, answer);
  }
  return answer;
}

async function readViewer(octokit: ModelgateOctokit, token: string): Promise<CommentAuthor> {
  let login: unknown;
  try {
    const data = await octokit.graphql<{ viewer?: { login?: unknown } }>(VIEWER_QUERY);
    login = data.viewer?.login;
  } catch (error) {
    throw toGitHubApiError("reading the token's own login (GraphQL viewer)", error, HINT);
  }
  if (typeof login !== "string" || login === "")
    throw toGitHubApiError(
      "reading the token's own login (GraphQL viewer)",
      new Error("the answer has no viewer.login"),
      HINT,
    );
  const named = normaliseLogin(login);
  return { login: named.login, bot: named.bot ?? tokenIsBot(token), source: "viewer" };
}

/** Splits a login as REST (`name[bot]`) or GraphQL (`name`) spells it into the bare, lower-cased name and bot-ness. */
export function normaliseLogin(login: string): { login: string; bot: boolean | undefined } {
  const trimmed = login.trim().toLowerCase();
  const bot = trimmed.endsWith("[bot]");
  return { login: bot ? trimmed.slice(0, -"[bot]".length) : trimmed, bot: bot ? true : undefined };
}

/**
 * Whether a token writes as a bot, read from GitHub's token prefixes: `ghs_` installation tokens (GITHUB_TOKEN and
 * other Apps') write as `<slug>[bot]`; personal (`ghp_`, `github_pat_`), OAuth (`gho_`) and App user (`ghu_`) tokens
 * write as the user. Other tokens (GHES legacy, stand-ins) say nothing.
 */
export function tokenIsBot(token: string): boolean | undefined {
  if (token.startsWith("ghs_")) return true;
  if (/^(ghp_|github_pat_|gho_|ghu_)/.test(token)) return false;
  return undefined;
}

/** Whether a REST login (`user.login` of a comment or issue) is the author's: GitHub logins are case-insensitive. */
export function isCommentAuthor(restLogin: string | undefined, author: CommentAuthor): boolean {
  if (restLogin === undefined) return false;
  const named = normaliseLogin(restLogin);
  if (named.login !== author.login) return false;
  // A user `foo` and the App bot `foo[bot]` are different accounts; tell them apart whenever we know which we are.
  return author.bot === undefined || (named.bot === true) === author.bot;
}

/** The author as REST spells it, for messages. */
export function describeCommentAuthor(author: CommentAuthor): string {
  return author.bot === true ? `${author.login}[bot]` : author.login;
}
