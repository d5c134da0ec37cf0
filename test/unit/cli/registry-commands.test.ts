import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { promoteCommand } from "../../../shared/src/cli/promote-command.js";
import { registryCommand } from "../../../shared/src/cli/registry-command.js";
import { rollbackCommand } from "../../../shared/src/cli/rollback-command.js";
import { minorBumpArgs } from "./promote-args.js";
import { GIT_ENV, createLocalRepo } from "../registry/local-git-fixture.js";
import type { LocalRepo } from "../registry/local-git-fixture.js";

let repo: LocalRepo;
let printed: string[];
const savedEnv = { ...process.env };
beforeEach(() => {
  repo = createLocalRepo();
  Object.assign(process.env, GIT_ENV);
  printed = [];
  vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
    printed.push(String(chunk));
    return true;
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  process.env = { ...savedEnv };
  repo.remove();
});

const where = () => ["--repo-dir", repo.dir];
const output = () => printed.splice(0).join("");

/** train's passing result for the model file as it is now (one check, its subject the file's digest). */
function resultFile(): string {
  const digest = createHash("sha256")
    .update(readFileSync(path.join(repo.dir, "model.bin")))
    .digest("hex");
  const check = {
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
  };
  const file = path.join(repo.dir, "train-result.json");
  writeFileSync(
    file,
    JSON.stringify({
      schema: "modelgate.result/v1",
      action: "train-reproducibly",
      key: "churn",
      verdict: "pass",
      checks: [check],
      notes: [],
      policy: { file: "modelgate.yml", sha256: "", source: "file" },
      subject: { model: "churn", candidate_sha256: digest },
    }),
  );
  return file;
}

