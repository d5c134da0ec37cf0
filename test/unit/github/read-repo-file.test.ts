import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { GitHubApiError } from "../../../shared/src/errors/modelgate-error.js";
import { createOctokit } from "../../../shared/src/github/create-octokit.js";
import { readRepoFile } from "../../../shared/src/github/read-repo-file.js";
import { startGitHubStandIn } from "../../support/github-stand-in/start-github-stand-in.js";
import type { GitHubStandIn } from "../../support/github-stand-in/stand-in-types.js";

let standIn: GitHubStandIn;
beforeEach(async () => {
  standIn = await startGitHubStandIn();
});
afterEach(async () => {
  await standIn.close();
});

function octokit(token = "ghs_test_read") {
  return createOctokit({ token, baseUrl: standIn.url, log: { warning: () => undefined, debug: () => undefined }, retryAfterBaseValue: 10 });
}

describe("readRepoFile", () => {
  it("returns the file's text when it exists at the ref", async () => {
    standIn.setFile("o", "r", "main", "ml/modelgate.yml", "gates:\n  - name: café ☕\n");
    const text = await readRepoFile(octokit(), { owner: "o", repo: "r", path: "ml/modelgate.yml", ref: "main" });
    expect(text).toBe("gates:\n  - name: café ☕\n");
    expect(standIn.requests.map((r) => `${r.path}?ref=${r.query.ref}`)).toEqual(["/repos/o/r/contents/ml%2Fmodelgate.yml?ref=main"]);
    expect(standIn.violations).toEqual([]);
  });

  it("returns undefined when GitHub answers 404", async () => {
    standIn.setFile("o", "r", "feature", "modelgate.yml", "x");
    expect(await readRepoFile(octokit(), { owner: "o", repo: "r", path: "modelgate.yml", ref: "main" })).toBeUndefined();
    expect(standIn.violations).toEqual([]);
  });

  it("fetches the raw bytes when the file is over 1 MB and GitHub leaves content empty", async () => {
    const big = "a,b\n".repeat(300_000);
    standIn.setFile("o", "r", "main", "data.csv", big);
    expect(await readRepoFile(octokit(), { owner: "o", repo: "r", path: "data.csv", ref: "main" })).toBe(big);
    expect(standIn.requests).toHaveLength(2);
    expect(standIn.violations).toEqual([]);
  });

  it("throws GitHubApiError with the status when GitHub keeps failing", async () => {
    standIn.failNext("GET", /contents/, [500, 500, 500, 500]);
    const error: unknown = await readRepoFile(octokit(), { owner: "o", repo: "r", path: "modelgate.yml", ref: "main" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubApiError);
    expect(error).toMatchObject({ status: 500, message: "GitHub API: reading o/r/modelgate.yml@main failed with HTTP 500: Server Error" });
    expect(standIn.violations).toEqual([]);
  });
});
