import { beforeEach, describe, expect, it } from "vitest";
import { callStandIn } from "./call-stand-in.js";
import { useGitHubStandIn } from "./use-github-stand-in.js";

const api = useGitHubStandIn();

function call(method: string, path: string, options: { token?: string | null; body?: unknown } = {}) {
  return callStandIn(api().url, method, path, options);
}

/** Issue numbers of a list answer, in the order given. */
function numbers(json: unknown[]): number[] {
  return json.map((issue) => (issue as { number: number }).number);
}

const DOCS = "https://docs.github.com/rest/issues/issues";

describe("startGitHubStandIn issues: create, get, update", () => {
  it("creates an issue in GitHub's full shape when a write token posts one, and reads it back", async () => {
    const created = await call("POST", "/repos/o/r/issues", {
      body: { title: "Data drift", body: "PSI 0.31", labels: ["data-drift"] },
    });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      number: 1,
      title: "Data drift",
      body: "PSI 0.31",
      state: "open",
      state_reason: null,
      labels: [{ name: "data-drift", color: "ededed", default: false, description: null }],
      user: { login: "github-actions[bot]", type: "Bot" },
      assignee: null,
      assignees: [],
      milestone: null,
      locked: false,
      comments: 0,
      closed_at: null,
      closed_by: null,
      author_association: "NONE",
      html_url: "https://github.com/o/r/issues/1",
      url: `${api().url}/repos/o/r/issues/1`,
    });
    expect(created.json.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(created.headers.get("location")).toBe(created.json.url);
    const fetched = await call("GET", "/repos/o/r/issues/1");
    expect(fetched).toMatchObject({ status: 200, json: created.json });
    expect(api().issues("o", "r")).toEqual([created.json]);
    expect(api().violations).toEqual([]);
  });

  it("numbers issues from 1 per repository when comment threads and other repositories exist", async () => {
    api().seedComments("o", "r", 7, [{ body: "on a pull request", login: "someone" }]);
    const first = await call("POST", "/repos/o/r/issues", { body: { title: "a" } });
    const second = await call("POST", "/repos/o/r/issues", { body: { title: "b" } });
    const elsewhere = await call("POST", "/repos/o/other/issues", { body: { title: "c" } });
    expect([first.json.number, second.json.number, elsewhere.json.number]).toEqual([1, 2, 1]);
    expect(first.json.id).not.toBe(elsewhere.json.id);
    expect(first.json.body).toBeNull();
    expect(api().violations).toEqual([]);
  });

  it("updates title, body and labels and closes with the given reason when patched", async () => {
    api().seedIssues("o", "r", [{ title: "old", body: "old body", labels: ["stale"], login: "octo-user" }]);
    const patched = await call("PATCH", "/repos/o/r/issues/1", {
      token: "ghp_test_user",
      body: {
        title: "new",
        body: "new body",
        labels: ["data-drift", "Data-Drift", "urgent"],
        state: "closed",
        state_reason: "not_planned",
      },
    });
    expect(patched).toMatchObject({
      status: 200,
      json: {
        title: "new",
        body: "new body",
        state: "closed",
        state_reason: "not_planned",
        closed_by: { login: "octo-user", type: "User" },
      },
    });
    expect((patched.json.labels as Array<{ name: string }>).map((label) => label.name)).toEqual([
      "data-drift",
      "urgent",
    ]);
    expect(patched.json.closed_at).toEqual(expect.any(String));
    expect(api().issues("o", "r")[0]).toMatchObject({ title: "new", state: "closed" });
    expect(api().violations).toEqual([]);
  });

  it("closes as completed and reopens as reopened when state changes without a reason", async () => {
    api().seedIssues("o", "r", [{ title: "t", body: "b", labels: ["keep"], login: "octo-user" }]);
    const closed = await call("PATCH", "/repos/o/r/issues/1", { body: { state: "closed" } });
    expect(closed.json).toMatchObject({
      state: "closed",
      state_reason: "completed",
      closed_by: { login: "github-actions[bot]" },
    });
    const reopened = await call("PATCH", "/repos/o/r/issues/1", {
      body: { state: "open", state_reason: "not_planned" },
    });
    expect(reopened.json).toMatchObject({ state: "open", state_reason: "reopened", closed_at: null, closed_by: null });
    expect(reopened.json.labels).toHaveLength(1);
    const cleared = await call("PATCH", "/repos/o/r/issues/1", { body: { labels: [], body: null } });
    expect(cleared.json).toMatchObject({ labels: [], body: null, title: "t" });
    expect(api().violations).toEqual([]);
  });

  it("counts comments on the issue when they are posted to its thread", async () => {
    api().seedIssues("o", "r", [{ title: "t", body: "b", login: "octo-user" }]);
    const comment = await call("POST", "/repos/o/r/issues/1/comments", { body: { body: "still drifting" } });
    expect(comment.json.html_url).toMatch(/\/o\/r\/issues\/1#issuecomment-\d+$/);
    expect((await call("GET", "/repos/o/r/issues/1")).json).toMatchObject({ comments: 1 });
    expect(api().violations).toEqual([]);
  });

  it("answers 404 when the issue number does not exist", async () => {
    api().seedIssues("o", "r", [{ title: "t", body: "b", login: "octo-user" }]);
    expect(await call("GET", "/repos/o/r/issues/2")).toMatchObject({
      status: 404,
      json: { message: "Not Found", documentation_url: expect.stringContaining(DOCS) },
    });
    expect((await call("PATCH", "/repos/o/r/issues/2", { body: { title: "x" } })).status).toBe(404);
    expect((await call("GET", "/repos/o/other/issues/1")).status).toBe(404);
    expect(api().violations).toEqual([]);
  });

  it("answers 403 and creates nothing when a read-only token posts or patches an issue", async () => {
    const created = await call("POST", "/repos/o/r/issues", { token: "ghs_test_read", body: { title: "t" } });
    expect(created).toMatchObject({ status: 403, json: { message: "Resource not accessible by integration" } });
    expect(api().issues("o", "r")).toEqual([]);
    api().seedIssues("o", "r", [{ title: "t", body: "b", login: "octo-user" }]);
    expect(
      (await call("PATCH", "/repos/o/r/issues/1", { token: "ghs_test_read", body: { state: "closed" } })).status,
    ).toBe(403);
    expect(api().issues("o", "r")[0]!.state).toBe("open");
    expect(api().violations).toEqual([]);
  });

  it("answers 422 and records a violation when a new issue has no title", async () => {
    const { status, json } = await call("POST", "/repos/o/r/issues", { body: { body: "no title" } });
    expect(status).toBe(422);
    expect(String(json.message)).toContain("must have required property 'title'");
    expect(api().violations).toHaveLength(1);
  });
});

