/** What a token may do on the stand-in, as GitHub decides it from the token's owner and permissions. */
export interface TokenGrant {
  kind: "installation" | "user";
  login: string;
  access: "read" | "write";
}

export interface StandInOptions {
  /** Accepted tokens; any other token is answered 401 "Bad credentials". */
  tokens?: Record<string, TokenGrant>;
}

/** One request as the stand-in saw it, in arrival order. */
export interface RecordedRequest {
  method: string;
  /** Path without the query string, as sent (`/repositories/{id}/…` pages stay as sent). */
  path: string;
  /** The matched description route, e.g. "GET /repos/{owner}/{repo}/issues/{issue_number}/comments". */
  route?: string;
  query: Record<string, string>;
  body: unknown;
  status: number;
  token?: string;
}

/** GitHub's `simple-user` object, with the fields the description requires. */
export interface SimpleUser {
  login: string;
  id: number;
  node_id: string;
  type: "User" | "Bot";
  site_admin: boolean;
  [field: string]: unknown;
}

/** An issue comment exactly as the stand-in answers it. */
export interface IssueComment {
  id: number;
  node_id: string;
  url: string;
  html_url: string;
  issue_url: string;
  body: string;
  user: SimpleUser;
  created_at: string;
  updated_at: string;
  author_association: string;
  [field: string]: unknown;
}

/** A label as GitHub embeds it in an issue. */
export interface IssueLabel {
  id: number;
  node_id: string;
  url: string;
  name: string;
  description: string | null;
  color: string;
  default: boolean;
}

/** An issue exactly as the stand-in answers it; `comments` counts the issue's thread and rises with each new comment. */
export interface Issue {
  id: number;
  node_id: string;
  url: string;
  html_url: string;
  number: number;
  state: "open" | "closed";
  state_reason: "completed" | "reopened" | "not_planned" | "duplicate" | null;
  title: string;
  body: string | null;
  user: SimpleUser;
  labels: IssueLabel[];
  assignee: SimpleUser | null;
  assignees: SimpleUser[];
  comments: number;
  closed_at: string | null;
  closed_by: SimpleUser | null;
  created_at: string;
  updated_at: string;
  author_association: string;
  [field: string]: unknown;
}

/** An issue for `seedIssues`: authored by `login`, a Bot when `type` says so or the login ends in "[bot]". */
export interface SeedIssue {
  title: string;
  body: string;
  labels?: string[];
  state?: "open" | "closed";
  login: string;
  type?: "User" | "Bot";
}

export interface CheckRunAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: "notice" | "warning" | "failure";
  message: string;
  title?: string;
  raw_details?: string;
  start_column?: number;
  end_column?: number;
}

/** A check run as stored: GitHub's fields plus every annotation appended so far. */
export interface CheckRun {
  id: number;
  name: string;
  head_sha: string;
  status: string;
  conclusion: string | null;
  started_at: string | null;
  completed_at: string | null;
  details_url: string | null;
  external_id: string | null;
  output: { title: string | null; summary: string | null; text: string | null };
  annotations: CheckRunAnnotation[];
  /** Login of the token that created it. */
  created_by: string;
  /** The app that owns it: `github-actions` for a job of a workflow run and for runs made with GITHUB_TOKEN. */
  app_slug: string;
  check_suite_id: number;
}

/** An annotated tag object as stored. */
export interface GitTagObject {
  sha: string;
  tag: string;
  message: string;
  object: { sha: string; type: "commit" | "tree" | "blob" };
  tagger: { name: string; email: string; date: string };
}

export interface StoredAsset {
  id: number;
  name: string;
  bytes: Buffer;
  content_type: string;
  created_at: string;
  uploader: string;
}

export interface StoredRelease {
  id: number;
  tag_name: string;
  target_commitish: string;
  name: string | null;
  body: string | null;
  draft: boolean;
  prerelease: boolean;
  created_at: string;
  published_at: string | null;
  author: string;
  assets: StoredAsset[];
}

