import { copyFileSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startGitHubStandIn } from "../support/github-stand-in/start-github-stand-in.js";
import type { GitHubStandIn } from "../support/github-stand-in/stand-in-types.js";
import { nodeBinaries, repoRoot } from "./support/node-binaries.js";
import { makeWorkspace, runActionBundle } from "./support/run-action-bundle.js";

const example = path.join(repoRoot, "shared/examples/churn");
const POLICY = readFileSync(path.join(example, "modelgate.yml"), "utf8");
const BASE_SHA = "b".repeat(40);
const PR_EVENT = {
  action: "synchronize",
  number: 7,
  pull_request: { number: 7, head: { sha: "a".repeat(40), ref: "feature" }, base: { sha: BASE_SHA, ref: "main" } },
};
const MARKER = "<!-- modelgate:shadow-compare:churn-classifier -->";
const LOGS = {
  production: "shadow/production.csv.gz",
  shadow: "shadow/shadow.jsonl.gz",
  labels: "shadow/labels.csv",
  "slice-columns": "country,plan",
};

function exampleWorkspace(files: Record<string, string> = {}): string {
  const workspace = makeWorkspace({ "modelgate.yml": POLICY, ...files });
  mkdirSync(path.join(workspace, "shadow"), { recursive: true });
  for (const file of ["production.csv.gz", "shadow.jsonl.gz", "labels.csv"])
    copyFileSync(path.join(example, "shadow", file), path.join(workspace, "shadow", file));
  return workspace;
}

describe.each(nodeBinaries())("shadow-compare bundle on $label", ({ path: node }) => {
  let api: GitHubStandIn;
  beforeEach(async () => {
    api = await startGitHubStandIn();
  });
  afterEach(async () => {
    expect(api.violations).toEqual([]);
    await api.close();
  });

  const prRun = (workspace: string, inputs: Record<string, string> = {}) => {
    api.setFile("acme", "models", BASE_SHA, "modelgate.yml", POLICY);
    return runActionBundle("shadow-compare", {
      node,
      workspace,
      apiUrl: api.url,
      eventName: "pull_request",
      event: PR_EVENT,
      inputs: { ...LOGS, "github-token": "ghs_test_write", ...inputs },
    });
  };

  it("judges the example's shadow log on a PR: outputs, one sticky comment without request data, the review queue", async () => {
    const workspace = exampleWorkspace();
    const run = await prRun(workspace, { "review-queue": "review/queue.csv" });
    const result = JSON.parse(readFileSync(run.outputs.result!, "utf8"));
    expect(result).toMatchObject({
      schema: "modelgate.result/v1",
      action: "shadow-compare",
      key: "churn-classifier",
      verdict: run.outputs.verdict,
    });
    expect(run.exitCode).toBe(run.outputs.verdict === "fail" ? 1 : 0);
    expect(Number(run.outputs.coverage)).toBeCloseTo(result.summary.requests.coverage, 15);
    expect(Number(run.outputs.agreement)).toBeCloseTo(result.summary.classes.agreement, 15);
    expect(result.summary.requests.production).toBe(1500);
    const comments = api.comments("acme", "models", 7);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body.startsWith(`${MARKER}\n### `)).toBe(true);
    expect(comments[0]!.body).not.toMatch(/req-\d{5}/);
    expect(result.examples).toBeUndefined();
    expect(run.outputs["review-queue"]).toBe("review/queue.csv");
    const queue = readFileSync(path.join(workspace, "review/queue.csv"), "utf8").trim().split("\n");
    expect(queue[0]).toBe(
      "id,reason,production_prediction,shadow_prediction,production_score,shadow_score,abs_score_delta,slice:country,slice:plan,shadow_reasons,label",
    );
    expect(queue.length - 1).toBeGreaterThanOrEqual(
      result.summary.classes.flips.reduce((sum: number, f: { count: number }) => sum + f.count, 0),
    );
    expect(queue[1]).toMatch(/^req-\d{5},disagreement,(churn|stay),(churn|stay),/);
    expect(queue[1]!.endsWith(",")).toBe(true);
  });

  it("shows the largest disagreements, only in example-columns, with show-examples", async () => {
    const run = await prRun(exampleWorkspace(), {
      "show-examples": "true",
      "example-columns": "id,production_score,shadow_score",
      examples: "3",
    });
    const body = api.comments("acme", "models", 7)[0]!.body;
    expect(body).toContain("Largest disagreements (3)");
    expect(body).toMatch(/req-\d{5}/);
    expect(body).not.toContain("shadow_prediction |");
    expect(run.summary).toBe(readFileSync(run.outputs.report!, "utf8"));
  });
});

/** Inputs that cannot be judged: each fails the step with one error naming the file, the column and the fix. */
describe.each(nodeBinaries())("shadow-compare bundle refuses bad input on $label", ({ path: node }) => {
  const header = "request_id,timestamp,prediction,score,latency_ms\n";
  const row = (id: string, time = "2026-11-20T00:00:00Z", prediction = "1", latency = "10") =>
    `${id},${time},${prediction},0.7,${latency}\n`;
  const good = header + row("a") + row("b", "2026-11-20T00:00:01Z", "0");
  const policy = "version: 1\nmodel: churn\nshadow:\n  min-requests: 1\n  min-coverage: 0.5\n";
  const run = (production: string, shadow: string, inputs: Record<string, string> = {}) =>
    runActionBundle("shadow-compare", {
      node,
      workspace: makeWorkspace({ "modelgate.yml": policy, "production.csv": production, "shadow.csv": shadow }),
      eventName: "push",
      event: { ref: "refs/heads/main" },
      inputs: { production: "production.csv", shadow: "shadow.csv", "github-token": "ghs_test_write", ...inputs },
    });
  const cases: [string, string, string, Record<string, string>, RegExp][] = [
    ["no common ids", good, header + row("x"), {}, /no request id in common/],
    [
      "duplicate ids",
      good + row("a"),
      good,
      {},
      /logs 1 request ids more than once \(1 extra rows\).*duplicate-ids is "error".* Fix: Set duplicate-ids to "first"/,
    ],
    ["missing timestamps", header + row("a", ""), good, {}, /1 of 1 rows whose timestamp is missing/],
    [
      "negative latencies",
      good,
      header + row("a", undefined, "1", "-5"),
      {},
      /Input "shadow": shadow\.csv has 1 negative latencies in "latency_ms"/,
    ],
    [
      "a join key missing in one log",
      good,
      "id,prediction\na,1\n",
      {},
      /Input "shadow": shadow\.csv has no column "request_id"/,
    ],
    ["an empty shadow log", good, "", {}, /Input "shadow"/],
    [
      "mismatched class labels",
      good,
      header + row("a", undefined, "yes") + row("b", undefined, "no"),
      {},
      /predict disjoint sets of classes/,
    ],
  ];
  it.each(cases)("fails on %s", async (_name, production, shadow, inputs, message) => {
    const result = await run(production, shadow, inputs);
    expect(result.exitCode).toBe(1);
    const errors = result.commands.filter((c) => c.command === "error");
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(message);
    expect(result.outputs.verdict).toBe("fail");
  });

  it("reports a partial join with its coverage instead of dropping requests", async () => {
    const result = await run(good, header + row("a"));
    const json = JSON.parse(readFileSync(result.outputs.result!, "utf8"));
    expect(json.summary.requests).toMatchObject({
      production: 2,
      shadow: 1,
      joined: 1,
      only_production: 1,
      coverage: 0.5,
    });
    expect(json.notes.join(" ")).toMatch(/Partial join: 1 production requests have no shadow answer/);
    expect(result.exitCode).toBe(0);
  });
});