describe("startGitHubStandIn issues: GitHub's length limits", () => {
  const bodyTooLong = {
    resource: "Issue",
    code: "custom",
    field: "body",
    message: "body is too long (maximum is 65536 characters)",
  };
  const titleTooLong = {
    resource: "Issue",
    code: "custom",
    field: "title",
    message: "title is too long (maximum is 256 characters)",
  };

  it("rejects a 65,537-character body on create with Validation Failed and accepts 65,536", async () => {
    const tooLong = await call("POST", "/repos/o/r/issues", { body: { title: "t", body: "x".repeat(65_537) } });
    expect(tooLong).toMatchObject({ status: 422, json: { message: "Validation Failed", errors: [bodyTooLong] } });
    expect(api().issues("o", "r")).toEqual([]);
    expect((await call("POST", "/repos/o/r/issues", { body: { title: "t", body: "x".repeat(65_536) } })).status).toBe(
      201,
    );
    expect(api().violations).toEqual([]);
  });

  it("rejects a 65,537-character body on update, leaving the issue as it was, and accepts 65,536", async () => {
    api().seedIssues("o", "r", [{ title: "t", body: "short", login: "octo-user" }]);
    const tooLong = await call("PATCH", "/repos/o/r/issues/1", { body: { body: "x".repeat(65_537), state: "closed" } });
    expect(tooLong).toMatchObject({ status: 422, json: { message: "Validation Failed", errors: [bodyTooLong] } });
    expect(api().issues("o", "r")[0]).toMatchObject({ body: "short", state: "open" });
    expect((await call("PATCH", "/repos/o/r/issues/1", { body: { body: "x".repeat(65_536) } })).status).toBe(200);
    expect(api().violations).toEqual([]);
  });

  it("counts characters, not UTF-16 units, when the body holds 65,536 emoji", async () => {
    const { status } = await call("POST", "/repos/o/r/issues", { body: { title: "t", body: "📉".repeat(65_536) } });
    expect(status).toBe(201);
    expect(api().violations).toEqual([]);
  });

  it("rejects a 257-character title on create and update and accepts 256", async () => {
    const created = await call("POST", "/repos/o/r/issues", { body: { title: "t".repeat(257) } });
    expect(created).toMatchObject({ status: 422, json: { message: "Validation Failed", errors: [titleTooLong] } });
    expect((await call("POST", "/repos/o/r/issues", { body: { title: "t".repeat(256) } })).status).toBe(201);
    const patched = await call("PATCH", "/repos/o/r/issues/1", { body: { title: "t".repeat(257) } });
    expect(patched).toMatchObject({ status: 422, json: { errors: [titleTooLong] } });
    expect(api().violations).toEqual([]);
  });
});

