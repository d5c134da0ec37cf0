import { describe, expect, it } from "vitest";
import { callStandIn } from "./call-stand-in.js";
import { useGitHubStandIn } from "./use-github-stand-in.js";

const api = useGitHubStandIn();

function call(method: string, path: string, options: { token?: string | null; body?: unknown } = {}) {
  return callStandIn(api().url, method, path, options);
}

const annotation = { path: "modelgate.yml", start_line: 1, end_line: 1, annotation_level: "failure", message: "m" };

describe("startGitHubStandIn request validation", () => {
  it("answers 404 and records a violation when the path is not in the description", async () => {
    const { status, json } = await call("GET", "/repos/o/r/no-such-thing");
    expect(status).toBe(404);
    expect(json).toMatchObject({ message: "Not Found", documentation_url: "https://docs.github.com/rest" });
    expect(api().violations).toEqual(["unknown path: GET /repos/o/r/no-such-thing"]);
  });

  it("answers 404 and records a violation when the method is wrong for a known path", async () => {
    const { status } = await call("DELETE", "/repos/o/r/issues/7/comments");
    expect(status).toBe(404);
    expect(api().violations[0]).toMatch(
      /^wrong method: DELETE \/repos\/o\/r\/issues\/7\/comments \(.*allows GET, POST\)$/,
    );
  });

  it("answers 422 and records a violation when a comment body lacks the required body field", async () => {
    const { status, json } = await call("POST", "/repos/o/r/issues/7/comments", { body: { text: "hi" } });
    expect(status).toBe(422);
    expect(String(json.message)).toMatch(/^Invalid request\.\n\n.*must have required property 'body'/);
    expect(api().violations).toHaveLength(1);
  });

  it("answers 422 and records a violation when per_page is above 100", async () => {
    const { status } = await call("GET", "/repos/o/r/issues/7/comments?per_page=101");
    expect(status).toBe(422);
    expect(api().violations[0]).toContain("query/per_page must be <= 100");
  });

  it("records a violation when a query parameter is not one the operation declares, such as a token in the URL", async () => {
    const { status } = await call("GET", "/repos/o/r/issues/7/comments?per_page=30&token=ghs_secret");
    expect(status).toBe(422);
    expect(api().violations[0]).toContain("query must NOT have additional properties");
  });

  it("answers 422 when a path parameter has the wrong type", async () => {
    const { status } = await call("GET", "/repos/o/r/issues/seven/comments");
    expect(status).toBe(422);
    expect(api().violations[0]).toContain("path/issue_number must be integer");
  });

  it("answers 501 and records a violation when a described operation is not implemented", async () => {
    const { status } = await call("GET", "/repos/o/r/pulls/7");
    expect(status).toBe(501);
    expect(api().violations).toEqual(["not implemented: GET /repos/{owner}/{repo}/pulls/{pull_number}"]);
  });
});

describe("startGitHubStandIn auth", () => {
  it("answers 401 Bad credentials when the token is missing or unknown", async () => {
    expect((await call("GET", "/repos/o/r/issues/7/comments", { token: null })).status).toBe(401);
    const unknown = await call("GET", "/repos/o/r/issues/7/comments", { token: "ghp_nope" });
    expect(unknown).toMatchObject({ status: 401, json: { message: "Bad credentials" } });
  });

  it("answers GET /user with 403 for an installation token and 200 for a user token", async () => {
    const asBot = await call("GET", "/user");
    expect(asBot).toMatchObject({ status: 403, json: { message: "Resource not accessible by integration" } });
    const asUser = await call("GET", "/user", { token: "ghp_test_user" });
    expect(asUser).toMatchObject({ status: 200, json: { login: "octo-user", type: "User" } });
    expect(api().violations).toEqual([]);
  });

  it("answers 403 when a read-only token writes", async () => {
    const { status, json } = await call("POST", "/repos/o/r/issues/7/comments", {
      token: "ghs_test_read",
      body: { body: "x" },
    });
    expect(status).toBe(403);
    expect(json.message).toBe("Resource not accessible by integration");
    expect(api().comments("o", "r", 7)).toEqual([]);
    expect(api().violations).toEqual([]);
  });
});

