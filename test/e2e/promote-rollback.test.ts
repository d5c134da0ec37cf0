import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createOctokit } from "../../shared/src/github/create-octokit.js";
import { openGitHubRegistryStore } from "../../shared/src/github/github-registry-store.js";
import { buildManifest } from "../../shared/src/lineage/build-manifest.js";
import { promoteVersion } from "../../shared/src/registry/promote-version.js";
import { startGitHubStandIn } from "../support/github-stand-in/start-github-stand-in.js";
import type { GitHubStandIn } from "../support/github-stand-in/stand-in-types.js";
import { nodeBinaries } from "./support/node-binaries.js";
import { runActionBundle } from "./support/run-action-bundle.js";

// The runner's GITHUB_SHA (run-action-bundle): the merge commit of pull request 12, whose head the gates judged.
const MERGE = "f".repeat(40);
const HEAD = createHash("sha1").update("pull request head").digest("hex");
const BASE = createHash("sha1").update("main before the merge").digest("hex");
const OWNER = "acme";
const REPO = "models";
// The pull-request workflow's job whose check run promote requires, and that workflow's file.
const CHECK = "gate";
const WORKFLOW = ".github/workflows/pr-model-gate.yml";
const GATE_WORKFLOW = "on: pull_request\njobs:\n  gate:\n    runs-on: ubuntu-latest\n    steps: [{ run: make gate }]\n";
const sha256 = (bytes: string | Buffer) => createHash("sha256").update(bytes).digest("hex");

/** A workspace as the training job leaves it: the model, its lineage manifest, and train's result JSON. */
function trainedWorkspace(weights: string) {
  const workspace = mkdtempSync(path.join(tmpdir(), "modelgate-promote-e2e-"));
  writeFileSync(path.join(workspace, "model.bin"), weights);
  const manifest = buildManifest({
    git: { repository: "acme/models", sha: MERGE, ref: "refs/heads/main", dirty: false, dirty_files: [] },
    command: { argv: ["bash", "-c", "python train.py"], working_directory: "." },
    seed: { value: 42, variables: { MODELGATE_SEED: "42" } },
    environment: {
      os: { platform: "linux", release: "6.1" },
      arch: "x64",
      runner: {},
      node: "unknown",
      python: "unknown",
      cuda: null,
      container: null,
    },
    lockfiles: [],
    params: [],
    inputs: [],
    outputs: [{ path: "model.bin", sha256: sha256(weights), bytes: weights.length }],
    metrics: { file: "metrics.json", sha256: sha256("{}"), values: { roc_auc: 0.81, note: "text is not a metric" } },
    volatile: { started_at: "2026-01-01T00:00:00Z", duration_ms: 1 },
  });
  writeFileSync(path.join(workspace, "modelgate.manifest.json"), JSON.stringify(manifest));
  const result = {
    schema: "modelgate.result/v1",
    action: "train-reproducibly",
    key: "churn",
    verdict: "pass",
    checks: [
      {
        name: "command:exit",
        metric: "command",
        rule: "exit",
        verdict: "pass",
        value: 0,
        baseline: null,
        delta: null,
        delta_pct: null,
        threshold: 0,
        message: "exited 0",
      },
    ],
    notes: [],
    policy: { file: "modelgate.yml", sha256: "", source: "file" },
    subject: { model: "churn", candidate_sha256: sha256(weights), manifest_lineage_sha256: manifest.lineage_sha256 },
  };
  writeFileSync(path.join(workspace, "train-result.json"), JSON.stringify(result));
  return { workspace, manifest };
}