describe("startGitHubStandIn issues: list", () => {
  beforeEach(() => {
    api().seedIssues("o", "r", [
      { title: "drift 1", body: "b", labels: ["data-drift", "automated"], login: "github-actions[bot]" },
      { title: "bug", body: "b", labels: ["bug"], login: "octo-user", state: "closed" },
      { title: "drift 2", body: "b", labels: ["data-drift"], login: "github-actions[bot]", state: "closed" },
      { title: "question", body: "b", login: "octo-user" },
    ]);
  });

  it("lists open issues newest first when no filter is given", async () => {
    const { status, json, headers } = await call("GET", "/repos/o/r/issues");
    expect(status).toBe(200);
    expect(numbers(json)).toEqual([4, 1]);
    expect(headers.get("link")).toBeNull();
    expect(api().violations).toEqual([]);
  });

  it("lists closed issues when state is closed and every issue when state is all", async () => {
    expect(numbers((await call("GET", "/repos/o/r/issues?state=closed")).json)).toEqual([3, 2]);
    expect(numbers((await call("GET", "/repos/o/r/issues?state=all")).json)).toEqual([4, 3, 2, 1]);
    expect(numbers((await call("GET", "/repos/o/r/issues?state=all&direction=asc")).json)).toEqual([1, 2, 3, 4]);
    expect(api().violations).toEqual([]);
  });

  it("lists only issues carrying every label when labels names several", async () => {
    expect(numbers((await call("GET", "/repos/o/r/issues?state=all&labels=data-drift")).json)).toEqual([3, 1]);
    expect(numbers((await call("GET", "/repos/o/r/issues?state=all&labels=Data-Drift,automated")).json)).toEqual([1]);
    expect(numbers((await call("GET", "/repos/o/r/issues?labels=data-drift,bug")).json)).toEqual([]);
    expect(api().violations).toEqual([]);
  });

  it("lists only the creator's issues when creator is given", async () => {
    expect(numbers((await call("GET", "/repos/o/r/issues?state=all&creator=octo-user")).json)).toEqual([4, 2]);
    const bot = await call("GET", "/repos/o/r/issues?creator=github-actions%5Bbot%5D&labels=data-drift");
    expect(numbers(bot.json)).toEqual([1]);
    expect(bot.json[0]).toMatchObject({ user: { login: "github-actions[bot]", type: "Bot" } });
    expect(api().violations).toEqual([]);
  });

  it("pages 45 issues with GitHub's Link header when per_page is 20", async () => {
    api().seedIssues(
      "o",
      "many",
      Array.from({ length: 45 }, (_, i) => ({ title: `i${i + 1}`, body: "b", login: "octo-user" })),
    );
    const first = await call("GET", "/repos/o/many/issues?per_page=20");
    expect(numbers(first.json)).toEqual(Array.from({ length: 20 }, (_, i) => 45 - i));
    const link = first.headers.get("link") ?? "";
    expect(link).toMatch(
      /^<http:\/\/127\.0\.0\.1:\d+\/repositories\/\d+\/issues\?per_page=20&page=2>; rel="next", <.*page=3>; rel="last"$/,
    );
    const second = await call("GET", /<([^>]+)>; rel="next"/.exec(link)![1]!);
    expect(numbers(second.json)).toEqual(Array.from({ length: 20 }, (_, i) => 25 - i));
    const last = await call("GET", /<([^>]+)>; rel="next"/.exec(second.headers.get("link") ?? "")![1]!);
    expect(numbers(last.json)).toEqual([5, 4, 3, 2, 1]);
    expect(last.headers.get("link")).toMatch(/page=2>; rel="prev", <.*page=1>; rel="first"$/);
    expect(api().requests.map((r) => r.route)).toEqual(Array(3).fill("GET /repos/{owner}/{repo}/issues"));
    expect(api().violations).toEqual([]);
  });

  it("answers 501 when a filter the stand-in does not model is used", async () => {
    const { status, json } = await call("GET", "/repos/o/r/issues?milestone=none");
    expect(status).toBe(501);
    expect(String(json.message)).toContain("milestone filter");
    expect(api().violations).toEqual([]);
  });
});

describe("startGitHubStandIn issues: seedIssues", () => {
  it("seeds closed and bot-authored issues when state and a [bot] login are given", () => {
    api().seedIssues("o", "r", [
      { title: "a", body: "b", login: "github-actions[bot]", state: "closed" },
      { title: "c", body: "d", login: "renovate", type: "Bot", labels: ["deps"] },
    ]);
    const [closed, bot] = api().issues("o", "r");
    expect(closed).toMatchObject({
      number: 1,
      state: "closed",
      state_reason: "completed",
      user: { type: "Bot" },
      closed_by: { login: "github-actions[bot]" },
    });
    expect(bot).toMatchObject({
      number: 2,
      state: "open",
      user: { login: "renovate", type: "Bot" },
      labels: [{ name: "deps" }],
    });
    expect(api().violations).toEqual([]);
  });
});