describe("startGitHubStandIn issue comments", () => {
  it("pages 150 comments with GitHub's Link header when per_page is 100", async () => {
    api().seedComments(
      "o",
      "r",
      7,
      Array.from({ length: 150 }, (_, i) => ({ body: `c${i}`, login: "someone" })),
    );
    const first = await call("GET", "/repos/o/r/issues/7/comments?per_page=100");
    expect(first.json).toHaveLength(100);
    const link = first.headers.get("link") ?? "";
    expect(link).toMatch(
      /^<http:\/\/127\.0\.0\.1:\d+\/repositories\/\d+\/issues\/7\/comments\?per_page=100&page=2>; rel="next", <.*page=2>; rel="last"$/,
    );
    const next = /<([^>]+)>; rel="next"/.exec(link)![1]!;
    const second = await call("GET", next);
    expect(second.json.map((c) => (c as { body: string }).body)).toEqual(
      Array.from({ length: 50 }, (_, i) => `c${i + 100}`),
    );
    expect(second.headers.get("link")).toMatch(/page=1>; rel="prev", <.*page=1>; rel="first"$/);
    expect(api().requests.map((r) => r.route)).toEqual(
      Array(2).fill("GET /repos/{owner}/{repo}/issues/{issue_number}/comments"),
    );
    expect(api().violations).toEqual([]);
  });

  it("answers 30 comments and links five pages when per_page is not given", async () => {
    api().seedComments(
      "o",
      "r",
      7,
      Array.from({ length: 150 }, (_, i) => ({ body: `c${i}`, login: "someone" })),
    );
    const { json, headers } = await call("GET", "/repos/o/r/issues/7/comments");
    expect(json).toHaveLength(30);
    expect(headers.get("link")).toMatch(/\?page=5>; rel="last"$/);
  });

  it("creates and updates comments authored by the token's identity", async () => {
    const created = await call("POST", "/repos/o/r/issues/7/comments", { body: { body: "one" } });
    expect(created).toMatchObject({
      status: 201,
      json: { body: "one", user: { login: "github-actions[bot]", type: "Bot" } },
    });
    const updated = await call("PATCH", `/repos/o/r/issues/comments/${created.json.id}`, {
      token: "ghp_test_user",
      body: { body: "two" },
    });
    expect(updated).toMatchObject({ status: 200, json: { id: created.json.id, body: "two" } });
    expect((await call("PATCH", "/repos/o/r/issues/comments/1", { body: { body: "x" } })).status).toBe(404);
    expect(
      api()
        .comments("o", "r", 7)
        .map((c) => c.body),
    ).toEqual(["two"]);
    expect(api().violations).toEqual([]);
  });

  it("rejects a 65,537-character body with GitHub's Validation Failed and accepts 65,536", async () => {
    const tooLong = await call("POST", "/repos/o/r/issues/7/comments", { body: { body: "x".repeat(65_537) } });
    expect(tooLong.status).toBe(422);
    expect(tooLong.json).toMatchObject({
      message: "Validation Failed",
      errors: [
        {
          resource: "IssueComment",
          code: "custom",
          field: "body",
          message: "body is too long (maximum is 65536 characters)",
        },
      ],
    });
    expect((await call("POST", "/repos/o/r/issues/7/comments", { body: { body: "x".repeat(65_536) } })).status).toBe(
      201,
    );
    expect(api().violations).toEqual([]);
  });
});

