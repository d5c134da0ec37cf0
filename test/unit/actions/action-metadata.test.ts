import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { EvaluateInputShape } from "../../../shared/src/evaluate/evaluate-inputs.js";
import { ShadowInputShape } from "../../../shared/src/shadow/shadow-inputs.js";
import { PublishInputShape } from "../../../shared/src/publish/publish-inputs.js";
import { ValidateInputShape } from "../../../shared/src/validate/validate-inputs.js";
import { BiasInputShape } from "../../../shared/src/fairness/bias-inputs.js";
import { TrainInputShape } from "../../../shared/src/lineage/train-inputs.js";
import { PromoteInputShape } from "../../../shared/src/registry/promote-inputs.js";
import { RollbackInputShape } from "../../../shared/src/registry/rollback-inputs.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const actions = readdirSync(path.join(root, "actions"));

/** The input shape each action's main.ts parses; action.yml must declare exactly these inputs. */
const INPUT_SHAPES: Record<string, object> = {
  "validate-data": ValidateInputShape,
  "train-reproducibly": TrainInputShape,
  "evaluate-gate": EvaluateInputShape,
  "bias-check": BiasInputShape,
  "shadow-compare": ShadowInputShape,
  "publish-reports": PublishInputShape,
  promote: PromoteInputShape,
  rollback: RollbackInputShape,
};

interface ActionMetadata {
  name: string;
  description: string;
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main: string };
  branding?: { icon: string; color: string };
}

describe.each(actions)("actions/%s/action.yml", (action) => {
  const metadata = parse(readFileSync(path.join(root, "actions", action, "action.yml"), "utf8")) as ActionMetadata;

  it("runs its own bundle on node24, as runners require", () => {
    expect(metadata.runs).toEqual({ using: "node24", main: "dist/index.js" });
    expect(existsSync(path.join(root, "actions", action, "src/main.ts"))).toBe(true);
  });

  it("declares exactly the inputs its zod schema reads, each described", () => {
    const shape = INPUT_SHAPES[action];
    expect(shape, `add ${action}'s input shape to INPUT_SHAPES`).toBeDefined();
    expect(Object.keys(metadata.inputs).sort()).toEqual(Object.keys(shape!).sort());
    for (const [name, input] of Object.entries(metadata.inputs))
      expect(input.description.trim().length, name).toBeGreaterThan(20);
  });

  it("declares the outputs every action shares (contract §2), each described", () => {
    expect(Object.keys(metadata.outputs)).toEqual(
      expect.arrayContaining(["comment-url", "passed", "report", "result", "verdict"]),
    );
    for (const [name, output] of Object.entries(metadata.outputs))
      expect(output.description.trim().length, name).toBeGreaterThan(15);
  });

  it("has a name, a description and branding for the Marketplace", () => {
    expect(metadata.name).toMatch(/^modelgate /);
    expect(metadata.description.length).toBeGreaterThan(40);
    expect(metadata.branding).toBeDefined();
  });
});
