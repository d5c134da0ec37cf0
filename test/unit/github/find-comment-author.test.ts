import { describe, expect, it } from "vitest";
import { useStandIn } from "./support/use-stand-in.js";
import { GitHubApiError } from "../../../shared/src/core/modelgate-error.js";
import { findCommentAuthor } from "../../../shared/src/github/find-comment-author.js";

const { api, octokit } = useStandIn();

describe("findCommentAuthor", () => {
  it("returns the override without asking GitHub when one is given", async () => {
    expect(await findCommentAuthor(octokit("ghp_test_user"), { token: "ghp_test_user", override: " my-app[bot] " })).toBe("my-app[bot]");
    expect(api().requests).toEqual([]);
    expect(api().violations).toEqual([]);
  });

  it("returns github-actions[bot] without calling GET /user when the token is an installation token", async () => {
    expect(await findCommentAuthor(octokit("ghs_test_write"), { token: "ghs_test_write" })).toBe("github-actions[bot]");
    expect(api().requests).toEqual([]);
    expect(api().violations).toEqual([]);
  });

  it("returns the user's login when a user token can read GET /user", async () => {
    expect(await findCommentAuthor(octokit("ghp_test_user"), { token: "ghp_test_user", override: "" })).toBe("octo-user");
    expect(api().requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual(["GET /user 200"]);
    expect(api().violations).toEqual([]);
  });

  it("falls back to github-actions[bot] when GET /user answers 401", async () => {
    expect(await findCommentAuthor(octokit("gho_unknown"), { token: "gho_unknown" })).toBe("github-actions[bot]");
    expect(api().requests.map((r) => r.status)).toEqual([401]);
    expect(api().violations).toEqual([]);
  });

  it("throws GitHubApiError when GET /user keeps failing with a server error", async () => {
    api().failNext("GET", /^\/user$/, [502, 502, 502, 502]);
    await expect(findCommentAuthor(octokit("ghp_test_user"), { token: "ghp_test_user" })).rejects.toBeInstanceOf(GitHubApiError);
    expect(api().violations).toEqual([]);
  });
});
