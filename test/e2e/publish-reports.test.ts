import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startGitHubStandIn } from "../support/github-stand-in/start-github-stand-in.js";
import type { GitHubStandIn } from "../support/github-stand-in/stand-in-types.js";
import { writeZip } from "../support/zip/write-zip.js";
import type { ZipEntryInput } from "../support/zip/write-zip.js";
import { nodeBinaries, repoRoot } from "./support/node-binaries.js";
import { makeWorkspace, runActionBundle } from "./support/run-action-bundle.js";

const example = (file: string) => readFileSync(path.join(repoRoot, "shared/examples/churn", file), "utf8");
const BASE_SHA = "b".repeat(40);
const HEAD_SHA = "a".repeat(40);
const RUN_ID = 987_654_321;
const FORK_PR = 12;
const MARKER = "<!-- modelgate:evaluate-gate:churn-classifier -->";
// Runners run actions on node24; the other e2e files cover the Node 20 matrix of the shared runner code.
const node = nodeBinaries().at(-1)?.path;

/**
 * The first half of the fork-safe pattern, for real: the evaluate-gate bundle runs on a fork's pull request
 * with a read-only token (its comment fails with a warning) and leaves its result files in RUNNER_TEMP/modelgate.
 */
async function runForkGate(api: GitHubStandIn, candidate: string): Promise<ZipEntryInput[]> {
  api.setFile("acme", "models", BASE_SHA, "modelgate.yml", example("modelgate.yml"));
  const workspace = makeWorkspace({
    "modelgate.yml": example("modelgate.yml"),
    "baseline.json": example("baseline.json"),
    "candidate.json": example(candidate),
  });
  const run = await runActionBundle("evaluate-gate", {
    node: node!,
    workspace,
    apiUrl: api.url,
    eventName: "pull_request",
    event: {
      number: FORK_PR,
      pull_request: { number: FORK_PR, head: { sha: HEAD_SHA, ref: "patch-1" }, base: { sha: BASE_SHA, ref: "main" } },
    },
    inputs: { candidate: "candidate.json", baseline: "baseline.json", "github-token": "ghs_test_read" },
  });
  expect(
    run.commands.some((c) => c.command === "warning" && c.message.includes("could not write the PR comment")),
  ).toBe(true);
  const folder = path.join(run.runnerTemp, "modelgate");
  return readdirSync(folder)
    .sort()
    .map((name) => ({ name, data: readFileSync(path.join(folder, name)) }));
}

