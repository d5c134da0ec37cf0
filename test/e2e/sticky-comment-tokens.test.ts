import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startGitHubStandIn } from "../support/github-stand-in/start-github-stand-in.js";
import type { GitHubStandIn } from "../support/github-stand-in/stand-in-types.js";
import { nodeBinaries, repoRoot } from "./support/node-binaries.js";
import { makeWorkspace, runActionBundle } from "./support/run-action-bundle.js";

const example = (file: string) => readFileSync(path.join(repoRoot, "shared/examples/churn", file), "utf8");
const POLICY = example("modelgate.yml");
const BASE_SHA = "b".repeat(40);
const MARKER = "<!-- modelgate:evaluate-gate:churn-classifier -->";
const PR_EVENT = {
  action: "synchronize",
  number: 7,
  pull_request: { number: 7, head: { sha: "a".repeat(40), ref: "feature" }, base: { sha: BASE_SHA, ref: "main" } },
};
const HIDDEN_NOTE =
  "> The earlier report of this gate was hidden (marked outdated), so this is a fresh comment with the current report";

const workspace = () =>
  makeWorkspace({
    "modelgate.yml": POLICY,
    "baseline.json": example("baseline.json"),
    "better.json": example("candidate-better.json"),
    "regressed.json": example("candidate-regressed.json"),
  });

