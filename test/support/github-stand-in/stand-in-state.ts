import type { CheckRun, IssueComment } from "./stand-in-types.js";

export interface RepoState {
  id: number;
  owner: string;
  repo: string;
  comments: Map<number, IssueComment[]>;
  checkRuns: CheckRun[];
  /** Keyed by `${ref}\0${path}`. */
  files: Map<string, string>;
}

/** Everything the stand-in remembers, created on first mention of a repository (GitHub repos "exist" here). */
export class StandInState {
  private readonly repos = new Map<string, RepoState>();
  private nextRepositoryId = 500_000_001;
  // Real ids: comment ids passed 2^31 in 2024 and check-run ids are near 3e10, so int32 assumptions fail here too.
  private nextCommentId = 2_500_000_001;
  private nextCheckRunId = 30_000_000_001;

  repo(owner: string, repo: string): RepoState {
    const key = `${owner.toLowerCase()}/${repo.toLowerCase()}`;
    let state = this.repos.get(key);
    if (!state) {
      state = { id: this.nextRepositoryId++, owner, repo, comments: new Map(), checkRuns: [], files: new Map() };
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

  commentId(): number {
    return this.nextCommentId++;
  }

  checkRunId(): number {
    return this.nextCheckRunId++;
  }
}
