import { mkdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sha256Hex } from "../../shared/src/core/digest.js";
import { computeLineageSha256 } from "../../shared/src/lineage/lineage-digest.js";
import type { Manifest } from "../../shared/src/lineage/manifest.js";
import { nodeBinaries } from "./support/node-binaries.js";
import { runActionBundle } from "./support/run-action-bundle.js";
import { makeTrainWorkspace, TRAIN_INPUTS } from "./support/train-workspace.js";
import { fakeInterpreters } from "../support/fake-interpreters.js";
import { commitAll } from "../support/git-checkout.js";

const push = { eventName: "push", event: { ref: "refs/heads/main" } };

describe.each(nodeBinaries())("train-reproducibly bundle on $label", ({ path: node }) => {
  it("runs the seeded command, streams its output, writes the manifest and sets every output", async () => {
    const workspace = makeTrainWorkspace();
    const run = await runActionBundle("train-reproducibly", {
      node,
      workspace,
      ...push,
      inputs: { ...TRAIN_INPUTS, seed: "5", "verify-runs": "2" },
    });
    expect(run.exitCode, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toContain("trained 20 epochs with seed 5");
    expect(run.stdout).toContain("modelgate: verification run 2 of 2");
    const manifest = JSON.parse(readFileSync(path.join(workspace, "modelgate.manifest.json"), "utf8")) as Manifest;
    const model = readFileSync(path.join(workspace, "out/model.json"));
    expect(manifest.outputs).toEqual([{ path: "out/model.json", sha256: sha256Hex(model), bytes: model.length }]);
    expect(manifest.seed.variables.MODELGATE_SEED).toBe("5");
    expect(manifest.git.repository).toBe("acme/models");
    expect(manifest.lineage_sha256).toBe(computeLineageSha256(manifest));
    expect(run.outputs).toMatchObject({
      verdict: "pass",
      passed: "true",
      "model-sha256": sha256Hex(model),
      "lineage-sha256": manifest.lineage_sha256,
      manifest: "modelgate.manifest.json",
      "cache-hit": "false",
      "artifact-id": "",
    });
    expect(run.summary).toContain("✅ pass · train-reproducibly · default");
    expect(run.summary).toContain("Lineage at a glance");
    const result = JSON.parse(readFileSync(run.outputs.result!, "utf8")) as {
      schema: string;
      subject: Record<string, string>;
    };
    expect(result.subject).toMatchObject({
      manifest_lineage_sha256: manifest.lineage_sha256,
      candidate_sha256: sha256Hex(model),
    });
  });

  it("fails the step and names every differing output when the command does not repeat", async () => {
    const run = await runActionBundle("train-reproducibly", {
      node,
      workspace: makeTrainWorkspace(),
      ...push,
      inputs: { ...TRAIN_INPUTS, run: "node train.mjs --unseeded", "verify-runs": "2" },
    });
    expect(run.exitCode).toBe(1);
    expect(run.outputs.verdict).toBe("fail");
    expect(run.summary).toContain("out/model.json differs between runs");
    expect(
      run.commands
        .filter((c) => c.command === "error")
        .map((c) => c.message)
        .join("\n"),
    ).toContain("out/model.json");
  });

  it("warns and trains when the cache service is down", async () => {
    const run = await runActionBundle("train-reproducibly", {
      node,
      workspace: makeTrainWorkspace(),
      ...push,
      inputs: { ...TRAIN_INPUTS, cache: "true" },
      env: {
        ACTIONS_CACHE_SERVICE_V2: "true",
        ACTIONS_RESULTS_URL: "http://127.0.0.1:9/",
        ACTIONS_RUNTIME_TOKEN: "token",
      },
    });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.stdout).toContain("trained 20 epochs");
    expect(run.outputs["cache-hit"]).toBe("false");
    expect(
      run.commands
        .filter((c) => c.command === "warning")
        .map((c) => c.message)
        .join("\n"),
    ).toMatch(/cache/i);
  });

  it("shares the lineage of two identical runs in a git checkout and records the python3 the run's PATH gives", async () => {
    const workspace = makeTrainWorkspace();
    commitAll(workspace);
    const { first } = fakeInterpreters();
    const inputs = {
      run: "python3 -I train.py > train.log",
      inputs: "customers.csv",
      outputs: "out/model.bin\ntrain.log",
    };
    const env = { PATH: `${first}:${process.env.PATH ?? ""}` };
    const one = await runActionBundle("train-reproducibly", { node, workspace, ...push, inputs, env });
    expect(one.exitCode, one.stdout + one.stderr).toBe(0);
    const two = await runActionBundle("train-reproducibly", { node, workspace, ...push, inputs, env });
    expect(two.outputs["lineage-sha256"]).toBe(one.outputs["lineage-sha256"]);
    const manifest = JSON.parse(readFileSync(path.join(workspace, "modelgate.manifest.json"), "utf8")) as Manifest;
    expect(manifest.git.dirty_files).toEqual([]);
    expect(manifest.environment.python).toMatchObject({ path: `${first}/python3`, version: "3.99.1" });
  });

  it("fails the step naming an output the run did not write", async () => {
    const workspace = makeTrainWorkspace();
    mkdirSync(path.join(workspace, "models"));
    writeFileSync(path.join(workspace, "models/stale.bin"), "an old model");
    utimesSync(
      path.join(workspace, "models/stale.bin"),
      new Date("2020-01-02T00:00:00Z"),
      new Date("2020-01-02T00:00:00Z"),
    );
    const run = await runActionBundle("train-reproducibly", {
      node,
      workspace,
      ...push,
      inputs: { run: "echo nothing to do", outputs: "models/stale.bin" },
    });
    expect(run.exitCode).toBe(1);
    expect(run.outputs.verdict).toBe("fail");
    expect(
      run.commands
        .filter((c) => c.command === "error")
        .map((c) => c.message)
        .join("\n"),
    ).toContain("did not write models/stale.bin");
  });
});