export interface StoredDeploymentStatus {
  id: number;
  state: "error" | "failure" | "inactive" | "in_progress" | "queued" | "pending" | "success";
  description: string;
  log_url: string;
  environment_url: string;
  creator: string;
  created_at: string;
}

export interface StoredDeployment {
  id: number;
  sha: string;
  ref: string;
  task: string;
  environment: string;
  description: string | null;
  payload: unknown;
  creator: string;
  created_at: string;
  transient_environment: boolean;
  production_environment: boolean;
  statuses: StoredDeploymentStatus[];
}

/** A pull request as seeded: its head commit and, once merged, the commit it was merged as. */
export interface StoredPullRequest {
  number: number;
  title: string;
  author: string;
  head_ref: string;
  head_sha: string;
  /** `owner/name`; the repository itself unless from a fork. */
  head_repository: string | null;
  base_ref: string;
  base_sha: string;
  merge_commit_sha: string | null;
  created_at: string;
  merged_at: string | null;
}

/** A commit status as seeded (`POST /statuses/{sha}` by another CI system). */
export interface StoredCommitStatus {
  id: number;
  sha: string;
  context: string;
  state: "error" | "failure" | "pending" | "success";
  creator: string;
  created_at: string;
}

export interface GitHubStandIn {
  url: string;
  requests: RecordedRequest[];
  /** Requests GitHub's description would reject, and stand-in answers that do not match it; tests assert it is empty. */
  violations: string[];
  comments(owner: string, repo: string, issueNumber: number): IssueComment[];
  checkRuns(owner: string, repo: string): CheckRun[];
  /** Accepted workflow_dispatch requests, in order. */
  dispatches(owner: string, repo: string): Array<{ workflow: string; ref: string; inputs: Record<string, unknown> }>;
  /** The repository's issues in creation order (number ascending). */
  issues(owner: string, repo: string): Issue[];
  seedComments(
    owner: string,
    repo: string,
    issueNumber: number,
    comments: Array<{ body: string; login: string; type?: "User" | "Bot"; minimized?: string | null }>,
  ): void;
  /** Hides a comment as a maintainer's "Hide" does (GraphQL `isMinimized`); `reason` as GitHub reports it, e.g. `outdated`. */
  minimizeComment(commentId: number, reason: string | null): void;
  /** Whether the comment is hidden, and why. */
  commentMinimized(commentId: number): { minimized: boolean; reason: string | null };
  /** Creates issues as if opened on GitHub, numbered on from the repository's last issue. */
  seedIssues(owner: string, repo: string, issues: SeedIssue[]): void;
  /** Serves `content` at `GET /repos/{owner}/{repo}/contents/{path}?ref=`; no `ref` means `main`. */
  setFile(owner: string, repo: string, ref: string, path: string, content: string): void;
  /** A finished workflow run of the repository, for `GET …/actions/runs/{run_id}`; returns its jobs' ids (= their check runs' ids). */
  seedWorkflowRun(owner: string, repo: string, run: SeedWorkflowRun): number[];
  /** A completed check run on a commit, made by `app` rather than a job (what any app or API call can create); returns its id. */
  seedCheckRun(owner: string, repo: string, run: SeedCheckRun): number;
  /** An artifact of a seeded run, listed by `GET …/actions/runs/{run_id}/artifacts`; returns its id. */
  seedArtifact(owner: string, repo: string, runId: number, artifact: SeedArtifact): number;
  /** A pull request of the repository, listed by `GET …/pulls`. */
  seedPullRequest(owner: string, repo: string, pull: SeedPullRequest): void;
  /**
   * Answers the next matching, otherwise valid requests with `statuses` in order, then behaves normally.
   * `method` may be "*"; `pathPattern` is tested against `/repos/{owner}/{repo}/…` even for page links.
   * 403/429 bodies say "secondary rate limit", or "API rate limit exceeded" when `x-ratelimit-remaining` is "0".
   */
  failNext(method: string, pathPattern: RegExp, statuses: number[], headers?: Record<string, string>): void;
  /** Makes `sha` an existing commit of the repository (tag objects and refs may point at it). */
  seedCommit(owner: string, repo: string, sha: string): void;
  /** Every ref of the repository, full name to sha, sorted by name. */
  refs(owner: string, repo: string): Array<[string, string]>;
  releases(owner: string, repo: string): StoredRelease[];
  deployments(owner: string, repo: string): StoredDeployment[];
  /** Adds a commit status of `context` on `sha` (newest per context counts), as an outside CI system would. */
  seedCommitStatus(owner: string, repo: string, sha: string, context: string, state: StoredCommitStatus["state"]): void;
  /** Adds a pull request (its head, base and merge commits become existing commits). */
  seedCommitPullRequest(
    owner: string,
    repo: string,
    pull: {
      number: number;
      headSha: string;
      baseSha: string;
      mergeCommitSha?: string;
      title?: string;
      author?: string;
      headRef?: string;
      headRepository?: string;
      baseRef?: string;
    },
  ): void;
  /** Replaces an asset's bytes behind the API's back (what a tampering writer with repository access could do). */
  replaceAssetBytes(owner: string, repo: string, tagName: string, assetName: string, bytes: Uint8Array): void;
  close(): Promise<void>;
}

