import { describe, expect, it } from "vitest";
import { useStandIn } from "./support/use-stand-in.js";
import { GitHubApiError } from "../../../shared/src/core/modelgate-error.js";
import {
  findCommentAuthor,
  isCommentAuthor,
  normaliseLogin,
  tokenIsBot,
} from "../../../shared/src/github/find-comment-author.js";

const { api, octokit } = useStandIn();

const viewerQueries = () =>
  api()
    .requests.filter((r) => r.route === "POST /graphql")
    .map((r) => (r.body as { query: string }).query);

describe("findCommentAuthor", () => {
  it("returns the override without asking GitHub when one is given", async () => {
    expect(
      await findCommentAuthor(octokit("ghp_test_user"), { token: "ghp_test_user", override: " My-App[bot] " }),
    ).toEqual({ login: "my-app", bot: true, source: "override" });
    expect(
      await findCommentAuthor(octokit("ghp_test_user"), { token: "ghp_test_user", override: "octo-user" }),
    ).toEqual({ login: "octo-user", bot: false, source: "override" });
    expect(api().requests).toEqual([]);
    expect(api().violations).toEqual([]);
  });

  it("names GITHUB_TOKEN's bot from the GraphQL viewer, without the [bot] suffix, as a bot", async () => {
    expect(await findCommentAuthor(octokit("ghs_test_write"), { token: "ghs_test_write" })).toEqual({
      login: "github-actions",
      bot: true,
      source: "viewer",
    });
    expect(viewerQueries()).toEqual(["query modelgateViewer { viewer { login } }"]);
    expect(api().requests.some((r) => r.path === "/user")).toBe(false);
    expect(api().violations).toEqual([]);
  });

  it("names another App's bot when the token is that App's installation token", async () => {
    expect(await findCommentAuthor(octokit("ghs_test_app"), { token: "ghs_test_app" })).toEqual({
      login: "model-gatekeeper",
      bot: true,
      source: "viewer",
    });
    expect(api().violations).toEqual([]);
  });

  it("names the user, lower-cased and not a bot, when the token is a personal token", async () => {
    expect(
      await findCommentAuthor(octokit("github_pat_test_user"), { token: "github_pat_test_user", override: "" }),
    ).toEqual({ login: "octo-maintainer", bot: false, source: "viewer" });
    expect(api().violations).toEqual([]);
  });

  it("asks GitHub once per client however often it is called", async () => {
    const client = octokit("ghs_test_app");
    const answers = await Promise.all([
      findCommentAuthor(client, { token: "ghs_test_app" }),
      findCommentAuthor(client, { token: "ghs_test_app" }),
    ]);
    await findCommentAuthor(client, { token: "ghs_test_app" });
    expect(answers[0]).toEqual(answers[1]);
    expect(viewerQueries()).toHaveLength(1);
    expect(api().violations).toEqual([]);
  });

  it("throws GitHubApiError with the token hint when GitHub rejects the token", async () => {
    const error: unknown = await findCommentAuthor(octokit("gho_unknown"), { token: "gho_unknown" }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(GitHubApiError);
    expect(error).toMatchObject({ status: 401, message: expect.stringContaining("GraphQL viewer") });
    expect(api().violations).toEqual([]);
  });

  it("throws GitHubApiError and asks again later when the viewer query keeps failing with a server error", async () => {
    api().failNext("POST", /^\/graphql$/, [502, 502, 502, 502]);
    const client = octokit("ghp_test_user");
    await expect(findCommentAuthor(client, { token: "ghp_test_user" })).rejects.toBeInstanceOf(GitHubApiError);
    expect(await findCommentAuthor(client, { token: "ghp_test_user" })).toMatchObject({ login: "octo-user" });
    expect(api().violations).toEqual([]);
  });
});

describe("isCommentAuthor", () => {
  it("matches a REST bot login to the GraphQL name when the author is a bot", () => {
    expect(isCommentAuthor("github-actions[bot]", { login: "github-actions", bot: true, source: "viewer" })).toBe(true);
    expect(isCommentAuthor("Model-Gatekeeper[bot]", { login: "model-gatekeeper", bot: true, source: "viewer" })).toBe(
      true,
    );
  });

  it("tells the user foo from the bot foo[bot] whenever the author's kind is known", () => {
    expect(isCommentAuthor("github-actions", { login: "github-actions", bot: true, source: "viewer" })).toBe(false);
    expect(isCommentAuthor("octo-user[bot]", { login: "octo-user", bot: false, source: "viewer" })).toBe(false);
    expect(isCommentAuthor("octo-user[bot]", { login: "octo-user", bot: undefined, source: "viewer" })).toBe(true);
    expect(isCommentAuthor(undefined, { login: "octo-user", bot: undefined, source: "viewer" })).toBe(false);
    expect(isCommentAuthor("octo-users", { login: "octo-user", bot: undefined, source: "viewer" })).toBe(false);
  });

  it("reads bot-ness from GitHub's token prefixes and the [bot] suffix", () => {
    expect([
      tokenIsBot("ghs_x"),
      tokenIsBot("ghp_x"),
      tokenIsBot("github_pat_x"),
      tokenIsBot("gho_x"),
      tokenIsBot("ghu_x"),
      tokenIsBot("0123abcd"),
    ]).toEqual([true, false, false, false, false, undefined]);
    expect(normaliseLogin(" My-App[BOT] ")).toEqual({ login: "my-app", bot: true });
    expect(normaliseLogin("octo")).toEqual({ login: "octo", bot: undefined });
  });
});
