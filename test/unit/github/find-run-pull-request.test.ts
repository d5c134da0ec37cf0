import { describe, expect, it } from "vitest";
import { choosePullRequest } from "../../../shared/src/github/find-run-pull-request.js";
import type { RunFacts } from "../../../shared/src/github/find-run-pull-request.js";

const SHA = "a".repeat(40);
const run: RunFacts = {
  id: 1,
  event: "pull_request",
  headSha: SHA,
  headBranch: "patch-1",
  headRepository: "forker/models",
  htmlUrl: "",
  pullRequests: [],
  repositoryId: 9,
};
const pull = (
  number: number,
  over: Partial<{ headSha: string; headRef: string; headRepository: string | null }> = {},
) => ({
  number,
  headSha: SHA,
  headRef: "patch-1",
  headRepository: "forker/models",
  ...over,
});

describe("choosePullRequest", () => {
  it("picks the open pull request whose head sha, branch and repository are the run's", () => {
    expect(
      choosePullRequest(run, [
        pull(4, { headSha: "b".repeat(40) }),
        pull(7),
        pull(8, { headRepository: "other/models" }),
      ]),
    ).toBe(7);
  });

  it("finds none when the head moved on, the branch differs or the head repository was deleted", () => {
    expect(choosePullRequest(run, [pull(7, { headSha: "b".repeat(40) })])).toBeUndefined();
    expect(choosePullRequest(run, [pull(7, { headRef: "main" })])).toBeUndefined();
    expect(choosePullRequest(run, [pull(7, { headRepository: null })])).toBeUndefined();
  });

  it("refuses to guess between two open pull requests with the same head", () => {
    expect(() => choosePullRequest(run, [pull(7), pull(9)])).toThrow(/#7, #9 all have the run's head/);
  });
});
