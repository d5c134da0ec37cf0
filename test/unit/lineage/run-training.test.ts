import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DataError } from "../../../shared/src/core/modelgate-error.js";
import { computeLineageSha256 } from "../../../shared/src/lineage/lineage-digest.js";
import { runTraining } from "../../../shared/src/lineage/run-training.js";
import { sha256Hex } from "../../../shared/src/core/digest.js";
import { testServices, trainOptions, trainWorkspace } from "./train-workspace.js";

describe("runTraining", () => {
  it("records a seeded run's manifest with digests equal to the files' sha256 and the seed variables set", async () => {
    const ws = trainWorkspace();
    const services = testServices();
    const result = await runTraining(trainOptions(ws, "node train.mjs", { seed: 3 }), services);
    expect(result.verdict).toBe("pass");
    const manifest = result.manifest!;
    expect(manifest.outputs).toEqual([
      {
        path: "out/model.json",
        sha256: sha256Hex(readFileSync(path.join(ws, "out/model.json"))),
        bytes: readFileSync(path.join(ws, "out/model.json")).length,
      },
    ]);
    expect(manifest.inputs.map((i) => i.path)).toEqual(["customers.csv", "train.mjs"]);
    expect(manifest.seed.variables).toMatchObject({
      MODELGATE_SEED: "3",
      SEED: "3",
      PYTHONHASHSEED: "3",
      CUBLAS_WORKSPACE_CONFIG: ":4096:8",
    });
    expect(manifest.metrics?.values).toEqual({ accuracy: expect.any(Number), test_rows: 100 });
    expect(services.output()).toContain("with seed 3");
    expect(result.model_sha256).toBe(manifest.outputs[0]!.sha256);
    expect(manifest.lineage_sha256).toBe(computeLineageSha256(manifest));
    // The manifest file on disk is the one in the result, byte for byte canonical.
    expect(JSON.parse(readFileSync(path.join(ws, "modelgate.manifest.json"), "utf8"))).toEqual(manifest);
  });

  it("gives two identical runs the same lineage digest and another seed a different one", async () => {
    const ws = trainWorkspace();
    const first = await runTraining(trainOptions(ws, "node train.mjs"), testServices());
    const second = await runTraining(trainOptions(ws, "node train.mjs"), testServices());
    const seeded = await runTraining(trainOptions(ws, "node train.mjs", { seed: 1 }), testServices());
    expect(second.manifest!.lineage_sha256).toBe(first.manifest!.lineage_sha256);
    expect(second.manifest!.volatile).not.toBe(first.manifest!.volatile);
    expect(seeded.manifest!.lineage_sha256).not.toBe(first.manifest!.lineage_sha256);
    expect(seeded.model_sha256).not.toBe(first.model_sha256);
  });

  it("passes verify-runs when a seeded trainer repeats byte for byte", async () => {
    const ws = trainWorkspace();
    const result = await runTraining(trainOptions(ws, "node train.mjs", { verifyRuns: 3 }), testServices());
    expect(result.checks.map((c) => [c.name, c.verdict, c.value])).toEqual([
      ["command:exit-code", "pass", 0],
      ["outputs:written-by-run", "pass", 0],
      ["out/model.json:repeatable", "pass", 1],
    ]);
    expect(result.verdict).toBe("pass");
  });

  it("fails verify-runs and names the output when the trainer shuffles with Math.random, keeping the first run's bytes", async () => {
    const ws = trainWorkspace();
    const result = await runTraining(trainOptions(ws, "node train.mjs --unseeded", { verifyRuns: 2 }), testServices());
    const check = result.checks.find((c) => c.name === "out/model.json:repeatable")!;
    expect(check).toMatchObject({ verdict: "fail", value: 2 });
    expect(check.message).toContain("out/model.json differs between runs: run 2 of 2");
    expect(result.verdict).toBe("fail");
    expect(sha256Hex(readFileSync(path.join(ws, "out/model.json")))).toBe(result.manifest!.outputs[0]!.sha256);
  });

  it("warns instead of failing with on-unrepeatable warn, and compares metrics within the tolerance", async () => {
    const ws = trainWorkspace();
    const warned = await runTraining(
      trainOptions(ws, "node train.mjs --unseeded", { verifyRuns: 2, onUnrepeatable: "warn" }),
      testServices(),
    );
    expect(warned.verdict).toBe("warn");
    const byMetrics = await runTraining(
      trainOptions(ws, "node train.mjs --unseeded", { verifyRuns: 2, verifyCompare: "metrics", verifyTolerance: 1 }),
      testServices(),
    );
    expect(byMetrics.checks.filter((c) => c.rule === "repeatable-within").map((c) => [c.metric, c.verdict])).toEqual([
      ["accuracy", "pass"],
      ["test_rows", "pass"],
    ]);
  });

  it("fails with the exit code and the last lines when the command fails", async () => {
    const ws = trainWorkspace();
    const result = await runTraining(trainOptions(ws, "echo preparing; echo 'disk full' >&2; exit 3"), testServices());
    expect(result.verdict).toBe("fail");
    expect(result.checks[0]).toMatchObject({ name: "command:exit-code", verdict: "fail", value: 3 });
    expect(result.command.last_lines).toEqual(["preparing", "disk full"]);
    expect(result.manifest).toBeNull();
  });

  it("says a program was not found when bash exits 127", async () => {
    const result = await runTraining(trainOptions(trainWorkspace(), "trian-model --epochs 3"), testServices());
    expect(result.checks[0]!.message).toContain("exited 127: a program it calls was not found");
    expect(result.command.last_lines.join("\n")).toContain("trian-model: command not found");
  });

  it("runs bash with -e -o pipefail like a run: step, so a failing pipeline fails", async () => {
    const result = await runTraining(trainOptions(trainWorkspace(), "false | cat; node train.mjs"), testServices());
    expect(result.checks[0]).toMatchObject({ verdict: "fail", value: 1 });
  });

  it("refuses a metrics file the command did not write", async () => {
    const run = runTraining(
      trainOptions(trainWorkspace(), "node train.mjs", { metrics: "out/metrics.yaml" }),
      testServices(),
    );
    await expect(run).rejects.toThrow(DataError);
    await expect(run).rejects.toThrow('Input "metrics": the command exited 0 but did not write out/metrics.yaml');
  });

  it("refuses outputs matching nothing unless allow-empty, and outputs outside the workspace", async () => {
    const ws = trainWorkspace();
    await expect(
      runTraining(
        trainOptions(ws, "node train.mjs", {
          outputs: [{ text: "out/*.onnx", negated: false, base: "out", regexp: /^out\/[^/]*\.onnx$/ }],
        }),
        testServices(),
      ),
    ).rejects.toThrow('Input "outputs": "out/*.onnx" matches nothing');
    const allowed = await runTraining(
      trainOptions(ws, "node train.mjs", {
        allowEmpty: true,
        outputs: [{ text: "out/*.onnx", negated: false, base: "out", regexp: /^out\/[^/]*\.onnx$/ }],
      }),
      testServices(),
    );
    expect(allowed.manifest!.outputs).toEqual([]);
    await expect(
      runTraining(
        trainOptions(ws, "node train.mjs", {
          outputs: [{ text: "../elsewhere/model.bin", negated: false, base: "../elsewhere/model.bin", regexp: null }],
        }),
        testServices(),
      ),
    ).rejects.toThrow('Input "outputs": "../elsewhere/model.bin" points outside the workspace');
  });

  it("lists what changed since a baseline manifest", async () => {
    const ws = trainWorkspace();
    const baseline = await runTraining(trainOptions(ws, "node train.mjs"), testServices());
    writeFileSync(path.join(ws, "params.json"), '{ "epochs": 5, "learning_rate": 0.1 }\n');
    const text = readFileSync(path.join(ws, "modelgate.manifest.json"), "utf8");
    const result = await runTraining(
      trainOptions(ws, "node train.mjs", { baselineManifest: { name: "prod.manifest.json", text } }),
      testServices(),
    );
    expect(baseline.manifest!.lineage_sha256).not.toBe(result.manifest!.lineage_sha256);
    expect(result.changes!.map((c) => [c.section, c.name, c.change])).toEqual([
      ["params", "params.json", "changed"],
      ["outputs", "out/model.json", "changed"],
    ]);
  });
});