describe("publish-reports bundle", () => {
  let api: GitHubStandIn;
  let regressed: ZipEntryInput[];
  let better: ZipEntryInput[];
  beforeAll(async () => {
    const setup = await startGitHubStandIn();
    regressed = await runForkGate(setup, "candidate-regressed.json");
    better = await runForkGate(setup, "candidate-better.json");
    await setup.close();
  });
  beforeEach(async () => {
    api = await startGitHubStandIn();
  });
  afterEach(async () => {
    expect(api.violations).toEqual([]);
    await api.close();
  });

  /** A finished fork pull_request run with one artifact, and the fork's open pull request. */
  const seedForkRun = (entries: ZipEntryInput[] | Buffer, artifactName = "modelgate-results") => {
    api.seedWorkflowRun("acme", "models", {
      id: RUN_ID,
      event: "pull_request",
      headSha: HEAD_SHA,
      headBranch: "patch-1",
      headRepository: "forker/models",
    });
    api.seedPullRequest("acme", "models", { number: 3, headSha: "c".repeat(40), headRef: "other" });
    api.seedPullRequest("acme", "models", {
      number: FORK_PR,
      headSha: HEAD_SHA,
      headRef: "patch-1",
      headRepository: "forker/models",
      login: "forker",
    });
    api.seedArtifact("acme", "models", RUN_ID, {
      name: artifactName,
      zip: Buffer.isBuffer(entries) ? entries : writeZip(entries),
    });
  };
  const publish = (inputs: Record<string, string> = {}) =>
    runActionBundle("publish-reports", {
      node: node!,
      workspace: makeWorkspace({}),
      apiUrl: api.url,
      eventName: "workflow_run",
      event: { action: "completed", workflow_run: { id: RUN_ID } },
      inputs: {
        "run-id": String(RUN_ID),
        "artifact-name": "modelgate-results*",
        combine: "false",
        key: "default",
        "github-token": "ghs_test_write",
        ...inputs,
      },
    });
  const errors = (run: Awaited<ReturnType<typeof publish>>) =>
    run.commands.filter((c) => c.command === "error").map((c) => c.message);
  const resultEntry = (entries: ZipEntryInput[]) => entries.find((e) => e.name.endsWith(".json"))!;
  const withResult = (entries: ZipEntryInput[], edit: (result: Record<string, unknown>) => void): ZipEntryInput[] =>
    entries.map((entry) => {
      if (!entry.name.endsWith(".json")) return entry;
      const result = JSON.parse(entry.data.toString()) as Record<string, unknown>;
      edit(result);
      return { name: entry.name, data: JSON.stringify(result) };
    });

  it("posts a fork's result to the pull request found by head sha, re-rendered from the checked data", async () => {
    seedForkRun(regressed);
    const run = await publish();
    expect(errors(run)).toEqual([]);
    expect(run.exitCode).toBe(0);
    expect(run.outputs).toMatchObject({
      "pull-request": String(FORK_PR),
      published: "1",
      verdict: "fail",
      passed: "false",
    });
    const comments = api.comments("acme", "models", FORK_PR);
    expect(comments).toHaveLength(1);
    expect(comments[0]!.user.login).toBe("github-actions[bot]");
    expect(
      comments[0]!.body.startsWith(
        `${MARKER}\n### Reported ❌ fail · evaluate-gate · churn-classifier\n_Reported by the pull request's own workflow run, whose code wrote these results; re-rendered from checked fields, not verified._\n**3 of 8 checks failed**`,
      ),
    ).toBe(true);
    expect(comments[0]!.body).toContain(
      `workflow run ${RUN_ID}](https://github.com/acme/models/actions/runs/${RUN_ID})`,
    );
    expect(run.outputs["comment-url"]).toBe(comments[0]!.html_url);
    // The artifact's own markdown is never posted: its evaluate-gate layout ("candidate" column) does not appear.
    const artifactMarkdown = JSON.parse(resultEntry(regressed).data.toString()).report_markdown as string;
    expect(artifactMarkdown).toContain("| metric | baseline | candidate |");
    expect(comments[0]!.body).not.toContain("| metric | baseline | candidate |");
    const published = JSON.parse(readFileSync(run.outputs.result!, "utf8"));
    expect(published).toMatchObject({
      schema: "modelgate.publish/v1",
      pull_request: FORK_PR,
      run_id: RUN_ID,
      head_sha: HEAD_SHA,
    });
    expect(published.results[0].report_markdown).toBeUndefined();
    expect(run.summary).toContain("### Reported ❌ fail · modelgate · 1 gate");
    const routes = api.requests.map((r) => r.route ?? r.path);
    expect(routes).toContain("GET /repos/{owner}/{repo}/pulls");
    expect(api.requests.find((r) => r.route === "GET /repos/{owner}/{repo}/pulls")!.query).toMatchObject({
      state: "open",
      head: "forker:patch-1",
    });
  });

  it("sends the token only in its header and no query parameter GitHub does not document", async () => {
    seedForkRun(regressed);
    const run = await publish();
    expect(run.exitCode).toBe(0);
    expect(api.requests.filter((r) => Object.values(r.query).includes("ghs_test_write"))).toEqual([]);
    // state, head, per_page: the pulls and artifacts lists; sig: the storage URL GitHub redirects the download to.
    const sent = new Set(api.requests.flatMap((r) => Object.keys(r.query)));
    expect([...sent].sort()).toEqual(["head", "per_page", "sig", "state"]);
  });

  it("posts a fork's pass and its claimed base-branch policy as the run's report, never as verified fact", async () => {
    // What a fork's own workflow can write: a pass, and a policy it says came from the base branch.
    seedForkRun(
      withResult(regressed, (r) => {
        r.verdict = "pass";
        r.checks = (r.checks as Array<Record<string, unknown>>).map((c) => ({ ...c, verdict: "pass" }));
        r.policy = { ...(r.policy as object), source: "base" };
      }),
    );
    const run = await publish();
    expect(run.exitCode).toBe(0);
    const body = api.comments("acme", "models", FORK_PR)[0]!.body;
    expect(body.split("\n").slice(1, 3)).toEqual([
      "### Reported ✅ pass · evaluate-gate · churn-classifier",
      "_Reported by the pull request's own workflow run, whose code wrote these results; re-rendered from checked fields, not verified._",
    ]);
    expect(body).not.toMatch(/base branch's version decided/i);
    expect(body).toMatch(
      /Policy named by the run: modelgate\.yml at sha256 `[0-9a-f]{12}` \(not verified: which version decided is the run's claim\)\./,
    );
    expect(body).toContain(
      "from the fork forker/models. That run executed the pull request's code, so its verdicts and the policy it names are its claims",
    );
    // The outputs echo the fork's claim too; the catalog says they must never gate anything.
    expect(run.outputs).toMatchObject({ verdict: "pass", passed: "true" });
  });

  it("publishes a result's slice search, and a check name longer than any cap cut rather than refused", async () => {
    // A slice check's name carries the data's own values; this one is 700 characters, as a free-text category makes it.
    const value = `EU ${"enterprise customers with annual contracts ".repeat(15)}`.trim();
    const found = {
      slice: `region=${value}`,
      predicates: [`region=${value}`],
      rows: 338,
      value: 0.61,
      baseline: 0.91,
      delta: -0.3,
      regression: 0.3,
      statistic: 9.1,
      p_value: 1e-18,
      p_value_adjusted: 4e-16,
      significant: true,
    };
    seedForkRun(
      withResult(regressed, (r) => {
        const checks = r.checks as Array<Record<string, unknown>>;
        checks[0] = { ...checks[0], name: `accuracy:min[region=${value}]`, slice: `region=${value}` };
        r.slice_search = {
          loss: "error",
          metric: "accuracy",
          direction: "higher",
          margin: 0.02,
          margin_source: "evaluate.metrics.accuracy.max-regression",
          method: "t-test-holm",
          alpha: 0.05,
          family: 98,
          family_by_depth: [15, 83],
          tested: 51,
          depth: 2,
          min_size: 100,
          bins: 5,
          columns: ["region", "plan"],
          rows: 4000,
          found: 1,
          on_finding: "warn",
          slices: [found],
        };
      }),
    );
    const run = await publish();
    expect(errors(run)).toEqual([]);
    expect(run.exitCode).toBe(0);
    const body = api.comments("acme", "models", FORK_PR)[0]!.body;
    expect(body).toContain("**Slices found automatically** (1 regressed beyond the margin; worst first)");
    expect(body).toContain("| 338 | 0.91 | 0.61 | -0.3 | 4e-16 | ⚠️ regressed |");
    expect(body).toContain("Searched region, plan over 4000 paired examples");
    expect(body).toContain(`**accuracy:min\\[region=EU enterprise customers`);
    expect(body).not.toContain(value);
  });

  it("leaves the sticky comment alone when the run is published again with the same results", async () => {
    seedForkRun(regressed);
    await publish();
    api.seedArtifact("acme", "models", RUN_ID, { name: "modelgate-results-2", zip: writeZip([]) });
    const again = await publish();
    expect(again.outputs.published).toBe("1");
    expect(api.comments("acme", "models", FORK_PR)).toHaveLength(1);
    const writes = api.requests.filter((r) => r.method !== "GET" && r.route !== "POST /graphql").map((r) => r.route);
    expect(writes).toEqual(["POST /repos/{owner}/{repo}/issues/{issue_number}/comments"]);
  });

  it("writes one combined comment for all gates of the run with combine: true", async () => {
    seedForkRun(regressed);
    const renamed = better.map((entry) => ({
      name: entry.name.replace("churn-classifier", "churn-v2"),
      data: entry.data,
    }));
    api.seedArtifact("acme", "models", RUN_ID, {
      name: "modelgate-results-v2",
      zip: writeZip(withResult(renamed, (r) => (r.key = "churn-v2"))),
    });
    const run = await publish({ combine: "true" });
    expect(errors(run)).toEqual([]);
    const comments = api.comments("acme", "models", FORK_PR);
    expect(comments).toHaveLength(1);
    expect(
      comments[0]!.body.startsWith("<!-- modelgate:combined:default -->\n### Reported ❌ fail · modelgate · 2 gates"),
    ).toBe(true);
    expect(comments[0]!.body).toContain("#### Reported ✅ pass · evaluate-gate · churn-v2");
    expect(comments[0]!.body).toContain("#### Reported ❌ fail · evaluate-gate · churn-classifier");
  });

  it("uses the pull request GitHub links to a same-repository run without listing pull requests", async () => {
    api.seedPullRequest("acme", "models", { number: 5, headSha: HEAD_SHA, headRef: "feature" });
    api.seedWorkflowRun("acme", "models", {
      id: RUN_ID,
      event: "pull_request",
      headSha: HEAD_SHA,
      headBranch: "feature",
      pullRequests: [5],
    });
    api.seedArtifact("acme", "models", RUN_ID, { name: "modelgate-results", zip: writeZip(better) });
    const run = await publish();
    expect(run.outputs["pull-request"]).toBe("5");
    expect(api.comments("acme", "models", 5)).toHaveLength(1);
    expect(api.requests.some((r) => r.route === "GET /repos/{owner}/{repo}/pulls")).toBe(false);
  });

  it("ignores a pull request number the artifact claims and posts only to the one the API names", async () => {
    seedForkRun(withResult(regressed, (r) => Object.assign(r, { pull_request: 3, issue_number: 3, number: 3 })));
    const run = await publish();
    expect(run.exitCode).toBe(0);
    expect(api.comments("acme", "models", 3)).toEqual([]);
    expect(api.comments("acme", "models", FORK_PR)).toHaveLength(1);
  });

  it("never posts a forged report_markdown, and escapes mentions and links smuggled into result fields", async () => {
    const forged = withResult(regressed, (r) => {
      r.report_markdown = "@maintainer please merge: [urgent fix](https://evil.example/phish)";
      r.notes = ["ping @maintainer at https://evil.example/phish", "closes GH-1 for region \u202egnp.exe"];
    });
    seedForkRun(forged);
    const run = await publish();
    expect(run.exitCode).toBe(0);
    const body = api.comments("acme", "models", FORK_PR)[0]!.body;
    expect(body).not.toContain("@maintainer");
    expect(body).not.toContain("https://evil.example");
    expect(body).not.toContain("[urgent fix]");
    expect(body).toContain("ping @\u200bmaintainer at https:\u200b//evil.example/phish");
    // GH-1 would link issue 1 (and add a "mentioned" entry there); a U+202E override would make the name read "exe.png".
    expect(body).toContain("closes GH-\u200b1 for region gnp.exe");
    expect(body).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
  });

  it.each([
    [
      "a zip-slip entry name",
      () => writeZip([...regressed, { name: "../../.github/workflows/evil.json", data: "{}" }]),
      /entry's name is unsafe.*\.\.\/\.\.\/\.github/,
    ],
    ["an absolute entry name", () => writeZip([{ name: "/etc/cron.d/x.json", data: "{}" }]), /entry's name is unsafe/],
    ["a symlink entry", () => writeZip([{ name: "link.json", data: "/etc/passwd", mode: 0o120777 }]), /symbolic link/],
    [
      "an entry larger than the limit",
      () => writeZip([{ name: "big.json", data: Buffer.alloc(3 * 1024 * 1024, 32) }]),
      /more than the limit of 2097152/,
    ],
    [
      "a zip bomb that lies about its size",
      () => writeZip([{ name: "bomb.json", data: Buffer.alloc(1024 * 1024, 48), declaredSize: 100 }]),
      /does not inflate to its declared size/,
    ],
    ["bytes that are not a zip", () => Buffer.from("not a zip at all"), /not a zip archive/],
  ])("refuses the whole artifact and posts nothing for %s", async (_name, zip, message) => {
    seedForkRun(zip());
    const run = await publish();
    expect(run.exitCode).toBe(1);
    expect(errors(run).join("\n")).toMatch(message);
    expect(api.comments("acme", "models", FORK_PR)).toEqual([]);
  });

  it.each([
    [
      "malformed JSON",
      (entries: ZipEntryInput[]) =>
        entries.map((e) =>
          e.name.endsWith(".json") ? { name: e.name, data: '{"schema": "modelgate.result/v1",' } : e,
        ),
      /is not valid JSON/,
    ],
    [
      "an unknown action",
      (entries: ZipEntryInput[]) => withResult(entries, (r) => (r.action = "publish-reports")),
      /at action: allowed: validate-data/,
    ],
    [
      "a verdict better than its checks",
      (entries: ZipEntryInput[]) => withResult(entries, (r) => (r.verdict = "pass")),
      /verdict pass is better than its worst check \(fail\)/,
    ],
    [
      "a key with markdown in it",
      (entries: ZipEntryInput[]) => withResult(entries, (r) => (r.key = "x -->[a](https://evil.example)")),
      /at key/,
    ],
    [
      "a check without its threshold",
      (entries: ZipEntryInput[]) =>
        withResult(entries, (r) => delete (r.checks as Array<Record<string, unknown>>)[0]!.threshold),
      /at checks\.0\.threshold: expected number/,
    ],
  ])("refuses a result with %s and posts nothing", async (_name, edit, message) => {
    seedForkRun(edit(regressed));
    const run = await publish();
    expect(run.exitCode).toBe(1);
    expect(errors(run).join("\n")).toMatch(message);
    expect(api.comments("acme", "models", FORK_PR)).toEqual([]);
  });

  it("refuses an artifact GitHub lists as larger than the limit without downloading it", async () => {
    seedForkRun(regressed);
    api.seedArtifact("acme", "models", RUN_ID, {
      name: "modelgate-results-huge",
      zip: writeZip([]),
      sizeInBytes: 9 * 1024 * 1024,
    });
    const run = await publish();
    expect(run.exitCode).toBe(1);
    expect(errors(run).join("\n")).toMatch(/is 9437184 bytes, more than the limit of 8388608/);
    expect(api.requests.filter((r) => r.path.startsWith("/_storage/"))).toHaveLength(1);
  });

  it("publishes nothing when no open pull request has the run's head any more", async () => {
    api.seedWorkflowRun("acme", "models", {
      id: RUN_ID,
      event: "pull_request",
      headSha: HEAD_SHA,
      headBranch: "patch-1",
      headRepository: "forker/models",
    });
    api.seedPullRequest("acme", "models", {
      number: FORK_PR,
      headSha: "d".repeat(40),
      headRef: "patch-1",
      headRepository: "forker/models",
    });
    api.seedArtifact("acme", "models", RUN_ID, { name: "modelgate-results", zip: writeZip(regressed) });
    const run = await publish();
    expect(run.exitCode).toBe(0);
    expect(
      run.commands.some((c) => c.command === "warning" && c.message.includes("No open pull request has the head")),
    ).toBe(true);
    expect(run.outputs["pull-request"]).toBe("");
    expect(api.comments("acme", "models", FORK_PR)).toEqual([]);
  });

  it("fails with the permission to grant when the token cannot comment", async () => {
    seedForkRun(regressed);
    const run = await publish({ "github-token": "ghs_test_read" });
    expect(run.exitCode).toBe(1);
    expect(errors(run).join("\n")).toMatch(/HTTP 403.*pull-requests: write/);
  });

  it("names the input when run-id is missing", async () => {
    const run = await publish({ "run-id": "" });
    expect(run.exitCode).toBe(1);
    expect(errors(run).join("\n")).toContain('Input "run-id" is ""');
  });
});
