import path from "node:path";
import { describe, expect, it } from "vitest";
import { nodeBinaries } from "./support/node-binaries.js";
import { runActionBundle } from "./support/run-action-bundle.js";
import { makeTrainWorkspace, TRAIN_INPUTS } from "./support/train-workspace.js";

interface BadInputCase {
  when: string;
  inputs: Record<string, string>;
  /** Texts the error annotation (or failed check's annotation) must contain. */
  names: string[];
}

const CASES: BadInputCase[] = [
  {
    when: "the command fails",
    inputs: { run: "echo 'loading data'; echo 'CUDA out of memory' >&2; exit 3" },
    names: ["exited 3"],
  },
  { when: "the command is not found", inputs: { run: "trian.py --epochs 3" }, names: ["exited 127", "not found"] },
  {
    when: "an inputs glob matches nothing",
    inputs: { inputs: "data/*.parquet" },
    names: ['Input "inputs"', '"data/*.parquet" matches nothing', "allow-empty"],
  },
  {
    when: "an output path is outside the workspace",
    inputs: { outputs: "../model.bin" },
    names: ['Input "outputs"', "points outside the workspace"],
  },
  {
    when: "the command does not write the metrics file",
    inputs: { metrics: "out/scores.json" },
    names: ['Input "metrics"', "did not write out/scores.json"],
  },
  {
    when: "verify-runs is 1",
    inputs: { "verify-runs": "1" },
    names: ['Input "verify-runs" is "1"', "at least two runs"],
  },
  { when: "the seed is not an integer", inputs: { seed: "4.5" }, names: ['Input "seed" is "4.5"', "an integer"] },
  {
    when: "verify-compare is metrics without a metrics file",
    inputs: { metrics: "", "verify-compare": "metrics" },
    names: ['Input "verify-compare"', "no metrics to compare"],
  },
];

// One Node version: the cases exercise input handling, which the happy path already runs on both.
const node = nodeBinaries()[0]!.path;

describe("train-reproducibly bundle given bad input", () => {
  it.each(CASES)("fails with a message naming the fix when $when", async ({ inputs, names }) => {
    const workspace = makeTrainWorkspace();
    const run = await runActionBundle("train-reproducibly", {
      node,
      workspace,
      eventName: "push",
      event: {},
      inputs: { ...TRAIN_INPUTS, ...inputs },
    });
    expect(run.exitCode).toBe(1);
    expect(run.outputs.verdict).toBe("fail");
    const errors = run.commands
      .filter((c) => c.command === "error")
      .map((c) => c.message)
      .join("\n");
    for (const name of names) expect(errors + run.summary).toContain(name);
    expect(run.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(path.isAbsolute(run.outputs.result!)).toBe(true);
  });
});
