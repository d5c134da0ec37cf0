import type {
  CheckRun,
  GitTagObject,
  Issue,
  IssueComment,
  IssueLabel,
  SeedArtifact,
  SeedJob,
  SeedPullRequest,
  SeedWorkflowRun,
  StoredCommitStatus,
  StoredDeployment,
  StoredPullRequest,
  StoredRelease,
} from "./stand-in-types.js";

/** An artifact as stored: what was seeded, its id and run, and the signature of its storage URL. */
export interface StoredArtifact extends SeedArtifact {
  id: number;
  runId: number;
  signature: string;
}

/** A job of a seeded run; its id is its check run's id. */
export interface StoredJob extends SeedJob {
  id: number;
  runId: number;
}

export interface RepoState {
  id: number;
  owner: string;
  repo: string;
  comments: Map<number, IssueComment[]>;
  checkRuns: CheckRun[];
  /** In creation order, so `issues[n - 1]` is issue n. */
  issues: Issue[];
  /** Keyed by lower-cased name: GitHub's label names are case-insensitive. */
  labels: Map<string, IssueLabel>;
  /** Keyed by `${ref}\0${path}`. */
  files: Map<string, string>;
  runs: Map<number, SeedWorkflowRun>;
  artifacts: StoredArtifact[];
  pulls: SeedPullRequest[];
  /** Accepted workflow_dispatch requests, in order. */
  dispatches: Array<{ workflow: string; ref: string; inputs: Record<string, unknown> }>;
  /** Commit shas that exist (seeded by tests); tags and refs may only point at these or at tag objects. */
  commits: Set<string>;
  /** Full ref name (`refs/tags/x`) to the sha it points at. */
  refs: Map<string, string>;
  /** Annotated tag objects by sha. */
  tagObjects: Map<string, GitTagObject>;
  releases: StoredRelease[];
  deployments: StoredDeployment[];
  /** Pull requests as the commits/{sha}/pulls route answers them (merged or open, by head or merge commit). */
  commitPulls: StoredPullRequest[];
  statuses: StoredCommitStatus[];
  /** Jobs by id (= their check runs' ids). */
  jobs: Map<number, StoredJob>;
}

/** Everything the stand-in remembers, created on first mention of a repository (GitHub repos "exist" here). */
export class StandInState {
  private readonly repos = new Map<string, RepoState>();
  /** Hidden comments (GraphQL `isMinimized`) by comment id; REST does not show it. */
  private readonly minimized = new Map<number, string | null>();
  private nextRepositoryId = 500_000_001;
  // Real ids: comment ids passed 2^31 in 2024 and check-run ids are near 3e10, so int32 assumptions fail here too.
  private nextCommentId = 2_500_000_001;
  private nextCheckRunId = 30_000_000_001;
  // Issue ids passed 2^31 as well; label ids are past 2^32.
  private nextIssueId = 3_000_000_001;
  private nextLabelId = 8_000_000_001;
  // Artifact ids passed 2^31 in 2024 as well.
  private nextArtifactId = 2_200_000_001;
  // Release and asset ids share one counter here; both are past 2^31 on GitHub.
  private nextReleaseId = 2_200_000_001;
  private nextCheckSuiteId = 40_000_000_001;

  repo(owner: string, repo: string): RepoState {
    const key = `${owner.toLowerCase()}/${repo.toLowerCase()}`;
    let state = this.repos.get(key);
    if (!state) {
      state = {
        id: this.nextRepositoryId++,
        owner,
        repo,
        comments: new Map(),
        checkRuns: [],
        issues: [],
        labels: new Map(),
        files: new Map(),
        runs: new Map(),
        artifacts: [],
        pulls: [],
        dispatches: [],
        commits: new Set(),
        refs: new Map(),
        tagObjects: new Map(),
        releases: [],
        deployments: [],
        commitPulls: [],
        statuses: [],
        jobs: new Map(),
      };
      this.repos.set(key, state);
    }
    return state;
  }

  /** GitHub's pagination links use `/repositories/{id}/…`; this maps the id back. */
  repoById(id: number): RepoState | undefined {
    for (const state of this.repos.values()) if (state.id === id) return state;
    return undefined;
  }

  issueComments(owner: string, repo: string, issueNumber: number): IssueComment[] {
    const comments = this.repo(owner, repo).comments;
    let list = comments.get(issueNumber);
    if (!list) {
      list = [];
      comments.set(issueNumber, list);
    }
    return list;
  }

  findComment(owner: string, repo: string, commentId: number): IssueComment | undefined {
    for (const list of this.repo(owner, repo).comments.values()) {
      const found = list.find((comment) => comment.id === commentId);
      if (found) return found;
    }
    return undefined;
  }

  /** A comment by its GraphQL node id (`IC_…`), in any repository. */
  findCommentByNodeId(nodeId: string): IssueComment | undefined {
    for (const state of this.repos.values()) {
      for (const list of state.comments.values()) {
        const found = list.find((comment) => comment.node_id === nodeId);
        if (found) return found;
      }
    }
    return undefined;
  }

  /** Marks a comment hidden as a maintainer's "Hide" does; GitHub's reasons read `outdated`, `resolved`, `off-topic`, … */
  minimizeComment(commentId: number, reason: string | null): void {
    this.minimized.set(commentId, reason);
  }

  /** Undefined while the comment is visible; its reason (or null) once hidden. */
  minimizedReason(commentId: number): string | null | undefined {
    return this.minimized.get(commentId);
  }

  findIssue(owner: string, repo: string, issueNumber: number): Issue | undefined {
    return this.repo(owner, repo).issues.find((issue) => issue.number === issueNumber);
  }

  /** Issue numbers count from 1 per repository; the stand-in has no pull requests to share them with. */
  issueNumber(owner: string, repo: string): number {
    return this.repo(owner, repo).issues.length + 1;
  }

  issueId(): number {
    return this.nextIssueId++;
  }

  labelId(): number {
    return this.nextLabelId++;
  }

  artifactId(): number {
    return this.nextArtifactId++;
  }

  /** An artifact of any repository by id: storage URLs name no repository. */
  findArtifact(id: number): StoredArtifact | undefined {
    for (const state of this.repos.values()) {
      const found = state.artifacts.find((artifact) => artifact.id === id);
      if (found) return found;
    }
    return undefined;
  }

  commentId(): number {
    return this.nextCommentId++;
  }

  releaseId(): number {
    return this.nextReleaseId++;
  }

  checkRunId(): number {
    return this.nextCheckRunId++;
  }

  checkSuiteId(): number {
    return this.nextCheckSuiteId++;
  }
}
