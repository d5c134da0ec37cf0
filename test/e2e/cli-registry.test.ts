import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { sha256Hex } from "../../shared/src/core/digest.js";
import { nodeBinaries, repoRoot } from "./support/node-binaries.js";
import { spawnCollect } from "./support/run-action-bundle.js";
import { makeTrainWorkspace } from "./support/train-workspace.js";

const CLI = path.join(repoRoot, "shared/dist/cli/index.js");
const node = nodeBinaries()[0]!.path;
const TRAIN = [
  "train",
  "--seed",
  "0",
  "--inputs",
  "customers.csv",
  "--inputs",
  "train.mjs",
  "--params",
  "params.json",
  "--outputs",
  "out/model.json",
  "--metrics",
  "out/metrics.json",
  "--format",
  "json",
  "--",
  "node",
  "train.mjs",
];
const GIT_ENV = {
  GIT_AUTHOR_NAME: "t",
  GIT_AUTHOR_EMAIL: "t@example.invalid",
  GIT_COMMITTER_NAME: "t",
  GIT_COMMITTER_EMAIL: "t@example.invalid",
};

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build (npm test does).`);
});

/** The example trainer in a real git repository, trained once by `modelgate train`, whose result JSON is kept. */
async function trainedRepository() {
  const workspace = makeTrainWorkspace();
  const env = { PATH: process.env.PATH ?? "", HOME: workspace, ...GIT_ENV };
  const git = (...args: string[]) => execFileSync("git", args, { cwd: workspace, env });
  git("init", "-q");
  git("add", ".");
  git("commit", "-q", "-m", "trainer");
  const train = await spawnCollect(node, [CLI, ...TRAIN], env, workspace);
  expect(train.exitCode, train.stderr).toBe(0);
  writeFileSync(path.join(workspace, "train-result.json"), train.stdout);
  const cli = (...args: string[]) => spawnCollect(node, [CLI, ...args], { ...env, USER: "octocat" }, workspace);
  return { workspace, cli, git };
}

const PROMOTE = [
  "promote",
  "--model",
  "churn",
  "--stage",
  "prod",
  "--artifacts",
  "out/model.json",
  "--manifest",
  "modelgate.manifest.json",
  "--results",
  "train-result.json",
];

describe("modelgate promote / rollback / registry on a local git repository (CLI bundle)", () => {
  it("promotes on train's own evidence, refuses a swapped model, rolls back with verified digests, and reads the history back", async () => {
    const { workspace, cli, git } = await trainedRepository();
    const first = await cli(...PROMOTE, "--version", "1.0.0", "--reason", "first", "--format", "json");
    expect(first.exitCode, first.stdout + first.stderr).toBe(0);
    const promoted = JSON.parse(first.stdout);
    expect(promoted.promotion).toMatchObject({ version: "v1.0.0", event_tag: "churn#prod#1", version_created: true });
    expect(promoted.checks.map((c: { name: string; verdict: string }) => `${c.name} ${c.verdict}`)).toEqual([
      "gate:train-reproducibly/default pass",
      "subject:train-reproducibly/default pass",
      "manifest:model.json pass",
    ]);
    expect(promoted.promotion.artifacts.find((a: { name: string }) => a.name === "model.json").sha256).toBe(
      sha256Hex(readFileSync(path.join(workspace, "out/model.json"))),
    );

    // The same version again is a no-op; a model file swapped after training is refused, and nothing is written.
    expect((await cli(...PROMOTE, "--version", "1.0.0")).stdout).toContain("already in prod");
    const model = path.join(workspace, "out/model.json");
    const original = readFileSync(model);
    writeFileSync(model, "{}");
    const swapped = await cli(...PROMOTE, "--bump", "minor");
    expect(swapped.exitCode).toBe(1);
    expect(swapped.stdout).toContain("REFUSED");
    expect(swapped.stdout).toMatch(/FAIL model\.json \[manifest-digest\] Artifact model\.json is sha256:/);
    writeFileSync(model, original);

    // The same files as a second version on the same commit: refused, one version per commit (GTO's rule) ...
    const sameCommit = await cli(...PROMOTE, "--version", "1.1.0");
    expect(sameCommit.exitCode).toBe(1);
    expect(sameCommit.stdout + sameCommit.stderr).toMatch(
      /already carries churn v1\.0\.0, and a commit carries one version of a model, as GTO requires/,
    );
    // ... so commit what changed, and promote that commit; then back.
    git("commit", "-q", "--allow-empty", "-m", "data pointer moved");
    const second = await cli(...PROMOTE, "--version", "1.1.0", "--format", "json");
    expect(JSON.parse(second.stdout).promotion).toMatchObject({
      event_tag: "churn#prod#2",
      previous_version: "v1.0.0",
    });
    const back = await cli("rollback", "--model", "churn", "--stage", "prod", "--reason", "latency doubled");
    expect(back.exitCode, back.stdout + back.stderr).toBe(0);
    expect(back.stdout).toContain("rollback · churn prod: v1.1.0 -> v1.0.0");
    // Passing checks are counted and named, not explained: the artifact check passed.
    expect(back.stdout).toContain("1 passed: v1.0.0 [artifact-digests]");

    const history = await cli("registry", "history", "churn", "--stage", "prod");
    expect(
      history.stdout
        .trim()
        .split("\n")
        .slice(1)
        .map((line) => line.trim().split(/\s+/).slice(0, 4).join(" ")),
    ).toEqual([
      "#1 prod promote v1.0.0",
      "#2 prod promote v1.1.0",
      "#3 prod unassign v1.1.0",
      "#4 prod rollback v1.0.0",
    ]);
    const verified = await cli("registry", "verify", "churn");
    expect(verified.exitCode, verified.stdout + verified.stderr).toBe(0);
    expect(verified.stdout).toBe(
      "churn: intact (4 event(s), 2 version(s), 4 artifact(s): event chain linked, stored artifacts match their records)\n",
    );
  }, 120_000);

  it("fails closed on registry show and history of a model the registry does not have, naming the models it has", async () => {
    const { cli } = await trainedRepository();
    const empty = await cli("registry", "show", "churn");
    expect(empty.exitCode).toBe(1);
    expect(empty.stdout).toBe("");
    expect(empty.stderr).toContain('The registry has no model "churn"');
    expect((await cli(...PROMOTE, "--version", "1.0.0")).exitCode).toBe(0);
    for (const verb of ["show", "history"]) {
      const typo = await cli("registry", verb, "chrun");
      expect(typo.exitCode).toBe(1);
      expect(typo.stderr).toContain('The registry has no model "chrun"');
      expect(typo.stderr).toContain("Fix: Models in this registry: churn.");
    }
  });

  it("refuses to promote without evidence unless told to, and names the flag", async () => {
    const { cli } = await trainedRepository();
    const none = await cli(
      "promote",
      "--model",
      "churn",
      "--stage",
      "prod",
      "--version",
      "1.0.0",
      "--artifacts",
      "out/model.json",
      "--manifest",
      "modelgate.manifest.json",
    );
    expect(none.exitCode).toBe(2);
    expect(none.stderr).toContain("give --results");
    const ungated = await cli(
      "promote",
      "--model",
      "churn",
      "--stage",
      "prod",
      "--version",
      "1.0.0",
      "--artifacts",
      "out/model.json",
      "--manifest",
      "modelgate.manifest.json",
      "--allow-ungated",
      "--format",
      "json",
    );
    expect(ungated.exitCode, ungated.stderr).toBe(0);
    expect(JSON.parse(ungated.stdout).notes).toContain(
      "Promoted without gate evidence (allow-ungated): the record's gates are empty and it says allow_ungated.",
    );
    expect(JSON.parse(ungated.stdout).version_page).toMatchObject({ allow_ungated: true, gates: [] });
    const badVersion = await cli(...PROMOTE, "--version", "1.x");
    expect(badVersion.exitCode).toBe(1);
    expect(badVersion.stdout + badVersion.stderr).toContain('"1.x", which is not a semantic version');
  }, 120_000);

  it("says in promote --help where trustworthy results come from, and that a pull request run's files are not", async () => {
    const help = await spawnCollect(node, [CLI, "promote", "--help"], { PATH: process.env.PATH ?? "" }, repoRoot);
    expect(help.exitCode).toBe(0);
    const text = help.stdout.replace(/\s+/g, " ");
    expect(text).toContain("Trustworthy results are those gate steps of the same job wrote on the promoted files");
    expect(text).toContain("never pass a result downloaded from a pull request's run");
    expect(text).toContain("check runs created by GitHub Actions for the expected workflow on the base branch");
  });

  it("refuses a hand-written pass that names no files and judged nothing, and writes nothing", async () => {
    const { workspace, cli, git } = await trainedRepository();
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
    const forged = await cli(
      "promote",
      "--model",
      "churn",
      "--stage",
      "production",
      "--version",
      "0.1.0",
      "--artifacts",
      "out/model.json",
      "--manifest",
      "modelgate.manifest.json",
      "--results",
      "eval.json",
      "--format",
      "json",
    );
    expect(forged.exitCode).toBe(1);
    const result = JSON.parse(forged.stdout);
    expect(result.promotion).toBeNull();
    expect(
      result.checks.filter((c: { verdict: string }) => c.verdict === "fail").map((c: { name: string }) => c.name),
    ).toEqual(["gate:evaluate-gate/default", "subject:evaluate-gate/default"]);
    expect(git("tag", "--list").toString()).toBe("");
    expect(git("for-each-ref", "--format=%(refname)", "refs/modelgate", "refs/tags").toString()).toBe("");
    // The text report names the field and the fix: a gate step of this job, not a file from elsewhere.
    const text = await cli(...PROMOTE.slice(0, -1), "eval.json", "--version", "0.1.0");
    expect(text.exitCode).toBe(1);
    expect(text.stdout).toContain("its checks field is empty");
    expect(text.stdout).toContain("its subject field is missing");
    expect(text.stdout).toContain("do: Give as results the result output of a gate step that ran in this job");
  }, 120_000);

  it("refuses a real gate result that judged other files, and one whose verdict was edited, then promotes on the honest one", async () => {
    const { workspace, cli, git } = await trainedRepository();
    // The first training's result, kept while the model is retrained with other parameters on the same commit.
    writeFileSync(path.join(workspace, "old-train.json"), readFileSync(path.join(workspace, "train-result.json")));
    writeFileSync(path.join(workspace, "params.json"), JSON.stringify({ epochs: 5, learning_rate: 0.3 }));
    const retrain = await cli(...TRAIN);
    expect(retrain.exitCode, retrain.stderr).toBe(0);
    writeFileSync(path.join(workspace, "train-result.json"), retrain.stdout);
    const fresh = JSON.parse(retrain.stdout);
    const old = JSON.parse(readFileSync(path.join(workspace, "old-train.json"), "utf8"));
    expect(old.subject.candidate_sha256).not.toBe(fresh.subject.candidate_sha256);

    const stale = await cli(...PROMOTE.slice(0, -1), "old-train.json", "--version", "1.0.0", "--format", "json");
    expect(stale.exitCode).toBe(1);
    const staleChecks = JSON.parse(stale.stdout).checks as Array<{ name: string; verdict: string; message: string }>;
    expect(staleChecks.filter((c) => c.verdict === "fail").map((c) => c.name)).toEqual([
      "subject:train-reproducibly/default",
    ]);
    expect(staleChecks.find((c) => c.verdict === "fail")!.message).toMatch(
      /^old-train\.json: its candidate sha256:[0-9a-f]{12} is neither a promoted artifact nor an output of the manifest; it judged lineage sha256:[0-9a-f]{12}, the manifest's is sha256:[0-9a-f]{12}: it judged something else than what is promoted\.$/,
    );
    expect(git("for-each-ref", "--format=%(refname)", "refs/modelgate", "refs/tags").toString()).toBe("");

    // The fresh result with one check turned to fail but its verdict left at pass: refused as it is read, naming the
    // file, the field and the fix.
    const edited = {
      ...fresh,
      checks: fresh.checks.map((c: object, i: number) => (i === 0 ? { ...c, verdict: "fail" } : c)),
    };
    writeFileSync(path.join(workspace, "edited.json"), JSON.stringify(edited));
    const forged = await cli(...PROMOTE.slice(0, -1), "edited.json", "--version", "1.0.0", "--format", "json");
    expect(forged.exitCode).toBe(1);
    expect(forged.stderr).toContain(
      "Result edited.json is inconsistent: verdict pass is better than its worst check (fail).\nFix: Pass the result JSONs the modelgate gates wrote",
    );
    expect(git("for-each-ref", "--format=%(refname)", "refs/modelgate", "refs/tags").toString()).toBe("");

    // The result the retraining wrote, unchanged, is evidence.
    const honest = await cli(...PROMOTE, "--version", "1.0.0", "--format", "json");
    expect(honest.exitCode, honest.stdout + honest.stderr).toBe(0);
    expect(JSON.parse(honest.stdout).promotion).toMatchObject({ version: "v1.0.0", event_tag: "churn#prod#1" });
  }, 120_000);

  it("enforces the policy's registry rules and pairs a registry baseline with the version's predictions to decide a regression", async () => {
    const { workspace, cli, git } = await trainedRepository();
    const example = (file: string) => readFileSync(path.join(repoRoot, "shared/examples/churn", file));
    mkdirSync(path.join(workspace, "eval"));
    writeFileSync(path.join(workspace, "eval/v1.csv"), example("predictions/baseline.csv"));
    writeFileSync(path.join(workspace, "eval/v2.csv"), example("predictions/candidate-regressed.csv"));
    writeFileSync(
      path.join(workspace, "modelgate.yml"),
      "version: 1\nmodel: churn\nevaluate:\n  metrics:\n    roc_auc: { direction: higher, max-regression: 0.01, significance: 0.05 }\nregistry:\n  stages:\n    prod:\n      require: [evaluate-gate]\n      rollback-environment: production\n",
    );
    const promote = (...args: string[]) =>
      cli(
        "promote",
        "--model",
        "churn",
        "--stage",
        "prod",
        "--artifacts",
        "out/model.json",
        "--manifest",
        "modelgate.manifest.json",
        "--format",
        "json",
        ...args,
      );
    const evaluate = (...args: string[]) => cli("evaluate", "--format", "json", ...args);

    // The first version, before any evaluation existed: the override is explicit, a warning, and in the record.
    const first = await promote("--version", "1.0.0", "--allow-ungated");
    expect(first.exitCode, first.stdout + first.stderr).toBe(0);
    expect(
      JSON.parse(first.stdout).checks.find((c: { name: string }) => c.name === "require:evaluate-gate"),
    ).toMatchObject({ verdict: "warn" });
    expect(
      JSON.parse(git("cat-file", "-p", "churn@v1.0.0").toString().split("\n\n").slice(1).join("\n\n")),
    ).toMatchObject({ allow_ungated: true });

    // Against v1.0.0, which stores no predictions and records no roc_auc, the rule cannot compare and fails.
    const nothing = await evaluate("--candidate-predictions", "eval/v2.csv", "--baseline", "registry:churn#prod");
    expect(nothing.exitCode).toBe(1);
    const unpaired = JSON.parse(nothing.stdout).checks.find(
      (c: { name: string }) => c.name === "roc_auc:max-regression",
    );
    expect(unpaired).toMatchObject({ verdict: "fail", baseline: null });
    expect(unpaired.message).toContain(
      "registry:churn#prod (v1.0.0) records no roc_auc and stores no evaluation predictions to compute it from",
    );

    // Without evaluate-gate's result the policy refuses the promotion; with it (and the predictions) it is allowed.
    const refused = await promote("--version", "1.1.0", "--results", "train-result.json");
    expect(refused.exitCode).toBe(1);
    expect(
      JSON.parse(refused.stdout).checks.find((c: { name: string }) => c.name === "require:evaluate-gate"),
    ).toMatchObject({ verdict: "fail" });
    const judged = await evaluate("--candidate-predictions", "eval/v1.csv");
    writeFileSync(path.join(workspace, "v1-evaluate.json"), judged.stdout);
    // v1.0.0 holds HEAD (one version per commit): the evaluated version comes from the next commit.
    git("commit", "-q", "--allow-empty", "-m", "evaluation predictions");
    const allowed = await promote(
      "--version",
      "1.1.0",
      "--predictions",
      "eval/v1.csv",
      "--results",
      "train-result.json,v1-evaluate.json",
    );
    expect(allowed.exitCode, allowed.stdout).toBe(0);
    expect(
      JSON.parse(allowed.stdout).version_page.artifacts.find((a: { role?: string }) => a.role === "predictions"),
    ).toMatchObject({ name: "v1.csv" });

    // The regressed candidate against prod, paired example by example with v1.1.0's stored predictions.
    const regressed = await evaluate("--candidate-predictions", "eval/v2.csv", "--baseline", "registry:churn#prod");
    expect(regressed.exitCode).toBe(1);
    const result = JSON.parse(regressed.stdout);
    expect(result.files.baseline_predictions).toBe("registry:churn#prod (v1.1.0)/v1.csv");
    expect(result.checks.find((c: { name: string }) => c.name === "roc_auc:max-regression")).toMatchObject({
      verdict: "fail",
      method: "delong",
    });

    // The version page shows what the gates judged, and a rollback outside the environment is refused here.
    const show = await cli("registry", "show", "churn", "--format", "json");
    const page = JSON.parse(show.stdout).versions[0];
    expect(page).toMatchObject({ version: "v1.1.0", stages: ["prod"], allow_ungated: false });
    expect(page.gates.find((g: { action: string }) => g.action === "evaluate-gate")).toMatchObject({
      verdict: "warn",
      subject: { candidate_sha256: sha256Hex(readFileSync(path.join(workspace, "eval/v1.csv"))) },
    });
    // The evaluation data is the examples and labels, not the predictions file (whose digest is the candidate's).
    const evaluated = page.gates.find((g: { action: string }) => g.action === "evaluate-gate").subject;
    expect(evaluated.eval_data_sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(evaluated.eval_data_sha256).not.toBe(evaluated.candidate_sha256);
    const rollback = await cli("rollback", "--model", "churn", "--stage", "prod", "--reason", "regressed");
    expect(rollback.exitCode).toBe(1);
    expect(rollback.stdout).toContain("rollback · churn prod: REFUSED; nothing was written");
    expect(rollback.stdout).toContain(
      "requires the rollback to run in environment production, which a command line cannot show",
    );
  }, 180_000);
});
