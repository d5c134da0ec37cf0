import { describe, expect, it } from "vitest";
import { useStandIn } from "./support/use-stand-in.js";
import { GitHubApiError } from "../../../shared/src/core/modelgate-error.js";
import type { CommentAuthor } from "../../../shared/src/github/find-comment-author.js";
import { upsertStickyComment } from "../../../shared/src/github/upsert-sticky-comment.js";

const BOT = "github-actions[bot]";
const MARKER = "<!-- modelgate:evaluate-gate:churn -->";
const ACTIONS: CommentAuthor = { login: "github-actions", bot: true, source: "viewer" };
const where = { owner: "o", repo: "r", issueNumber: 7, marker: MARKER, author: ACTIONS };
const graphql = () => api().requests.filter((r) => r.route === "POST /graphql");

const { api, octokit } = useStandIn("ghs_test_write");

const others = (count: number) => Array.from({ length: count }, (_, i) => ({ body: `comment ${i}`, login: "someone" }));

describe("upsertStickyComment", () => {
  it("creates, then updates, then leaves the comment unchanged when called three times", async () => {
    const client = octokit();
    const first = await upsertStickyComment(client, { ...where, body: `${MARKER}\nv1` });
    const second = await upsertStickyComment(client, { ...where, body: `${MARKER}\nv2` });
    const third = await upsertStickyComment(client, { ...where, body: `${MARKER}\nv2` });
    expect([first.outcome, second.outcome, third.outcome]).toEqual(["created", "updated", "unchanged"]);
    expect(second.id).toBe(first.id);
    expect(first.url).toMatch(/^https:\/\/github\.com\/o\/r\/pull\/7#issuecomment-\d+$/);
    expect(
      api()
        .comments("o", "r", 7)
        .map((c) => c.body),
    ).toEqual([`${MARKER}\nv2`]);
    expect(api().requests.filter((r) => r.method !== "GET" && r.route !== "POST /graphql")).toHaveLength(2);
    expect(api().violations).toEqual([]);
  });

  it("finds our comment on page 2 when 150 comments come before it is searched", async () => {
    api().seedComments("o", "r", 7, [...others(120), { body: `${MARKER}\nold`, login: BOT }, ...others(29)]);
    const result = await upsertStickyComment(octokit(), { ...where, body: `${MARKER}\nnew` });
    expect(result.outcome).toBe("updated");
    const ours = api()
      .comments("o", "r", 7)
      .filter((c) => c.body.includes(MARKER));
    expect(ours.map((c) => c.body)).toEqual([`${MARKER}\nnew`]);
    expect(api().requests.map((r) => `${r.method} ${r.path === "/graphql" ? "graphql" : (r.query.page ?? 1)}`)).toEqual(
      ["GET 1", "GET 2", "POST graphql", "PATCH 1"],
    );
    expect(api().violations).toEqual([]);
  });

  it("stops paging when our comment is found on the first page", async () => {
    api().seedComments("o", "r", 7, [{ body: MARKER, login: BOT }, ...others(250)]);
    expect((await upsertStickyComment(octokit(), { ...where, body: MARKER })).outcome).toBe("unchanged");
    expect(api().requests.map((r) => r.route)).toEqual([
      "GET /repos/{owner}/{repo}/issues/{issue_number}/comments",
      "POST /graphql",
    ]);
    expect(api().violations).toEqual([]);
  });

  it("creates its own comment when another user's comment carries our marker", async () => {
    api().seedComments("o", "r", 7, [{ body: `${MARKER}\nplanted`, login: "mallory" }]);
    const result = await upsertStickyComment(octokit(), { ...where, body: `${MARKER}\nreal` });
    expect(result.outcome).toBe("created");
    expect(
      api()
        .comments("o", "r", 7)
        .map((c) => [c.user.login, c.body]),
    ).toEqual([
      ["mallory", `${MARKER}\nplanted`],
      [BOT, `${MARKER}\nreal`],
    ]);
    expect(api().violations).toEqual([]);
  });

  it("does not match the key churn-v2 when looking for churn", async () => {
    api().seedComments("o", "r", 7, [{ body: "<!-- modelgate:evaluate-gate:churn-v2 -->\nother gate", login: BOT }]);
    const result = await upsertStickyComment(octokit(), { ...where, body: `${MARKER}\nchurn` });
    expect(result.outcome).toBe("created");
    expect(api().comments("o", "r", 7)).toHaveLength(2);
    expect(api().violations).toEqual([]);
  });

  it("matches the author login case-insensitively when the override is spelled differently", async () => {
    api().seedComments("o", "r", 7, [{ body: MARKER, login: "my-app[bot]" }]);
    const result = await upsertStickyComment(octokit(), {
      ...where,
      author: { login: "my-app", bot: true, source: "override" },
      body: `${MARKER}\nv2`,
    });
    expect(result.outcome).toBe("updated");
    expect(api().violations).toEqual([]);
  });

  it("throws GitHubApiError with status 403 and a permissions hint when the token is read-only", async () => {
    const error: unknown = await upsertStickyComment(octokit("ghs_test_read"), { ...where, body: MARKER }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(GitHubApiError);
    expect(error).toMatchObject({
      status: 403,
      message: expect.stringMatching(
        /^GitHub API: creating a comment on o\/r#7 failed with HTTP 403: Resource not accessible by integration/,
      ),
    });
    expect((error as GitHubApiError).hint).toContain("pull-requests: write");
    expect(api().violations).toEqual([]);
  });

  it("writes a fresh comment saying so when our earlier comment was hidden, and updates that one next time", async () => {
    api().seedComments("o", "r", 7, [...others(3), { body: `${MARKER}\nold`, login: BOT, minimized: "outdated" }]);
    const hiddenId = api().comments("o", "r", 7)[3]!.id;
    const first = await upsertStickyComment(octokit(), { ...where, body: `${MARKER}\nnew` });
    expect(first).toMatchObject({ outcome: "created", hidden: 1 });
    const second = await upsertStickyComment(octokit(), { ...where, body: `${MARKER}\nnewer` });
    expect(second).toMatchObject({ outcome: "updated", id: first.id, hidden: 1 });
    const ours = api()
      .comments("o", "r", 7)
      .filter((c) => c.body.includes(MARKER));
    expect(ours.map((c) => c.id)).toEqual([hiddenId, first.id]);
    expect(ours[0]!.body).toBe(`${MARKER}\nold`);
    expect(ours[1]!.body).toBe(
      `${MARKER}\n> [!NOTE]\n> The earlier report of this gate was hidden (marked outdated), so this is a fresh comment with the current report; hidden comments are left as they are.\n\nnewer`,
    );
    expect(api().commentMinimized(hiddenId)).toEqual({ minimized: true, reason: "outdated" });
    expect(graphql().map((r) => (r.body as { variables: { ids: string[] } }).variables.ids.length)).toEqual([1, 2]);
    expect(api().violations).toEqual([]);
  });

  it("keeps reading pages past a hidden comment on page 1 and updates our visible comment on page 2", async () => {
    api().seedComments("o", "r", 7, [
      { body: MARKER, login: BOT, minimized: null },
      ...others(120),
      { body: `${MARKER}\nvisible`, login: BOT },
    ]);
    const result = await upsertStickyComment(octokit(), { ...where, body: `${MARKER}\nfresh` });
    expect(result).toMatchObject({ outcome: "updated", hidden: 1 });
    expect(api().comments("o", "r", 7)[121]!.body).toContain(
      "The earlier report of this gate was hidden, so this is a fresh comment",
    );
    expect(api().violations).toEqual([]);
  });

  it("never asks GraphQL about comments that are not ours", async () => {
    api().seedComments("o", "r", 7, [{ body: MARKER, login: "mallory", minimized: "spam" }]);
    expect((await upsertStickyComment(octokit(), { ...where, body: MARKER })).outcome).toBe("created");
    expect(graphql()).toHaveLength(0);
    expect(api().violations).toEqual([]);
  });

  it("throws GitHubApiError and writes nothing when GraphQL cannot say whether our comment is hidden", async () => {
    api().seedComments("o", "r", 7, [{ body: MARKER, login: BOT }]);
    api().failNext("POST", /^\/graphql$/, [502, 502, 502, 502]);
    const error: unknown = await upsertStickyComment(octokit(), { ...where, body: `${MARKER}\nv2` }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(GitHubApiError);
    expect((error as GitHubApiError).message).toMatch(/isMinimized.*HTTP 502/);
    expect(
      api().requests.filter((r) => r.method === "PATCH" || (r.method === "POST" && r.path !== "/graphql")),
    ).toHaveLength(0);
    expect(api().violations).toEqual([]);
  });

  it("retries and succeeds when listing comments answers 502 once", async () => {
    api().failNext("GET", /\/issues\/7\/comments$/, [502]);
    expect((await upsertStickyComment(octokit(), { ...where, body: MARKER })).outcome).toBe("created");
    expect(api().requests.map((r) => r.status)).toEqual([502, 200, 201]);
    expect(api().violations).toEqual([]);
  });
});
