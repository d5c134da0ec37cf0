import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startGitHubStandIn } from "../support/github-stand-in/start-github-stand-in.js";
import type { GitHubStandIn } from "../support/github-stand-in/stand-in-types.js";
import { nodeBinaries, repoRoot } from "./support/node-binaries.js";
import { makeWorkspace, runActionBundle } from "./support/run-action-bundle.js";

const example = (file: string) => readFileSync(path.join(repoRoot, "shared/examples/churn/data", file), "utf8");
const POLICY = example("modelgate.yml");
const BASE_SHA = "b".repeat(40);
const PR_EVENT = {
  action: "synchronize",
  number: 9,
  pull_request: { number: 9, head: { sha: "a".repeat(40), ref: "feature" }, base: { sha: BASE_SHA, ref: "main" } },
};

function workspace(extra: Record<string, string> = {}) {
  return makeWorkspace({
    "modelgate.yml": POLICY,
    "reference.csv": example("reference.csv"),
    "clean.csv": example("batch-clean.csv"),
    "drifted.csv": example("batch-drifted.csv"),
    ...extra,
  });
}

describe.each(nodeBinaries())("validate-data bundle on $label", ({ path: node }) => {
  let api: GitHubStandIn;
  beforeEach(async () => {
    api = await startGitHubStandIn();
  });
  afterEach(async () => {
    expect(api.violations).toEqual([]);
    await api.close();
  });

  const run = (ws: string, inputs: Record<string, string>, eventName = "push", event: Record<string, unknown> = {}) =>
    runActionBundle("validate-data", {
      node,
      workspace: ws,
      apiUrl: api.url,
      eventName,
      event,
      inputs: { "github-token": "ghs_test_write", ...inputs },
    });

  it("passes a clean batch and sets the digest, row and drift outputs", async () => {
    const ws = workspace();
    const result = await run(ws, { data: "clean.csv", reference: "reference.csv" });
    expect(result.exitCode).toBe(0);
    expect(result.outputs.verdict).toBe("pass");
    expect(result.outputs.rows).toBe("1500");
    expect(result.outputs["data-sha256"]).toMatch(/^[0-9a-f]{64}$/);
    expect(result.outputs["drifted-columns"]).toBe("[]");
    expect(result.outputs["drift-share"]).toBe("0");
    // The mergeable profile of the batch, for modelgate profile merge across shards.
    const profile = JSON.parse(readFileSync(result.outputs.profile!, "utf8"));
    expect(profile).toMatchObject({
      schema: "modelgate.profile/v1",
      rows: 1500,
      shards: [{ sha256: result.outputs["data-sha256"], rows: 1500 }],
    });
    const json = JSON.parse(readFileSync(result.outputs.result!, "utf8"));
    expect(json).toMatchObject({
      schema: "modelgate.result/v1",
      action: "validate-data",
      key: "churn-features",
      verdict: "pass",
    });
    expect(json.data.sha256).toBe(result.outputs["data-sha256"]);
    expect(result.summary).toContain("### ✅ pass · validate-data · churn-features");
  });

  it("fails a drifted batch on a PR with one sticky comment and no raw rows", async () => {
    api.setFile("acme", "models", BASE_SHA, "modelgate.yml", POLICY);
    const ws = workspace();
    const result = await run(ws, { data: "drifted.csv", reference: "reference.csv" }, "pull_request", PR_EVENT);
    expect(result.exitCode).toBe(1);
    expect(result.outputs.verdict).toBe("fail");
    expect(JSON.parse(result.outputs["drifted-columns"]!)).toEqual(["monthly_charges", "plan"]);
    expect(Number(result.outputs["drift-share"])).toBeCloseTo(0.4, 12);
    const comments = api.comments("acme", "models", 9);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain("<!-- modelgate:validate-data:churn-features -->");
    expect(comments[0]!.body).toContain("#### Drift");
    // Counts and statistics only: no customer id of the batch appears in the comment.
    expect(comments[0]!.body).not.toContain("3501,");
    const allowed = result.commands.find(
      (c) => c.command === "error" && c.properties.title === "validate-data · plan:allowed",
    );
    expect(allowed?.message).toBe("160 rows hold 1 value outside the allowed list.");
    // The annotation points at the rule in the policy file.
    expect(allowed?.properties.file).toBe("modelgate.yml");
    expect(allowed?.properties.line).toBe("11");
  });

  it("checks only the schema with schema-only", async () => {
    const result = await run(workspace(), { data: "drifted.csv", reference: "reference.csv", "schema-only": "true" });
    const json = JSON.parse(readFileSync(result.outputs.result!, "utf8"));
    expect(json.drift).toBeNull();
    expect(json.reference).toBeNull();
    expect(result.outputs["drift-share"]).toBe("0");
  });

  it("keeps one drift issue on a schedule: opens it and dispatches retraining, then comments and closes it when back in bounds", async () => {
    api.setFile(
      "acme",
      "models",
      "main",
      ".github/workflows/retrain.yml",
      "on:\n  workflow_dispatch:\n    inputs: { run_url: {}, issue_url: {}, drifted_columns: {} }\n",
    );
    const ws = workspace();
    const watch = {
      reference: "reference.csv",
      issue: "true",
      "issue-labels": "data-drift, ml",
      dispatch: "retrain.yml",
      "dispatch-ref": "main",
    };
    const first = await run(ws, { data: "drifted.csv", ...watch }, "schedule");
    expect(first.outputs.verdict).toBe("fail");
    let issues = api.issues("acme", "models");
    expect(issues).toHaveLength(1);
    expect(issues[0]!.state).toBe("open");
    expect(issues[0]!.title).toBe("Data drift: churn-features");
    expect(issues[0]!.labels.map((l) => (typeof l === "string" ? l : l.name))).toEqual(["data-drift", "ml"]);
    expect(issues[0]!.body).toContain("<!-- modelgate:validate-data-drift:churn-features -->");
    expect(issues[0]!.body).toContain("https://github.com/acme/models/actions/runs/4242");
    const dispatches = api.dispatches("acme", "models");
    expect(dispatches).toEqual([
      {
        workflow: "retrain.yml",
        ref: "main",
        inputs: {
          run_url: "https://github.com/acme/models/actions/runs/4242",
          issue_url: issues[0]!.html_url,
          drifted_columns: '["monthly_charges","plan"]',
        },
      },
    ]);
    // Notes are escaped like any text in a report, so the URL is broken with a zero-width space (no autolink).
    expect(first.summary).toContain(
      "Drift issue opened: https:\u200b//github.com/acme/models/issues/1. Dispatched retrain.yml on main.",
    );

    const again = await run(ws, { data: "drifted.csv", ...watch }, "schedule");
    expect(api.issues("acme", "models")).toHaveLength(1);
    expect(again.summary).toContain("Drift issue unchanged");

    const clean = await run(ws, { data: "clean.csv", ...watch }, "schedule");
    expect(clean.outputs.verdict).toBe("pass");
    issues = api.issues("acme", "models");
    expect(issues).toHaveLength(1);
    expect(issues[0]!.state).toBe("closed");
    const comments = api.comments("acme", "models", issues[0]!.number);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.body).toContain("back in bounds (0.0% of columns drifted)");
    // Retraining was dispatched once, when the issue opened; the runs after it did not start another.
    expect(api.dispatches("acme", "models")).toHaveLength(1);

    const quiet = await run(ws, { data: "clean.csv", ...watch }, "schedule");
    expect(api.issues("acme", "models")).toHaveLength(1);
    expect(quiet.summary).toContain("No drift issue is open and none is needed.");
  });

  it("adopts only a drift issue its own account opened, under another App's installation token", async () => {
    const marker = "<!-- modelgate:validate-data-drift:churn-features -->";
    api.seedIssues("acme", "models", [
      { title: "Data drift: churn-features", body: `${marker}\nplanted`, login: "mallory" },
      { title: "Data drift: churn-features", body: `${marker}\nby the workflow token`, login: "github-actions[bot]" },
      { title: "Data drift: churn-features", body: `${marker}\nold`, login: "model-gatekeeper[bot]" },
    ]);
    const result = await run(
      workspace(),
      { data: "drifted.csv", reference: "reference.csv", issue: "true", "github-token": "ghs_test_app" },
      "schedule",
    );
    expect(result.outputs.verdict).toBe("fail");
    const issues = api.issues("acme", "models");
    expect(issues).toHaveLength(3);
    expect(issues.map((issue) => issue.body!.split("\n")[1])).toEqual([
      "planted",
      "by the workflow token",
      expect.stringContaining("churn-features"),
    ]);
    expect(result.summary).toContain("Drift issue updated: https:\u200b//github.com/acme/models/issues/3.");
  });

  it("notes, without changing the verdict, a dispatch the API refuses (no such workflow)", async () => {
    const result = await run(
      workspace(),
      {
        data: "drifted.csv",
        reference: "reference.csv",
        issue: "true",
        dispatch: "missing.yml",
        "dispatch-ref": "main",
      },
      "schedule",
    );
    expect(result.outputs.verdict).toBe("fail");
    expect(api.dispatches("acme", "models")).toEqual([]);
    expect(result.summary).toContain("The drift issue could not be updated");
  });

  it("refuses data over the policy's limits: a gzip bomb at the bytes limit, a long file at the rows limit, each naming the setting", async () => {
    const ws = workspace({ "modelgate.yml": `${POLICY}limits:\n  rows: 1000\n  bytes: 1MiB\n` });
    // 2 MiB of rows (512 rows of 4,000 characters) in a few KiB: the bytes limit stops it before the rows limit.
    writeFileSync(path.join(ws, "bomb.csv.gz"), gzipSync(`x\n${`${"a".repeat(4000)}\n`.repeat(512)}`));
    const bomb = await run(ws, { data: "bomb.csv.gz" });
    expect(bomb.exitCode).toBe(1);
    const bombJson = JSON.parse(readFileSync(bomb.outputs.result!, "utf8"));
    expect(bombJson.error).toMatchObject({ input: "data", file: "bomb.csv.gz" });
    expect(bombJson.error.message).toMatch(
      /^Input "data": bomb\.csv\.gz inflates to more than 1 MiB, the bytes limit on a table's uncompressed size \(reading stopped after 1(\.\d+)? MiB\)\.$/,
    );
    expect(bombJson.error.hint).toContain("Raise limits.bytes in modelgate.yml");
    const long = await run(ws, { data: "clean.csv" });
    expect(long.exitCode).toBe(1);
    const errors = long.commands
      .filter((c) => c.command === "error")
      .map((c) => c.message)
      .join("\n");
    expect(errors).toContain(
      'Input "data": clean.csv has more than 1,000 data rows, the rows limit (reading stopped at row 1,001). Fix: Raise limits.rows in modelgate.yml',
    );
    expect(long.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it("compares a reference over the rows limit as its streamed profile, and says so in the report", async () => {
    const ws = workspace({ "modelgate.yml": `${POLICY}limits:\n  rows: 1500\n` });
    const result = await run(ws, { data: "drifted.csv", reference: "reference.csv" });
    const json = JSON.parse(readFileSync(result.outputs.result!, "utf8"));
    expect(json.error).toBeUndefined();
    expect(json.reference).toMatchObject({ file: "reference.csv", format: "csv" });
    expect(json.notes.join("\n")).toMatch(
      /reference\.csv \(\d+ rows\) is larger than the rows limit of 1500 allows in memory, so drift was judged against its profile/,
    );
    expect(result.summary).toContain("drift was judged against its profile");
    expect(JSON.parse(result.outputs["drifted-columns"]!)).toEqual(expect.arrayContaining(["plan"]));
  });

  it("refuses a policy larger than policy-max-bytes before parsing it", async () => {
    const result = await run(workspace(), { data: "clean.csv", "policy-max-bytes": "512" });
    expect(result.exitCode).toBe(1);
    const json = JSON.parse(readFileSync(result.outputs.result!, "utf8"));
    expect(json.error).toMatchObject({ input: "policy", file: "modelgate.yml" });
    expect(json.error.message).toBe(
      `Input "policy": modelgate.yml is ${Buffer.byteLength(POLICY)} B, more than the 512 B a policy file may have (the policy-max-bytes input).`,
    );
  });

  interface BadCase {
    when: string;
    files: Record<string, string>;
    data: string;
    reference?: string;
    names: string[];
  }
  it.each<BadCase>([
    {
      when: "the data file is a semicolon CSV",
      files: { "semi.csv": "a;b\n1;2\n" },
      data: "semi.csv",
      names: ['Input "data"', "semi.csv line 1", 'separated by ";"'],
    },
    {
      when: "the data path leaves the workspace",
      files: {},
      data: "../outside.csv",
      names: ['Input "data"', "outside"],
    },
    {
      when: "the reference has no rows",
      files: { "empty-ref.csv": "customer_id\n" },
      data: "clean.csv",
      reference: "empty-ref.csv",
      names: ['Input "reference"', "no data rows"],
    },
    {
      when: "gzip is not gzip",
      files: { "x.csv.gz": "a,b\n1,2\n" },
      data: "x.csv.gz",
      names: ['Input "data"', "not valid gzip data"],
    },
    {
      when: "the schema has an unknown key",
      files: { "modelgate.yml": POLICY.replace("unique: true", "uniqe: true") },
      data: "clean.csv",
      names: ["modelgate.yml", 'unknown key "uniqe"', 'did you mean "unique"'],
    },
  ])("fails closed, naming file and fix, when $when", async ({ files, data, reference, names }) => {
    const ws = workspace(files);
    if (data === "../outside.csv") writeFileSync(path.join(ws, "..", "outside.csv"), "a\n1\n");
    const result = await run(ws, { data, ...(reference ? { reference } : {}) });
    expect(result.exitCode).toBe(1);
    expect(result.outputs.verdict).toBe("fail");
    const json = JSON.parse(readFileSync(result.outputs.result!, "utf8"));
    expect(json.error.hint.length).toBeGreaterThan(20);
    const errors = result.commands
      .filter((c) => c.command === "error")
      .map((c) => c.message)
      .join("\n");
    for (const name of names) expect(errors).toContain(name);
    expect(result.stderr).not.toMatch(/at .*\.js:\d+/);
  });
});