describe("promote and rollback bundles against the API stand-in", () => {
  let api: GitHubStandIn;
  // Node 24, what runners use; each promotion paces its ~10 writes as GitHub asks (1 s apart), so cases run once.
  const node = () => nodeBinaries().at(-1)!.path;
  beforeEach(async () => {
    api = await startGitHubStandIn();
    api.seedCommitPullRequest(OWNER, REPO, { number: 12, headSha: HEAD, baseSha: BASE, mergeCommitSha: MERGE });
    // The pull request leaves the gate's workflow as the base branch has it.
    for (const ref of [BASE, HEAD]) api.setFile(OWNER, REPO, ref, WORKFLOW, GATE_WORKFLOW);
  });
  afterEach(async () => {
    expect(api.violations).toEqual([]);
    await api.close();
  });

  let nextRun = 500;
  /** The pull request's run of pr-model-gate.yml, whose job `gate` concluded as given (a job's check run, as GitHub makes it). */
  const checkRun = async (conclusion: "success" | "failure") => {
    api.seedWorkflowRun(OWNER, REPO, {
      id: nextRun++,
      event: "pull_request",
      headSha: HEAD,
      headBranch: "feature-12",
      path: WORKFLOW,
      pullRequests: [12],
      jobs: [{ name: CHECK, conclusion }],
    });
  };
  const promote = (workspace: string, inputs: Record<string, string>, token = "ghs_test_write") =>
    runActionBundle("promote", {
      node: node(),
      workspace,
      apiUrl: api.url,
      eventName: "push",
      event: { ref: "refs/heads/main", after: MERGE, repository: { default_branch: "main" } },
      env: { GITHUB_ACTOR: "octocat", GITHUB_REF: "refs/heads/main" },
      inputs: {
        model: "churn",
        stage: "production",
        artifacts: "model.bin",
        manifest: "modelgate.manifest.json",
        results: "train-result.json",
        "require-checks": CHECK,
        "checks-workflow": WORKFLOW,
        "github-token": token,
        ...inputs,
      },
    });
  const tags = () =>
    api
      .refs(OWNER, REPO)
      .map(([ref]) => ref)
      .filter((ref) => ref.startsWith("refs/tags/"))
      .sort();
  const json = (file: string) => JSON.parse(readFileSync(file, "utf8"));

  it("refuses a commit whose required check is red, whatever succeeded after it, and writes nothing", async () => {
    await checkRun("failure");
    // A re-run that succeeded, and a success any workflow's GITHUB_TOKEN can post under the name: neither outvotes it.
    await checkRun("success");
    const octokit = createOctokit({
      token: "ghs_test_write",
      baseUrl: api.url,
      log: { warning: () => undefined, debug: () => undefined },
    });
    await octokit.request("POST /repos/{owner}/{repo}/check-runs", {
      owner: OWNER,
      repo: REPO,
      head_sha: HEAD,
      name: CHECK,
      status: "completed",
      conclusion: "success",
    });
    const { workspace } = trainedWorkspace("weights v1");
    const run = await promote(workspace, { version: "1.0.0" });
    expect(run.exitCode).toBe(1);
    expect(run.outputs).toMatchObject({ verdict: "fail", passed: "false" });
    const result = json(run.outputs.result!);
    expect(result.promotion).toBeNull();
    expect(result.judged).toEqual({ sha: HEAD, pull_number: 12 });
    expect(result.checks.find((c: { rule: string }) => c.rule === "required-check")).toMatchObject({
      verdict: "fail",
      message: `Check "${CHECK}" on ${HEAD.slice(0, 7)}: a job of workflow run 500 (${WORKFLOW}, pull_request of #12 into main) concluded failure; a failing run is never outvoted by another run's success.`,
    });
    expect(run.summary).toContain("**Refused: churn → production.** Nothing was written.");
    expect(tags()).toEqual([]);
    expect(api.releases(OWNER, REPO)).toEqual([]);
  }, 60_000);

  it("counts no lenient gate: another workflow's, another app's, another event's, or the pull request's own workflow's", async () => {
    const lenient = (run: { path?: string; event?: string; pullRequests?: number[] }) =>
      api.seedWorkflowRun(OWNER, REPO, {
        id: nextRun++,
        event: run.event ?? "pull_request",
        headSha: HEAD,
        headBranch: "feature-12",
        path: run.path ?? WORKFLOW,
        pullRequests: run.pullRequests ?? [12],
        jobs: [{ name: CHECK, conclusion: "success" }],
      });
    lenient({ path: ".github/workflows/lenient.yml" });
    lenient({ event: "push", pullRequests: [] });
    api.seedCheckRun(OWNER, REPO, { name: CHECK, headSha: HEAD, conclusion: "success", app: "other-ci" });
    const { workspace } = trainedWorkspace("weights v1");
    const refused = await promote(workspace, { version: "1.0.0" });
    expect(refused.exitCode).toBe(1);
    const check = json(refused.outputs.result!).checks.find((c: { rule: string }) => c.rule === "required-check");
    expect(check.verdict).toBe("fail");
    expect(check.message).toMatch(
      new RegExp(
        `^Check "${CHECK}" on ${HEAD.slice(0, 7)}: no run of that name is a job of ${WORKFLOW.replace(/\./g, "\\.")} for this commit`,
      ),
    );
    expect(check.message).toContain(`which ran .github/workflows/lenient.yml, not ${WORKFLOW}`);
    expect(check.message).toContain("which ran on push, not on pull_request");
    expect(check.message).toContain("was created by other-ci, not by a GitHub Actions job");

    // The job of the expected workflow, but the pull request rewrote that job: its run ran the pull request's version.
    api.setFile(OWNER, REPO, HEAD, WORKFLOW, GATE_WORKFLOW.replace("make gate", "true"));
    await checkRun("success");
    const edited = await promote(workspace, { version: "1.0.0" });
    expect(edited.exitCode).toBe(1);
    expect(
      json(edited.outputs.result!).checks.find((c: { rule: string }) => c.rule === "required-check").message,
    ).toContain(
      `did not run the base branch's ${WORKFLOW}: the head of #12 (${HEAD.slice(0, 7)}) changes ${WORKFLOW} from the base branch's version at ${BASE.slice(0, 7)}`,
    );
    expect(tags()).toEqual([]);
    expect(api.releases(OWNER, REPO)).toEqual([]);

    // The same run, with the pull request leaving the workflow as the base has it: the legitimate path passes.
    api.setFile(OWNER, REPO, HEAD, WORKFLOW, GATE_WORKFLOW);
    const passed = await promote(workspace, { version: "1.0.0" });
    expect(passed.exitCode).toBe(0);
    expect(
      json(passed.outputs.result!).checks.find((c: { rule: string }) => c.rule === "required-check"),
    ).toMatchObject({
      verdict: "pass",
      message: expect.stringContaining(`(${WORKFLOW}, pull_request of #12 into main) concluded success.`) as unknown,
    });
    expect(tags()).toEqual(["refs/tags/churn#production#1", "refs/tags/churn@v1.0.0"]);
  }, 120_000);

  it("refuses a hand-written pass that judged nothing and a result of other weights, whatever the green check, and writes nothing", async () => {
    await checkRun("success");
    const { workspace } = trainedWorkspace("weights v1");
    // A file the pull request's author could write: a pass with no checks and no subject.
    writeFileSync(
      path.join(workspace, "eval.json"),
      JSON.stringify({
        schema: "modelgate.result/v1",
        action: "evaluate-gate",
        key: "default",
        verdict: "pass",
        checks: [],
        notes: [],
        policy: { file: "modelgate.yml", sha256: "", source: "file" },
      }),
    );
    // A real train result, but of other weights than the ones promoted.
    const other = trainedWorkspace("weights v2");
    writeFileSync(
      path.join(workspace, "other-train.json"),
      readFileSync(path.join(other.workspace, "train-result.json")),
    );
    const run = await promote(workspace, { version: "0.1.0", results: "other-train.json\neval.json" });
    expect(run.exitCode).toBe(1);
    expect(run.outputs).toMatchObject({ verdict: "fail", passed: "false" });
    const result = json(run.outputs.result!);
    expect(result.promotion).toBeNull();
    expect(
      result.checks.filter((c: { verdict: string }) => c.verdict === "fail").map((c: { name: string }) => c.name),
    ).toEqual(["subject:train-reproducibly/churn", "gate:evaluate-gate/default", "subject:evaluate-gate/default"]);
    expect(run.summary).toContain("its checks field is empty");
    expect(run.summary).toContain("its subject field is missing");
    expect(run.summary).toContain(
      "a result from elsewhere (a pull request's run, a download, a file in the repository)",
    );
    expect(
      api
        .refs(OWNER, REPO)
        .map(([ref]) => ref)
        .filter((ref) => !ref.startsWith("refs/heads/")),
    ).toEqual([]);
    expect(api.releases(OWNER, REPO)).toEqual([]);
  }, 60_000);

  it("promotes on green with the evidence in the record, is idempotent, and rolls back to the previous version", async () => {
    await checkRun("success");
    api.setFile(
      OWNER,
      REPO,
      "main",
      ".github/workflows/deploy.yml",
      "on:\n  workflow_dispatch:\n    inputs: {model: {}, stage: {}, version: {}, tag: {}}\n",
    );
    const first = trainedWorkspace("weights v1");
    const deploy = { environment: "production", dispatch: "deploy.yml", "dispatch-ref": "main", reason: "first model" };
    const run = await promote(first.workspace, { version: "1.0.0", ...deploy });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs).toMatchObject({
      verdict: "pass",
      version: "v1.0.0",
      "version-tag": "churn@v1.0.0",
      "event-tag": "churn#production#1",
      "previous-version": "",
    });
    expect(tags()).toEqual(["refs/tags/churn#production#1", "refs/tags/churn@v1.0.0"]);
    const [release] = api.releases(OWNER, REPO);
    expect(release).toMatchObject({ tag_name: "churn@v1.0.0", draft: false });
    expect(release!.assets.map((a) => a.name).sort()).toEqual(["model.bin", "modelgate.manifest.json"]);
    const record = json(run.outputs.result!);
    expect(record.promotion.artifacts.find((a: { name: string }) => a.name === "model.bin").sha256).toBe(
      sha256("weights v1"),
    );
    expect(record.gates).toEqual([
      { action: "check", key: CHECK, verdict: "pass", run_url: expect.stringMatching(/^http/), workflow: WORKFLOW },
      {
        action: "train-reproducibly",
        key: "churn",
        verdict: "pass",
        run_url: "https://github.com/acme/models/actions/runs/4242",
        subject: {
          model: "churn",
          candidate_sha256: sha256("weights v1"),
          manifest_lineage_sha256: first.manifest.lineage_sha256,
        },
        checks: { pass: 1, warn: 0, fail: 0 },
        metrics: { command: 0 },
      },
    ]);
    expect(record.version_page).toMatchObject({
      version: "v1.0.0",
      stages: ["production"],
      allow_ungated: false,
      events: [{ counter: 1, event: "promote", actor: "octocat", reason: "first model" }],
    });
    const deployments = api.deployments(OWNER, REPO);
    expect(deployments.map((d) => [d.environment, d.sha, d.statuses.map((s) => s.state)])).toEqual([
      ["production", MERGE, ["success"]],
    ]);
    expect(run.outputs["deployment-id"]).toBe(String(deployments[0]!.id));
    expect(api.dispatches(OWNER, REPO)).toEqual([
      {
        workflow: "deploy.yml",
        ref: "main",
        inputs: { model: "churn", stage: "production", version: "v1.0.0", tag: "churn#production#1" },
      },
    ]);

    // The same promotion again: nothing new is written, no second deployment.
    const again = await promote(first.workspace, { version: "1.0.0", ...deploy });
    expect(again.exitCode, again.stdout).toBe(0);
    expect(again.outputs["event-tag"]).toBe("churn#production#1");
    expect(json(again.outputs.result!).notes).toEqual([
      `The base branch at ${BASE.slice(0, 7)} has no modelgate.yml, so no registry: rules apply; only the evidence rules decide.`,
      "production already held churn v1.0.0 (churn#production#1): nothing was written.",
      "No deployment or workflow was started again: they ran with the promotion that wrote the event.",
    ]);
    expect(tags()).toEqual(["refs/tags/churn#production#1", "refs/tags/churn@v1.0.0"]);
    expect(api.deployments(OWNER, REPO)).toHaveLength(1);
    expect(api.dispatches(OWNER, REPO)).toHaveLength(1);

    // A scheduled retrain (drift watch -> retrain -> promote) on the same commit: one version per commit by
    // default, as GTO requires, so it is refused and writes nothing ...
    const second = trainedWorkspace("weights v2");
    const before = api.refs(OWNER, REPO);
    const refused = await promote(second.workspace, { bump: "minor" });
    expect(refused.exitCode).toBe(1);
    expect(refused.stdout + refused.summary).toMatch(
      /already carries churn v1\.0\.0, and a commit carries one version of a model, as GTO requires/,
    );
    expect(refused.summary).toContain("versions-per-commit: many");
    expect(api.refs(OWNER, REPO)).toEqual(before);
    expect(api.releases(OWNER, REPO)).toHaveLength(1);
    // The checked-out policy cannot opt out (a pull request must not choose its own registry rules) ...
    writeFileSync(
      path.join(second.workspace, "modelgate.yml"),
      "version: 1\nmodel: churn\nregistry:\n  versions-per-commit: many\n",
    );
    const checkedOut = await promote(second.workspace, { bump: "minor" });
    expect(checkedOut.exitCode).toBe(1);
    expect(checkedOut.stdout + checkedOut.summary).toMatch(/already carries churn v1\.0\.0/);
    expect(api.refs(OWNER, REPO)).toEqual(before);
    // ... the base branch's policy can: the retrained model gets its own version; the stage moves on and names what it held.
    api.setFile(
      OWNER,
      REPO,
      BASE,
      "modelgate.yml",
      "version: 1\nmodel: churn\nregistry:\n  versions-per-commit: many\n",
    );
    const next = await promote(second.workspace, { bump: "minor" });
    expect(next.outputs).toMatchObject({
      verdict: "pass",
      version: "v1.1.0",
      "event-tag": "churn#production#2",
      "previous-version": "v1.0.0",
    });

    const back = await runActionBundle("rollback", {
      node: node(),
      workspace: second.workspace,
      apiUrl: api.url,
      eventName: "workflow_dispatch",
      event: { inputs: { reason: "v1.1.0 regressed on live traffic" }, repository: { default_branch: "main" } },
      env: { GITHUB_ACTOR: "oncall" },
      inputs: {
        model: "churn",
        stage: "production",
        reason: "v1.1.0 regressed on live traffic",
        environment: "production",
        "github-token": "ghs_test_write",
      },
    });
    expect(back.exitCode, back.stdout).toBe(0);
    expect(back.outputs).toMatchObject({
      verdict: "pass",
      version: "v1.0.0",
      "from-version": "v1.1.0",
      "event-tag": "churn#production#4",
    });
    expect(tags()).toContain("refs/tags/churn#production!#3");
    const rolled = json(back.outputs.result!);
    expect(rolled.checks[0]).toMatchObject({ rule: "artifact-digests", verdict: "pass" });
    expect(
      rolled.history.map((row: { event: string; version: string; actor: string }) => [
        row.event,
        row.version,
        row.actor,
      ]),
    ).toEqual([
      ["promote", "v1.0.0", "octocat"],
      ["promote", "v1.1.0", "octocat"],
      ["unassign", "v1.1.0", "oncall"],
      ["rollback", "v1.0.0", "oncall"],
    ]);
    expect(back.summary).toContain("**production: v1.1.0 → v1.0.0**");
    expect(back.summary).toContain("#### History of production");
    expect(api.deployments(OWNER, REPO).map((d) => d.sha)).toEqual([MERGE, MERGE]);
  }, 180_000);

  it("refuses an artifact that is not the file the manifest records, and a rollback to an artifact tampered with", async () => {
    await checkRun("success");
    const { workspace } = trainedWorkspace("weights v1");
    writeFileSync(path.join(workspace, "model.bin"), "weights swapped after training");
    const swapped = await promote(workspace, { version: "1.0.0" });
    expect(swapped.exitCode).toBe(1);
    const checks = json(swapped.outputs.result!)
      .checks.filter((c: { verdict: string }) => c.verdict === "fail")
      .map((c: { name: string }) => c.name);
    // train judged the file the manifest records (its subject check passes); the swapped file is not that file.
    expect(checks).toEqual(["manifest:model.bin"]);
    expect(tags()).toEqual([]);

    // Two versions promoted, then the older one's stored model is replaced behind the registry's back.
    const store = openGitHubRegistryStore(
      createOctokit({
        token: "ghs_test_write",
        baseUrl: api.url,
        log: { warning: () => undefined, debug: () => undefined },
      }),
      { owner: OWNER, repo: REPO },
    );
    for (const [version, weights, commit] of [
      ["1.0.0", "weights v1", MERGE],
      ["1.1.0", "weights v2", HEAD],
    ] as const) {
      await promoteVersion(store, {
        model: "churn",
        stage: "production",
        version: { explicit: version },
        commitSha: commit,
        artifacts: [{ name: "model.bin", bytes: Buffer.from(weights) }],
        manifestSha256: null,
        metrics: {},
        gates: [],
        actor: "octocat",
        reason: null,
        runUrl: null,
        now: "2026-01-02T03:04:05Z",
      });
    }
    api.replaceAssetBytes(OWNER, REPO, "churn@v1.0.0", "model.bin", Buffer.from("tampered"));
    const before = tags();
    const back = await runActionBundle("rollback", {
      node: node(),
      workspace,
      apiUrl: api.url,
      eventName: "workflow_dispatch",
      event: { repository: { default_branch: "main" } },
      inputs: { model: "churn", stage: "production", reason: "incident 7", "github-token": "ghs_test_write" },
    });
    expect(back.exitCode).toBe(1);
    expect(json(back.outputs.result!).error.message).toMatch(/model\.bin.*churn@v1\.0\.0|churn@v1\.0\.0.*model\.bin/);
    expect(tags()).toEqual(before);
  }, 120_000);

  it("names the missing permission for a read-only token, and refuses bad input before any API call", async () => {
    await checkRun("success");
    const { workspace } = trainedWorkspace("weights v1");
    const readOnly = await promote(workspace, { version: "1.0.0" }, "ghs_test_read");
    expect(readOnly.exitCode).toBe(1);
    const error = json(readOnly.outputs.result!).error;
    expect(error.hint).toContain("permissions: contents: write");
    expect(tags()).toEqual([]);
    expect(api.releases(OWNER, REPO)).toEqual([]);

    const notSemver = await promote(workspace, { version: "1.x" });
    expect(json(notSemver.outputs.result!).error).toMatchObject({
      input: "version",
      message: 'Input "version" is "1.x", which is not a semantic version.',
    });
    const noEvidence = await promote(workspace, { version: "1.0.0", results: "", "require-checks": "" });
    expect(json(noEvidence.outputs.result!).checks).toEqual([
      expect.objectContaining({ name: "evidence:gated", verdict: "fail" }),
      expect.objectContaining({ name: "manifest:model.bin", verdict: "pass" }),
    ]);
    const unknown = await runActionBundle("rollback", {
      node: node(),
      workspace,
      apiUrl: api.url,
      eventName: "workflow_dispatch",
      event: { repository: { default_branch: "main" } },
      inputs: { model: "fraud", stage: "production", reason: "r", "github-token": "ghs_test_write" },
    });
    expect(unknown.exitCode).toBe(1);
    expect(json(unknown.outputs.result!).error.message).toBe("Model fraud has no versions in the registry.");
    expect(tags()).toEqual([]);
  }, 120_000);

  /** evaluate-gate's result as this run's gate step writes it: it judged the predictions promoted beside the model. */
  const evaluateResult = (workspace: string) => {
    writeFileSync(path.join(workspace, "predictions.csv"), "id,label,prediction\n1,1,1\n2,0,0\n");
    const digest = sha256(readFileSync(path.join(workspace, "predictions.csv")));
    const check = {
      name: "accuracy:min",
      metric: "accuracy",
      rule: "min",
      verdict: "pass",
      value: 0.91,
      baseline: null,
      delta: null,
      delta_pct: null,
      threshold: 0.8,
      message: "0.91 is at least the minimum 0.8.",
    };
    const result = {
      schema: "modelgate.result/v1",
      action: "evaluate-gate",
      key: "churn",
      verdict: "pass",
      checks: [check],
      notes: [],
      policy: { file: "modelgate.yml", sha256: "", source: "file" },
      subject: { model: "churn", candidate_sha256: digest, eval_data_sha256: digest },
    };
    writeFileSync(path.join(workspace, "evaluate-result.json"), JSON.stringify(result));
    return digest;
  };

  it("refuses a promotion the base branch's policy requires a missing gate for, and allows it with that gate's result", async () => {
    await checkRun("success");
    // The merged pull request's base decides; the checks come from the policy, not the inputs.
    api.setFile(
      OWNER,
      REPO,
      BASE,
      "modelgate.yml",
      `version: 1\nregistry:\n  stages:\n    production:\n      require: [evaluate-gate]\n      checks: { workflow: pr-model-gate.yml, jobs: [${CHECK}] }\n`,
    );
    const { workspace } = trainedWorkspace("weights v1");
    const missing = await promote(workspace, { version: "1.0.0", "require-checks": "", "checks-workflow": "" });
    expect(missing.exitCode).toBe(1);
    const refused = json(missing.outputs.result!);
    expect(
      refused.checks
        .filter((c: { verdict: string }) => c.verdict === "fail")
        .map((c: { name: string; message: string }) => [c.name, c.message]),
    ).toEqual([
      [
        "require:evaluate-gate",
        `evaluate-gate is required by modelgate.yml (base branch at ${BASE.slice(0, 7)}) registry.stages.production.require, but no result of it was given; pass its result JSON in results (a gate step of this run).`,
      ],
    ]);
    expect(refused.policy).toMatchObject({ file: "modelgate.yml", source: "base" });
    expect(refused.checks.find((c: { name: string }) => c.name === `required-check:${CHECK}`)).toMatchObject({
      verdict: "pass",
    });
    expect(tags()).toEqual([]);

    const digest = evaluateResult(workspace);
    const allowed = await promote(workspace, {
      version: "1.0.0",
      "require-checks": "",
      "checks-workflow": "",
      predictions: "predictions.csv",
      results: "train-result.json\nevaluate-result.json",
    });
    expect(allowed.exitCode, allowed.stdout).toBe(0);
    const record = json(allowed.outputs.result!);
    expect(record.checks.find((c: { name: string }) => c.name === "require:evaluate-gate")).toMatchObject({
      verdict: "pass",
    });
    expect(record.promotion.artifacts.find((a: { role?: string }) => a.role === "predictions")).toMatchObject({
      name: "predictions.csv",
      sha256: digest,
    });
    expect(record.version_page.gates.find((g: { action: string }) => g.action === "evaluate-gate")).toMatchObject({
      verdict: "pass",
      metrics: { accuracy: 0.91 },
      subject: { eval_data_sha256: digest },
    });
    expect(tags()).toEqual(["refs/tags/churn#production#1", "refs/tags/churn@v1.0.0"]);
  }, 120_000);

  it("refuses a rollback outside the stage's rollback environment, and rolls back once the run shows its approval", async () => {
    api.setFile(
      OWNER,
      REPO,
      "main",
      "modelgate.yml",
      "version: 1\nregistry:\n  stages:\n    production:\n      rollback-environment: production\n",
    );
    const store = openGitHubRegistryStore(
      createOctokit({
        token: "ghs_test_write",
        baseUrl: api.url,
        log: { warning: () => undefined, debug: () => undefined },
      }),
      { owner: OWNER, repo: REPO },
    );
    for (const [version, weights, commit] of [
      ["1.0.0", "weights v1", MERGE],
      ["1.1.0", "weights v2", HEAD],
    ] as const) {
      await promoteVersion(store, {
        model: "churn",
        stage: "production",
        version: { explicit: version },
        commitSha: commit,
        artifacts: [{ name: "model.bin", bytes: Buffer.from(weights) }],
        manifestSha256: null,
        metrics: {},
        gates: [],
        actor: "octocat",
        reason: null,
        runUrl: null,
        now: "2026-01-02T03:04:05Z",
      });
    }
    const rollback = () =>
      runActionBundle("rollback", {
        node: node(),
        workspace: trainedWorkspace("unused").workspace,
        apiUrl: api.url,
        eventName: "workflow_dispatch",
        event: { repository: { default_branch: "main" } },
        env: { GITHUB_ACTOR: "oncall", GITHUB_REF: "refs/heads/hotfix" },
        inputs: { model: "churn", stage: "production", reason: "latency doubled", "github-token": "ghs_test_write" },
      });
    const before = tags();
    // The dispatching run (GITHUB_RUN_ID 4242) has no approved review for production.
    api.seedWorkflowRun(OWNER, REPO, {
      id: 4242,
      event: "workflow_dispatch",
      headSha: MERGE,
      headBranch: "hotfix",
      path: ".github/workflows/manual-rollback.yml",
      approvals: [{ environment: "staging", state: "approved", login: "lead" }],
    });
    const outside = await rollback();
    expect(outside.exitCode).toBe(1);
    const refused = json(outside.outputs.result!);
    expect(refused).toMatchObject({ verdict: "fail", rollback: null });
    expect(refused.checks).toEqual([
      expect.objectContaining({
        rule: "rollback-environment",
        verdict: "fail",
        message: expect.stringContaining("workflow run 4242 shows no approved review for it (approved for staging)"),
      }),
    ]);
    expect(outside.summary).toContain("**Refused: rollback of production.** Nothing was written.");
    expect(tags()).toEqual(before);

    api.seedWorkflowRun(OWNER, REPO, {
      id: 4242,
      event: "workflow_dispatch",
      headSha: MERGE,
      headBranch: "hotfix",
      path: ".github/workflows/manual-rollback.yml",
      approvals: [{ environment: "production", state: "approved", login: "lead" }],
    });
    const inside = await rollback();
    expect(inside.exitCode, inside.stdout).toBe(0);
    expect(
      json(inside.outputs.result!).checks.map((c: { rule: string; verdict: string }) => [c.rule, c.verdict]),
    ).toEqual([
      ["rollback-environment", "pass"],
      ["artifact-digests", "pass"],
    ]);
    expect(inside.outputs).toMatchObject({ version: "v1.0.0", "from-version": "v1.1.0" });
  }, 120_000);
});