/** What a route handler answers; the server adds rate-limit and request-id headers. */
export interface StandInResponse {
  status: number;
  /** Sent as JSON and checked against the description. */
  body?: unknown;
  /** Sent as is instead of `body` (a raw media type such as `application/vnd.github.raw`); not checked. */
  text?: string;
  /** Sent as `application/octet-stream` instead of `body` (an asset download); not checked. */
  bytes?: Uint8Array;
  headers?: Record<string, string>;
}

/** A job of a seeded workflow run: its check run shares its id, as on GitHub. */
export interface SeedJob {
  name: string;
  /** null: still running. */
  conclusion: "success" | "failure" | "neutral" | "cancelled" | "skipped" | "timed_out" | "action_required" | null;
}

/** A review of a run's deployment to an environment with required reviewers (`GET …/runs/{run_id}/approvals`). */
export interface SeedApproval {
  environment: string;
  state: "approved" | "rejected" | "pending";
  login: string;
  comment?: string;
}

/** A finished workflow run, as `seedWorkflowRun` declares it. */
export interface SeedWorkflowRun {
  id: number;
  event: string;
  headSha: string;
  headBranch: string;
  /** `owner/name` the head commit came from; the run's own repository unless the pull request is from a fork. */
  headRepository?: string;
  /** Numbers of pull requests GitHub links to the run (open, same repository); GitHub links none for forks. */
  pullRequests?: number[];
  /** The workflow file; default `.github/workflows/pr-fork-safe.yml`. */
  path?: string;
  /** Default: success. */
  conclusion?: "success" | "failure" | "cancelled";
  /** Default: the run's id + 1. */
  checkSuiteId?: number;
  /** Jobs, each with its check run (app github-actions, the run's check suite, the run's head commit). */
  jobs?: SeedJob[];
  /** Reusable workflows the run called, as GitHub lists them (`owner/repo/<file>@<ref>`, the commit); default none. */
  referencedWorkflows?: Array<{ path: string; sha: string; ref?: string }>;
  approvals?: SeedApproval[];
}

/** A check run another app (or an API call) made, as `seedCheckRun` declares it. */
export interface SeedCheckRun {
  name: string;
  headSha: string;
  conclusion: SeedJob["conclusion"];
  /** The app's slug; default github-actions. */
  app?: string;
  /** The check suite it belongs to; default a suite of its own. */
  checkSuiteId?: number;
}

/** An artifact of a seeded run: its zip bytes, served through the download redirect. */
export interface SeedArtifact {
  name: string;
  zip: Buffer;
  expired?: boolean;
  /** What the listing claims, when it should differ from the zip's length. */
  sizeInBytes?: number;
}

/** An open or closed pull request as `seedPullRequest` declares it. */
export interface SeedPullRequest {
  number: number;
  title?: string;
  headSha: string;
  headRef: string;
  /** `owner/name` of the head repository; the base repository unless from a fork. */
  headRepository?: string;
  /** The branch it targets; default main. */
  baseRef?: string;
  state?: "open" | "closed";
  login?: string;
}