describe("modelgate promote / rollback / registry on a local git repository", () => {
  it("promotes twice, rolls back, and reads list, show, history and verify back", async () => {
    const model = path.join(repo.dir, "model.bin");
    writeFileSync(model, "weights one");
    const promote = (ref: string) => promoteCommand.run([...minorBumpArgs(model, ref), ...where()]);
    expect(await promote(repo.commits[0])).toBe(0);
    expect(output()).toMatch(
      /^promote · churn: v0\.1\.0 -> prod \(churn#prod#1\)\n {2}note: There is no modelgate\.yml, so no registry: rules apply; only the evidence rules decide\.\n {2}note: Promoted without gate evidence \(allow-ungated\)/,
    );
    writeFileSync(model, "weights two");
    expect(await promote(repo.commits[1])).toBe(0);
    expect(output()).toMatch(/^promote · churn: v0\.2\.0 -> prod \(churn#prod#2\)\n/);
    // Artifacts live inside .git, never in the work tree.
    expect(repo.git("rev-parse", "--path-format=absolute", "--git-common-dir")).toBe(path.join(repo.dir, ".git"));

    expect(
      await rollbackCommand.run([
        "--model",
        "churn",
        "--stage",
        "prod",
        "--reason",
        "p95 latency",
        "--actor",
        "bo",
        ...where(),
      ]),
    ).toBe(0);
    const rolled = output();
    expect(rolled).toMatch(
      /^rollback · churn prod: v0\.2\.0 -> v0\.1\.0\n {2}1 passed: v0\.1\.0 \[artifact-digests\]\n {2}note: There is no modelgate\.yml, so no registry: rules apply; only the evidence rules decide\.\nchurn history:\n/,
    );
    expect(rolled).toMatch(/#4 {2}prod {7}rollback v0\.1\.0 \(was v0\.2\.0\) {2}by bo at .* — p95 latency\n$/);

    expect(await registryCommand.run(["list", ...where()])).toBe(0);
    expect(output()).toBe("churn\n");
    expect(await registryCommand.run(["show", "churn", ...where()])).toBe(0);
    const sha = (text: string) => createHash("sha256").update(text).digest("hex").slice(0, 12);
    expect(output().replace(/ at \d{4}-\d\d-\d\dT[\d:]+Z/g, " at T")).toBe(
      [
        "churn",
        "  stages: prod v0.1.0",
        `  v0.2.0  churn@v0.2.0 on ${repo.commits[1]!.slice(0, 12)}, by ana at T`,
        "    promoted with --allow-ungated: required gates may be missing",
        "    #2 promote to prod by ana at T",
        "    #3 unassign from prod by bo at T: p95 latency",
        "    gates: none recorded",
        `    model.bin sha256:${sha("weights two")} (11 bytes)`,
        `  v0.1.0  churn@v0.1.0 on ${repo.commits[0]!.slice(0, 12)}, by ana at T  holds prod`,
        "    promoted with --allow-ungated: required gates may be missing",
        "    #1 promote to prod by ana at T",
        "    #4 rollback to prod by bo at T: p95 latency",
        "    gates: none recorded",
        `    model.bin sha256:${sha("weights one")} (11 bytes)`,
        // Promoted without gates: no version can be compared, and the history says why.
        "  history of prod: last 0 of 5 comparable versions (evaluation data unrecorded)",
        "    Only 0 of the 2 versions that held prod are comparable; the history asks for 5.",
        "    not compared: v0.1.0: no evaluate-gate result with metrics was recorded",
        "    not compared: v0.2.0: no evaluate-gate result with metrics was recorded",
        "",
      ].join("\n"),
    );
    expect(await registryCommand.run(["show", "churn", "--format", "json", ...where()])).toBe(0);
    const show = JSON.parse(output());
    expect(show).toMatchObject({
      schema: "modelgate.registry-show/v1",
      model: "churn",
      stages: { prod: "v0.1.0" },
      problems: [],
    });
    expect(
      show.versions.map((v: { version: string; stages: string[]; allow_ungated: boolean }) => [
        v.version,
        v.stages,
        v.allow_ungated,
      ]),
    ).toEqual([
      ["v0.2.0", [], true],
      ["v0.1.0", ["prod"], true],
    ]);
    expect(await registryCommand.run(["history", "churn", "--stage", "prod", ...where()])).toBe(0);
    expect(
      output()
        .split("\n")
        .filter((line) => line.startsWith("  #")),
    ).toHaveLength(4);
    expect(await registryCommand.run(["verify", ...where()])).toBe(0);
    expect(output()).toBe(
      "churn: intact (4 event(s), 2 version(s), 2 artifact(s): event chain linked, stored artifacts match their records)\n",
    );

    repo.git("tag", "-d", "churn#prod#2");
    repo.git("update-ref", "-d", "refs/modelgate/churn.events/2");
    expect(await registryCommand.run(["verify", "churn", ...where()])).toBe(1);
    expect(output()).toMatch(
      /^churn: 1 problem\(s\) in 3 event\(s\), 2 version\(s\), 2 artifact\(s\)\n {2}\[chain\] churn#prod!#3: it names previous event [0-9a-f]{40}, but the event before it is churn#prod#1/,
    );
  }, 120_000);

  it("shows versions and events GTO wrote with no gate evidence, and never counts them toward a stage's require", async () => {
    const model = path.join(repo.dir, "model.bin");
    writeFileSync(model, "weights one");
    const policy = path.join(repo.dir, "modelgate.yml");
    writeFileSync(
      policy,
      "version: 1\nregistry:\n  stages:\n    Prod:\n      require: [evaluate-gate]\n    staging: {}\n",
    );
    const promote = (...args: string[]) =>
      promoteCommand.run([
        "--model",
        "churn",
        "--artifacts",
        model,
        "--allow-missing-manifest",
        "--actor",
        "ana",
        "--policy",
        policy,
        "--format",
        "json",
        ...args,
        ...where(),
      ]);
    expect(await promote("--stage", "staging", "--version", "1.0.0", "--ref", repo.commits[0], "--allow-ungated")).toBe(
      0,
    );
    output();
    // A minute later GTO assigns v1.0.0 to Prod and registers v2.0.0 on the next commit, as `gto assign` and
    // `gto register` write them.
    const gto = (message: string, name: string, commit: string) =>
      execFileSync("git", ["tag", "-a", "-m", message, name, commit], {
        cwd: repo.dir,
        env: {
          ...GIT_ENV,
          GIT_COMMITTER_NAME: "gto-user",
          GIT_COMMITTER_DATE: `${Math.floor(Date.now() / 1000) + 60} +0000`,
        },
      });
    gto("Assigning stage Prod to artifact churn version v1.0.0", "churn#Prod#5", repo.commits[0]);
    gto("Registering artifact churn version v2.0.0", "churn@v2.0.0", repo.commits[1]);

    // Prod requires evaluate-gate: GTO's assignment of the same version is no evidence of it.
    expect(
      await promote("--stage", "Prod", "--version", "1.0.0", "--ref", repo.commits[0], "--results", resultFile()),
    ).toBe(1);
    const refused = JSON.parse(output());
    expect(refused.promotion).toBeNull();
    expect(refused.checks.find((c: { name: string }) => c.name === "require:evaluate-gate")).toMatchObject({
      verdict: "fail",
    });

    expect(await registryCommand.run(["show", "churn", "--format", "json", ...where()])).toBe(0);
    const show = JSON.parse(output());
    expect(show.stages).toEqual({ Prod: "v1.0.0", staging: "v1.0.0" });
    expect(
      show.versions.map((v: { version: string; gate_evidence: boolean; actor: string; gates: unknown[] }) => [
        v.version,
        v.gate_evidence,
        v.actor,
        v.gates,
      ]),
    ).toEqual([
      ["v2.0.0", false, "gto-user", []],
      ["v1.0.0", true, "ana", []],
    ]);
    expect(
      show.versions[1].events.map((e: { tag: string; event: string; gate_evidence: boolean }) => [
        e.tag,
        e.event,
        e.gate_evidence,
      ]),
    ).toEqual([
      ["churn#staging#1", "promote", true],
      ["churn#Prod#5", "assign", false],
    ]);
    expect(await registryCommand.run(["show", "churn", ...where()])).toBe(0);
    const text = output();
    expect(text).toMatch(
      / {2}v2\.0\.0 {2}churn@v2\.0\.0 on [0-9a-f]{12}, by gto-user at \S+\n {4}written outside modelgate: no record, no gate evidence\n {2}v1\.0\.0/,
    );
    expect(text).toMatch(
      / {4}#5 assign to Prod by gto-user at \S+: Assigning stage Prod to artifact churn version v1\.0\.0 \[written outside modelgate: no gate evidence\]\n/,
    );

    // verify fails on GTO's tags unless the policy (the registry: section beside stages) allows them.
    expect(await registryCommand.run(["verify", "churn", "--policy", policy, ...where()])).toBe(1);
    expect(output()).toContain("[foreign-tag]");
    writeFileSync(
      policy,
      "version: 1\nregistry:\n  allow-foreign-tags: true\n  stages:\n    Prod:\n      require: [evaluate-gate]\n    staging: {}\n",
    );
    expect(await registryCommand.run(["verify", "churn", "--policy", policy, ...where()])).toBe(0);
    output();
  }, 120_000);

  it("reads versions-per-commit from the local policy's registry: section", async () => {
    const model = path.join(repo.dir, "model.bin");
    const policy = path.join(repo.dir, "modelgate.yml");
    const promote = (weights: string) => {
      writeFileSync(model, weights);
      return promoteCommand.run([
        "--model",
        "churn",
        "--stage",
        "prod",
        "--bump",
        "patch",
        "--artifacts",
        model,
        "--ref",
        repo.commits[0],
        "--allow-missing-manifest",
        "--allow-ungated",
        "--policy",
        policy,
        ...where(),
      ]);
    };
    writeFileSync(policy, "version: 1\nregistry:\n  stages:\n    prod: {}\n");
    expect(await promote("weights one")).toBe(0);
    await expect(promote("weights two")).rejects.toThrow(
      /already carries churn v0\.0\.1, and a commit carries one version of a model/,
    );
    writeFileSync(policy, "version: 1\nregistry:\n  versions-per-commit: many\n  stages:\n    prod: {}\n");
    expect(await promote("weights two")).toBe(0);
    expect(output()).toContain("churn: v0.0.2 -> prod");
  }, 60_000);

  /** promote of churn to prod with `args`, on the test's repository. */
  const promoteChurn = (...args: string[]) =>
    promoteCommand.run(["--model", "churn", "--stage", "prod", ...args, ...where()]);

  // Each refusal leaves the registry without a tag.
  it.each([
    [
      "a promotion without a manifest unless allowed",
      (model: string) => promoteChurn("--version", "1.0.0", "--artifacts", model),
      /No lineage manifest was given/,
    ],
    [
      "a rollback without a reason",
      () => rollbackCommand.run(["--model", "churn", "--stage", "prod", ...where()]),
      /--reason is "": it is required/,
    ],
    [
      "a promotion to a version that is not semver",
      (model: string) =>
        promoteChurn("--version", "1.0", "--artifacts", model, "--allow-missing-manifest", "--allow-ungated"),
      /Input "version" is "1.0"/,
    ],
  ] as const)(
    "refuses %s",
    async (_, run, message) => {
      const model = path.join(repo.dir, "model.bin");
      writeFileSync(model, "weights");
      await expect(run(model)).rejects.toThrow(message);
      expect(repo.git("tag", "--list")).toBe("");
    },
    60_000,
  );
});