describe("startGitHubStandIn faults and headers", () => {
  it("answers the scripted 502 once and then behaves normally", async () => {
    api().failNext("GET", /\/issues\/7\/comments$/, [502]);
    expect((await call("GET", "/repos/o/r/issues/7/comments")).status).toBe(502);
    expect((await call("GET", "/repos/o/r/issues/7/comments")).status).toBe(200);
    expect(api().requests.map((r) => r.status)).toEqual([502, 200]);
  });

  it("sends the scripted rate-limit headers with a 403", async () => {
    api().failNext("POST", /comments$/, [403], { "retry-after": "1" });
    const { status, headers, json } = await call("POST", "/repos/o/r/issues/7/comments", { body: { body: "x" } });
    expect(status).toBe(403);
    expect(headers.get("retry-after")).toBe("1");
    expect(String(json.message)).toContain("secondary rate limit");
  });

  it("sends rate-limit and request-id headers on every answer", async () => {
    const { headers } = await call("GET", "/nope");
    for (const name of [
      "x-ratelimit-limit",
      "x-ratelimit-remaining",
      "x-ratelimit-reset",
      "x-ratelimit-used",
      "x-github-request-id",
    ]) {
      expect(headers.get(name)).toBeTruthy();
    }
    expect(headers.get("x-ratelimit-resource")).toBe("core");
  });
});

describe("startGitHubStandIn check runs and contents", () => {
  it("answers 422 when a check run carries 51 annotations", async () => {
    const output = { title: "t", summary: "s", annotations: Array(51).fill(annotation) };
    const { status } = await call("POST", "/repos/o/r/check-runs", {
      body: { name: "n", head_sha: "abc", status: "completed", conclusion: "success", output },
    });
    expect(status).toBe(422);
    expect(api().violations[0]).toContain("body/output/annotations must NOT have more than 50 items");
  });

  it("appends annotations when a check run is updated", async () => {
    const output = { title: "t", summary: "s", annotations: Array(50).fill(annotation) };
    const created = await call("POST", "/repos/o/r/check-runs", {
      body: { name: "n", head_sha: "abc", conclusion: "failure", output },
    });
    expect(created).toMatchObject({ status: 201, json: { status: "completed", conclusion: "failure" } });
    const updated = await call("PATCH", `/repos/o/r/check-runs/${created.json.id}`, {
      body: { output: { summary: "s", annotations: [annotation] } },
    });
    expect(updated.json).toMatchObject({ output: { annotations_count: 51 } });
    expect(api().checkRuns("o", "r")[0]!.annotations).toHaveLength(51);
    expect(api().violations).toEqual([]);
  });

  it("answers a file's base64 content at a ref and 404 when it is not set", async () => {
    api().setFile("o", "r", "main", "config/modelgate.yml", "gate: true\n");
    const found = await call("GET", "/repos/o/r/contents/config%2Fmodelgate.yml?ref=main");
    expect(found.json).toMatchObject({ type: "file", encoding: "base64", path: "config/modelgate.yml", size: 11 });
    expect(Buffer.from(String(found.json.content), "base64").toString("utf8")).toBe("gate: true\n");
    expect((await call("GET", "/repos/o/r/contents/config/modelgate.yml?ref=other")).status).toBe(404);
    expect(api().violations).toEqual([]);
  });
});

describe("startGitHubStandIn pull request lists", () => {
  it("lists merged pull requests as closed under state=all, each with its own base branch and merge commit", async () => {
    const merge = "d".repeat(40);
    api().seedCommitPullRequest("o", "r", {
      number: 12,
      headSha: "a".repeat(40),
      baseSha: "b".repeat(40),
      mergeCommitSha: merge,
      headRef: "fix",
      headRepository: "forker/r",
    });
    api().seedPullRequest("o", "r", {
      number: 14,
      headSha: "a".repeat(40),
      headRef: "fix",
      headRepository: "forker/r",
      baseRef: "release",
    });
    const open = await call("GET", "/repos/o/r/pulls?head=forker:fix");
    expect((open.json as unknown as Array<{ number: number }>).map((pull) => pull.number)).toEqual([14]);
    const all = await call("GET", "/repos/o/r/pulls?head=forker:fix&state=all");
    const listed = all.json as unknown as Array<{
      number: number;
      state: string;
      merge_commit_sha: string | null;
      base: { ref: string };
    }>;
    expect(listed.map((pull) => [pull.number, pull.state, pull.base.ref, pull.merge_commit_sha])).toEqual([
      [14, "open", "release", null],
      [12, "closed", "main", merge],
    ]);
    expect(api().violations).toEqual([]);
  });
});
