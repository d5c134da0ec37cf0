import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startGitHubStandIn } from "../support/github-stand-in/start-github-stand-in.js";
import type { GitHubStandIn } from "../support/github-stand-in/stand-in-types.js";
import { nodeBinaries, repoRoot } from "./support/node-binaries.js";
import { makeWorkspace, runActionBundle } from "./support/run-action-bundle.js";

const example = (file: string) => readFileSync(path.join(repoRoot, "shared/examples/churn", file), "utf8");
const POLICY = example("modelgate.yml");
const BASE_SHA = "b".repeat(40);
const HEAD_SHA = "a".repeat(40);
const MARKER = "<!-- modelgate:evaluate-gate:churn-classifier -->";
const PR_EVENT = {
  action: "synchronize",
  number: 7,
  pull_request: { number: 7, head: { sha: HEAD_SHA, ref: "feature" }, base: { sha: BASE_SHA, ref: "main" } },
};

function exampleWorkspace(policy = POLICY) {
  return makeWorkspace({
    "modelgate.yml": policy,
    "baseline.json": example("baseline.json"),
    "better.json": example("candidate-better.json"),
    "regressed.json": example("candidate-regressed.json"),
  });
}

describe.each(nodeBinaries())("evaluate-gate bundle on $label", ({ path: node }) => {
  let api: GitHubStandIn;
  beforeEach(async () => {
    api = await startGitHubStandIn();
  });
  afterEach(async () => {
    expect(api.violations).toEqual([]);
    await api.close();
  });

  const prRun = (workspace: string, candidate: string, inputs: Record<string, string> = {}) => {
    api.setFile("acme", "models", BASE_SHA, "modelgate.yml", POLICY);
    return runActionBundle("evaluate-gate", {
      node,
      workspace,
      apiUrl: api.url,
      eventName: "pull_request",
      event: PR_EVENT,
      inputs: { candidate, baseline: "baseline.json", "github-token": "ghs_test_write", ...inputs },
    });
  };

  it("fails the step, writes outputs and one sticky comment when the candidate regresses on a PR", async () => {
    const run = await prRun(exampleWorkspace(), "regressed.json");
    expect(run.exitCode).toBe(1);
    expect(run.outputs.verdict).toBe("fail");
    expect(run.outputs.passed).toBe("false");
    const comments = api.comments("acme", "models", 7);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body.startsWith(`${MARKER}\n### ❌ fail · evaluate-gate · churn-classifier`)).toBe(true);
    expect(run.outputs["comment-url"]).toBe(comments[0]!.html_url);
    expect(run.summary).toContain("**3 of 8 checks failed**");
    const result = JSON.parse(readFileSync(run.outputs.result!, "utf8"));
    expect(result).toMatchObject({
      schema: "modelgate.result/v1",
      action: "evaluate-gate",
      key: "churn-classifier",
      verdict: "fail",
    });
    expect(readFileSync(run.outputs.report!, "utf8")).toBe(run.summary);
    const errors = run.commands.filter((c) => c.command === "error");
    expect(errors.map((e) => e.properties.title)).toEqual([
      "evaluate-gate · accuracy:max-regression",
      "evaluate-gate · auc:min-improvement",
      "evaluate-gate · latency_p95_ms:max-regression-pct",
    ]);
    expect(errors[0]!.properties).toMatchObject({ file: "modelgate.yml", line: "6" });
  });

  it("edits the same comment on a re-run and skips the write when nothing changed", async () => {
    const workspace = exampleWorkspace();
    await prRun(workspace, "regressed.json");
    const second = await prRun(workspace, "better.json");
    expect(second.exitCode).toBe(0);
    const comments = api.comments("acme", "models", 7);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain("### ✅ pass · evaluate-gate · churn-classifier");
    const writes = () =>
      api.requests.filter((r) => r.method !== "GET" && r.route !== "POST /graphql").map((r) => r.route);
    expect(writes()).toEqual([
      "POST /repos/{owner}/{repo}/issues/{issue_number}/comments",
      "PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}",
    ]);
    await prRun(workspace, "better.json");
    expect(writes()).toHaveLength(2);
    expect(api.comments("acme", "models", 7)).toHaveLength(1);
  });

  it("passes with exit 0 when the candidate holds every rule", async () => {
    const run = await prRun(exampleWorkspace(), "better.json");
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({ verdict: "pass", passed: "true" });
    expect(run.commands.filter((c) => c.command === "error")).toEqual([]);
  });

  it("passes a warning, or fails the step on it with one error line when fail-on is warn", async () => {
    const workspace = exampleWorkspace();
    writeFileSync(
      path.join(workspace, "warned.json"),
      example("candidate-better.json").replace('"f1": 0.881', '"f1": 0.869'),
    );
    const passing = await prRun(workspace, "warned.json");
    expect(passing.exitCode).toBe(0);
    expect(passing.outputs).toMatchObject({ verdict: "warn", passed: "true" });
    expect(passing.commands.filter((c) => c.command === "warning").map((c) => c.properties.title)).toContain(
      "evaluate-gate · f1:warn-regression-pct",
    );
    const failing = await prRun(workspace, "warned.json", { "fail-on": "warn" });
    expect(failing.exitCode).toBe(1);
    expect(failing.outputs).toMatchObject({ verdict: "warn", passed: "false" });
    expect(failing.commands.filter((c) => c.command === "error").map((c) => c.message)).toEqual([
      "evaluate-gate · churn-classifier: verdict warn fails the step because fail-on is warn.",
    ]);
  });

  it("writes only the job summary on a push event and calls no API", async () => {
    const run = await runActionBundle("evaluate-gate", {
      node,
      workspace: exampleWorkspace(),
      apiUrl: api.url,
      eventName: "push",
      event: { ref: "refs/heads/main" },
      inputs: { candidate: "regressed.json", baseline: "baseline.json", "github-token": "ghs_test_write" },
    });
    expect(run.exitCode).toBe(1);
    expect(run.summary).toContain("### ❌ fail · evaluate-gate · churn-classifier");
    expect(run.summary).toContain("Policy: modelgate.yml (the local file).");
    expect(api.requests).toEqual([]);
  });

  it("finds its comment on page 2 of 150 comments and updates it", async () => {
    const others = Array.from({ length: 149 }, (_, i) => ({
      body: `comment ${i}`,
      login: i % 2 ? "octo-user" : "github-actions[bot]",
      type: (i % 2 ? "User" : "Bot") as "User" | "Bot",
    }));
    others.splice(120, 0, { body: `${MARKER}\nold report`, login: "github-actions[bot]", type: "Bot" });
    api.seedComments("acme", "models", 7, others);
    await prRun(exampleWorkspace(), "regressed.json");
    const comments = api.comments("acme", "models", 7);
    expect(comments).toHaveLength(150);
    expect(comments[120]!.body).toContain("### ❌ fail");
    expect(
      api.requests
        .filter((r) => r.route?.startsWith("GET") && r.route.endsWith("/comments"))
        .map((r) => r.query.page ?? "1"),
    ).toEqual(["1", "2"]);
  });

  it("ignores a marker planted in another user's comment and writes its own", async () => {
    api.seedComments("acme", "models", 7, [{ body: `${MARKER}\n✅ pass, trust me`, login: "mallory", type: "User" }]);
    await prRun(exampleWorkspace(), "regressed.json");
    const comments = api.comments("acme", "models", 7);
    expect(comments).toHaveLength(2);
    expect(comments[0]!.body).toBe(`${MARKER}\n✅ pass, trust me`);
    expect(comments[1]!.user.login).toBe("github-actions[bot]");
  });

  it("warns and keeps the verdict when the token is read-only (fork PR)", async () => {
    const run = await prRun(exampleWorkspace(), "regressed.json", { "github-token": "ghs_test_read" });
    expect(run.exitCode).toBe(1);
    expect(run.outputs.verdict).toBe("fail");
    expect(run.outputs["comment-url"]).toBeUndefined();
    const warning = run.commands.find(
      (c) => c.command === "warning" && /could not write the PR comment/.test(c.message),
    );
    expect(warning?.message).toMatch(/403/);
    expect(api.comments("acme", "models", 7)).toHaveLength(0);
  });

  it("retries a 502 and then writes the comment", async () => {
    api.failNext("GET", /\/issues\/7\/comments$/, [502]);
    const run = await prRun(exampleWorkspace(), "regressed.json");
    expect(run.exitCode).toBe(1);
    expect(api.comments("acme", "models", 7)).toHaveLength(1);
    expect(api.requests.filter((r) => r.status === 502)).toHaveLength(1);
  });

  it("keeps a huge report under GitHub's comment limit so the write is accepted", async () => {
    const names = Array.from({ length: 2500 }, (_, i) => `metric_${i}_${"x".repeat(60)}`);
    const policy = `version: 1\nmodel: churn-classifier\nevaluate:\n  metrics:\n${names.map((n) => `    ${n}: { direction: higher, min: 0.5, max-regression: 0.01 }`).join("\n")}\n`;
    const workspace = makeWorkspace({
      "modelgate.yml": policy,
      "baseline.json": JSON.stringify(Object.fromEntries(names.map((n) => [n, 0.9]))),
      "c.json": JSON.stringify(Object.fromEntries(names.map((n, i) => [n, i % 3 ? 0.9 : 0.1]))),
    });
    api.setFile("acme", "models", BASE_SHA, "modelgate.yml", policy);
    const run = await runActionBundle("evaluate-gate", {
      node,
      workspace,
      apiUrl: api.url,
      eventName: "pull_request",
      event: PR_EVENT,
      inputs: { candidate: "c.json", baseline: "baseline.json", "github-token": "ghs_test_write" },
    });
    expect(run.exitCode).toBe(1);
    const body = api.comments("acme", "models", 7)[0]!.body;
    expect(body.length).toBeLessThanOrEqual(60_100);
    expect(body).toContain("more checks not shown");
    expect(api.requests.filter((r) => r.status === 422)).toEqual([]);
  });

  it("judges a PR that loosens modelgate.yml by the base branch's policy and shows the change", async () => {
    const loosened = POLICY.replace("max-regression: 0.01", "max-regression: 0.5")
      .replace("min-improvement: 0.0", "min-improvement: -1")
      .replace("max-regression-pct: 10", "max-regression-pct: 50");
    const run = await prRun(exampleWorkspace(loosened), "regressed.json");
    expect(run.exitCode).toBe(1);
    expect(run.outputs.verdict).toBe("fail");
    expect(run.summary).toContain("This pull request changes modelgate.yml");
    expect(run.summary).toContain("| evaluate.metrics.accuracy.max-regression | 0.01 | 0.5 |");
    expect(
      api.requests.some((r) => r.route === "GET /repos/{owner}/{repo}/contents/{path}" && r.query.ref === BASE_SHA),
    ).toBe(true);
  });

  it("turns the same sticky comment into a could-not-decide report when the policy breaks", async () => {
    const workspace = exampleWorkspace();
    await prRun(workspace, "better.json");
    const broken = makeWorkspace({
      "modelgate.yml": POLICY.replace("direction: lower", "direction: down"),
      "baseline.json": example("baseline.json"),
      "better.json": example("candidate-better.json"),
    });
    const run = await prRun(broken, "better.json", { "policy-source": "head" });
    expect(run.exitCode).toBe(1);
    expect(run.outputs.verdict).toBe("fail");
    const comments = api.comments("acme", "models", 7);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain("**The gate could not decide**, so it fails.");
    const error = run.commands.find((c) => c.command === "error");
    expect(error?.properties).toMatchObject({ file: "modelgate.yml", line: "9" });
    expect(error?.message).toMatch(
      /evaluate.metrics.latency_p95_ms.direction \(line 9\) must be one of "higher", "lower".* Fix: Edit modelgate.yml/,
    );
  });

  it("creates a check run with one annotation per failing rule when check-run is true", async () => {
    await prRun(exampleWorkspace(), "regressed.json", { "check-run": "true" });
    const [check] = api.checkRuns("acme", "models");
    expect(check).toMatchObject({
      name: "modelgate evaluate-gate (churn-classifier)",
      head_sha: HEAD_SHA,
      conclusion: "failure",
      status: "completed",
    });
    expect(check!.annotations.map((a) => [a.annotation_level, a.start_line])).toEqual([
      ["failure", 6],
      ["failure", 8],
      ["failure", 9],
      ["warning", 7],
    ]);
  });
});
