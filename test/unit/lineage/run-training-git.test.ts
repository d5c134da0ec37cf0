import { cpSync, existsSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sha256Hex } from "../../../shared/src/core/digest.js";
import { DataError, InputError } from "../../../shared/src/core/modelgate-error.js";
import { parsePatternLines } from "../../../shared/src/lineage/glob-pattern.js";
import type { OutputCache } from "../../../shared/src/lineage/output-store.js";
import { runTraining } from "../../../shared/src/lineage/run-training.js";
import { commitAll, git } from "../../support/git-checkout.js";
import { testServices, trainOptions, trainWorkspace } from "./train-workspace.js";

const OLD = new Date("2020-01-02T03:04:05.000Z");

/** The example trainer committed in a real repository, with nothing ignored: outputs and manifest show as untracked. */
function checkout(): string {
  const ws = trainWorkspace();
  commitAll(ws);
  return ws;
}

const edit = (ws: string, file: string, change: (text: string) => string) =>
  writeFileSync(path.join(ws, file), change(readFileSync(path.join(ws, file), "utf8")));

describe("runTraining in a git checkout", () => {
  it("gives two identical runs the same lineage, though the first run's outputs, metrics and manifest are untracked in the second", async () => {
    const ws = checkout();
    const first = await runTraining(trainOptions(ws, "node train.mjs"), testServices());
    expect(git(ws, "status", "--porcelain", "--untracked-files=all").split("\n").sort()).toEqual([
      "?? modelgate.manifest.json",
      "?? out/metrics.json",
      "?? out/model.json",
    ]);
    const second = await runTraining(trainOptions(ws, "node train.mjs"), testServices());
    expect(second.manifest!.git).toEqual({ ...first.manifest!.git, dirty: false, dirty_files: [] });
    expect(second.manifest!.lineage_sha256).toBe(first.manifest!.lineage_sha256);
  });

  it("changes the lineage with an uncommitted edit of code that is no declared input, and restores it when the edit is reverted", async () => {
    const ws = checkout();
    const options = trainOptions(ws, "node train.mjs", { inputs: parsePatternLines("customers.csv") });
    const clean = await runTraining(options, testServices());
    edit(ws, "train.mjs", (text) => `${text}// tuned by hand, not committed\n`);
    const edited = await runTraining(options, testServices());
    expect(edited.manifest!.git.dirty_files).toEqual([
      { path: "train.mjs", sha256: sha256Hex(readFileSync(path.join(ws, "train.mjs"))) },
    ]);
    expect(edited.manifest!.lineage_sha256).not.toBe(clean.manifest!.lineage_sha256);
    expect(edited.manifest!.inputs).toEqual(clean.manifest!.inputs);
    edit(ws, "train.mjs", (text) => `${text}// tuned again\n`);
    const again = await runTraining(options, testServices());
    expect(again.manifest!.lineage_sha256).not.toBe(edited.manifest!.lineage_sha256);
    git(ws, "checkout", "--", "train.mjs");
    expect((await runTraining(options, testServices())).manifest!.lineage_sha256).toBe(clean.manifest!.lineage_sha256);
  });

  it("changes the lineage with an uncommitted edit of an input, recording it under inputs and dirty files alike", async () => {
    const ws = checkout();
    const clean = await runTraining(trainOptions(ws, "node train.mjs"), testServices());
    edit(ws, "customers.csv", (text) => text.replace(/\n(\d)/, "\n9$1"));
    const edited = await runTraining(trainOptions(ws, "node train.mjs"), testServices());
    const input = edited.manifest!.inputs.find((i) => i.path === "customers.csv")!;
    expect(input.sha256).not.toBe(clean.manifest!.inputs.find((i) => i.path === "customers.csv")!.sha256);
    expect(edited.manifest!.git.dirty_files).toEqual([{ path: "customers.csv", sha256: input.sha256 }]);
    expect(edited.manifest!.lineage_sha256).not.toBe(clean.manifest!.lineage_sha256);
  });

  it("fails a run that wrote nothing, naming the stale output, and writes no manifest", async () => {
    const ws = checkout();
    mkdirSync(path.join(ws, "models"));
    writeFileSync(path.join(ws, "models/stale.bin"), "last week's model");
    utimesSync(path.join(ws, "models/stale.bin"), OLD, OLD);
    const result = await runTraining(
      trainOptions(ws, "true", { outputs: parsePatternLines("models/stale.bin"), metrics: undefined }),
      testServices(),
    );
    expect(result.verdict).toBe("fail");
    expect(result.checks.map((c) => [c.name, c.verdict])).toEqual([
      ["command:exit-code", "pass"],
      ["outputs:written-by-run", "fail"],
    ]);
    expect(result.checks[1]!.message).toContain(
      "did not write models/stale.bin (2020-01-02T03:04:05.000Z), modified before the run started; a file left from an earlier run",
    );
    expect(result.manifest).toBeNull();
    expect(existsSync(path.join(ws, "modelgate.manifest.json"))).toBe(false);
  });

  it("names the leftover files of an output folder the command only partly rewrote, and a metrics file it left alone", async () => {
    const ws = checkout();
    mkdirSync(path.join(ws, "out/checkpoints"), { recursive: true });
    writeFileSync(path.join(ws, "out/checkpoints/epoch-30.pt"), "from a longer run");
    utimesSync(path.join(ws, "out/checkpoints/epoch-30.pt"), OLD, OLD);
    const folder = await runTraining(
      trainOptions(ws, "node train.mjs", { outputs: parsePatternLines("out") }),
      testServices(),
    );
    expect(folder.checks[1]).toMatchObject({ verdict: "fail", value: 1 });
    expect(folder.checks[1]!.message).toContain("did not write out/checkpoints/epoch-30.pt (2020-01-02T03:04:05.000Z)");
    utimesSync(path.join(ws, "out/metrics.json"), OLD, OLD);
    const metrics = await runTraining(
      trainOptions(ws, "node -e \"require('fs').writeFileSync('out/model.json', '{}')\""),
      testServices(),
    );
    expect(metrics.checks[1]!.message).toContain("did not write out/metrics.json (2020-01-02T03:04:05.000Z)");
  });

  it("keeps the first run's metrics file after verification runs, and its outputs when a rerun fails to write one", async () => {
    const ws = checkout();
    const unseeded = await runTraining(
      trainOptions(ws, "node train.mjs --unseeded", { verifyRuns: 2, verifyCompare: "metrics", verifyTolerance: 1 }),
      testServices(),
    );
    expect(sha256Hex(readFileSync(path.join(ws, "out/metrics.json")))).toBe(unseeded.manifest!.metrics!.sha256);
    expect(sha256Hex(readFileSync(path.join(ws, "out/model.json")))).toBe(unseeded.manifest!.outputs[0]!.sha256);

    await runTraining(trainOptions(ws, "node train.mjs"), testServices());
    const model = readFileSync(path.join(ws, "out/model.json"));
    const once = "if [ -e .ran ]; then mkdir -p out; echo '{}' > out/model.json; else node train.mjs; fi; touch .ran";
    const rerun = runTraining(trainOptions(ws, once, { verifyRuns: 2 }), testServices());
    await expect(rerun).rejects.toThrow(DataError);
    await expect(rerun).rejects.toThrow('Input "metrics": the command exited 0 but did not write out/metrics.json');
    expect(readFileSync(path.join(ws, "out/model.json"))).toEqual(model);
    expect(existsSync(path.join(ws, "out/metrics.json"))).toBe(true);
  });

  it("fails a verification run that puts back a copy of the first run's model instead of training", async () => {
    const ws = checkout();
    const cached =
      "if [ -e .keep/model.json ]; then cp -p .keep/model.json out/model.json; else node train.mjs; mkdir .keep; cp -p out/model.json .keep/; fi";
    const result = await runTraining(trainOptions(ws, cached, { verifyRuns: 2, metrics: undefined }), testServices());
    expect(result.checks.map((c) => [c.name, c.verdict])).toEqual([
      ["command:exit-code", "pass"],
      ["outputs:written-by-run", "pass"],
      ["verification run 2:written-by-run", "fail"],
      ["out/model.json:repeatable", "pass"],
    ]);
    expect(result.checks[2]!.message).toContain("did not write out/model.json");
    expect(result.verdict).toBe("fail");
  });

  it("takes outputs restored from the cache as they are, old modification times included", async () => {
    const producer = checkout();
    await runTraining(trainOptions(producer, "node train.mjs"), testServices());
    const ws = checkout();
    const cache: OutputCache = {
      restore: () => {
        for (const file of ["out", "modelgate.manifest.json"])
          cpSync(path.join(producer, file), path.join(ws, file), { recursive: true });
        for (const file of ["out/model.json", "out/metrics.json", "modelgate.manifest.json"])
          utimesSync(path.join(ws, file), OLD, OLD);
        return Promise.resolve(true);
      },
      save: () => Promise.reject(new Error("a hit saves nothing")),
    };
    const result = await runTraining(trainOptions(ws, "false", { cache: true }), { ...testServices(), cache });
    expect(result.verdict).toBe("pass");
    expect(result.cache).toMatchObject({ hit: true });
    expect(result.checks.map((c) => c.name)).toEqual(["cache:restored-outputs"]);
  });

  it("refuses a manifest path among the outputs, which every run would hash as the previous run's", async () => {
    const ws = checkout();
    const run = runTraining(
      trainOptions(ws, "node train.mjs", {
        outputs: parsePatternLines("out"),
        manifestPath: "out/modelgate.manifest.json",
      }),
      testServices(),
    );
    await expect(run).rejects.toThrow(InputError);
    await expect(run).rejects.toThrow('Input "manifest": out/modelgate.manifest.json lies among the outputs');
    const excluded = await runTraining(
      trainOptions(ws, "node train.mjs", {
        outputs: parsePatternLines("out/*\n!out/modelgate.manifest.json"),
        manifestPath: "out/modelgate.manifest.json",
      }),
      testServices(),
    );
    expect(excluded.verdict).toBe("pass");
  });
});