describe.each(nodeBinaries())("evaluate-gate's sticky comment under each kind of token on $label", ({ path: node }) => {
  let api: GitHubStandIn;
  beforeEach(async () => {
    api = await startGitHubStandIn();
    api.setFile("acme", "models", BASE_SHA, "modelgate.yml", POLICY);
  });
  afterEach(async () => {
    expect(api.violations).toEqual([]);
    await api.close();
  });

  const prRun = (ws: string, candidate: string, token: string, inputs: Record<string, string> = {}) =>
    runActionBundle("evaluate-gate", {
      node,
      workspace: ws,
      apiUrl: api.url,
      eventName: "pull_request",
      event: PR_EVENT,
      inputs: { candidate, baseline: "baseline.json", "github-token": token, ...inputs },
    });
  const viewerQueries = () =>
    api.requests.filter((r) => r.route === "POST /graphql" && (r.body as { query: string }).query.includes("viewer"));
  const ours = () => api.comments("acme", "models", 7).filter((c) => c.body.includes(MARKER));

  it("finds its own comment again under another App's installation token, without comment-author", async () => {
    // GITHUB_TOKEN's comment is another account's: the App must not adopt it.
    api.seedComments("acme", "models", 7, [
      { body: `${MARKER}\nwritten by the workflow token`, login: "github-actions[bot]" },
    ]);
    const ws = workspace();
    const first = await prRun(ws, "regressed.json", "ghs_test_app");
    const second = await prRun(ws, "better.json", "ghs_test_app");
    expect([first.outputs.verdict, second.outputs.verdict]).toEqual(["fail", "pass"]);
    expect(ours().map((c) => c.user.login)).toEqual(["github-actions[bot]", "model-gatekeeper[bot]"]);
    expect(ours()[1]!.body).toContain("### ✅ pass · evaluate-gate · churn-classifier");
    expect(second.outputs["comment-url"]).toBe(ours()[1]!.html_url);
    expect(api.requests.some((r) => r.path === "/user")).toBe(false);
    expect(viewerQueries()).toHaveLength(2);
  });

  it("finds its own comment under a personal access token, whatever the case of the login", async () => {
    api.seedComments("acme", "models", 7, [{ body: `${MARKER}\nold`, login: "octo-maintainer", type: "User" }]);
    await prRun(workspace(), "regressed.json", "github_pat_test_user");
    expect(ours()).toHaveLength(1);
    expect(ours()[0]!.body).toContain("### ❌ fail · evaluate-gate · churn-classifier");
  });

  it("finds GITHUB_TOKEN's comment through the viewer query, never calling GET /user", async () => {
    const ws = workspace();
    await prRun(ws, "regressed.json", "ghs_test_write");
    await prRun(ws, "better.json", "ghs_test_write");
    expect(ours().map((c) => c.user.login)).toEqual(["github-actions[bot]"]);
    expect(ours()[0]!.body).toContain("### ✅ pass");
    expect(api.requests.some((r) => r.path === "/user")).toBe(false);
  });

  it("keeps comment-author as the override: no viewer query, and the named account's comment is updated", async () => {
    api.seedComments("acme", "models", 7, [{ body: `${MARKER}\nold`, login: "github-actions[bot]" }]);
    await prRun(workspace(), "regressed.json", "ghs_test_write", { "comment-author": "GitHub-Actions[bot]" });
    expect(ours()).toHaveLength(1);
    expect(ours()[0]!.body).toContain("### ❌ fail");
    expect(viewerQueries()).toHaveLength(0);
  });

  it("writes a fresh comment saying so when a maintainer hid the earlier one, and leaves the hidden one alone", async () => {
    api.seedComments("acme", "models", 7, [
      { body: `${MARKER}\nold report`, login: "model-gatekeeper[bot]", minimized: "outdated" },
    ]);
    const hiddenId = ours()[0]!.id;
    const ws = workspace();
    const run = await prRun(ws, "regressed.json", "ghs_test_app");
    expect(run.outputs.verdict).toBe("fail");
    expect(ours().map((c) => c.id)).toEqual([hiddenId, expect.any(Number)]);
    expect(ours()[0]!.body).toBe(`${MARKER}\nold report`);
    expect(ours()[1]!.body.startsWith(`${MARKER}\n> [!NOTE]\n${HIDDEN_NOTE}`)).toBe(true);
    expect(ours()[1]!.body).toContain("### ❌ fail · evaluate-gate · churn-classifier");
    expect(run.outputs["comment-url"]).toBe(ours()[1]!.html_url);
    // The next run updates the fresh comment instead of writing a third.
    await prRun(ws, "better.json", "ghs_test_app");
    expect(ours()).toHaveLength(2);
    expect(ours()[1]!.body).toContain("### ✅ pass");
    expect(api.commentMinimized(hiddenId)).toEqual({ minimized: true, reason: "outdated" });
  });

  it("finds its comment on the second page under an App token", async () => {
    const others = Array.from({ length: 130 }, (_, i) => ({
      body: `comment ${i}`,
      login: i % 2 ? "octo-user" : "model-gatekeeper[bot]",
    }));
    api.seedComments("acme", "models", 7, [...others, { body: `${MARKER}\nold`, login: "model-gatekeeper[bot]" }]);
    await prRun(workspace(), "regressed.json", "ghs_test_app");
    expect(api.comments("acme", "models", 7)).toHaveLength(131);
    expect(ours()[0]!.body).toContain("### ❌ fail");
    expect(
      api.requests.filter((r) => r.route?.endsWith("/comments") && r.method === "GET").map((r) => r.query.page ?? "1"),
    ).toEqual(["1", "2"]);
  });

  it("warns and keeps the verdict when a fork's read-only token cannot write, even over a hidden comment", async () => {
    api.seedComments("acme", "models", 7, [
      { body: `${MARKER}\nold`, login: "github-actions[bot]", minimized: "resolved" },
    ]);
    const run = await prRun(workspace(), "regressed.json", "ghs_test_read");
    expect(run.exitCode).toBe(1);
    expect(run.outputs.verdict).toBe("fail");
    expect(run.outputs["comment-url"]).toBeUndefined();
    const warnings = run.commands.filter((c) => c.command === "warning").map((c) => c.message);
    expect(
      warnings.some((w) => /could not write the PR comment; the verdict is unchanged.*creating a comment.*403/.test(w)),
    ).toBe(true);
    expect(ours().map((c) => c.body)).toEqual([`${MARKER}\nold`]);
  });

  it("passes the step when a fork's read-only token cannot write the fresh comment over a hidden one", async () => {
    api.seedComments("acme", "models", 7, [
      { body: `${MARKER}\nold`, login: "github-actions[bot]", minimized: "outdated" },
    ]);
    const run = await prRun(workspace(), "better.json", "ghs_test_read");
    expect(run.exitCode).toBe(0);
    expect(run.outputs.verdict).toBe("pass");
    expect(run.outputs.passed).toBe("true");
    expect(run.outputs["comment-url"]).toBeUndefined();
    const warnings = run.commands.filter((c) => c.command === "warning").map((c) => c.message);
    expect(
      warnings.some((w) => /could not write the PR comment; the verdict is unchanged.*creating a comment.*403/.test(w)),
    ).toBe(true);
    expect(run.commands.filter((c) => c.command === "error")).toEqual([]);
    expect(ours().map((c) => c.body)).toEqual([`${MARKER}\nold`]);
  });
});
