import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { toPolicyJsonSchema } from "../../../shared/src/policy/to-policy-json-schema.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const committedText = readFileSync(path.join(root, "schema/modelgate.schema.json"), "utf8");
const validate = new Ajv2020({ strict: false, allErrors: true }).compile(JSON.parse(committedText) as object);
const examples = path.join(root, "shared/examples/churn");

describe("schema/modelgate.schema.json", () => {
  it("is what the generator writes from the zod policy schema today (npm run generate)", () => {
    expect(committedText).toBe(`${JSON.stringify(toPolicyJsonSchema(), null, 2)}\n`);
  });

  it("is what the generator script itself writes, checked by its --check mode", () => {
    expect(
      execFileSync(process.execPath, ["shared/tools/generate-schema.mjs", "--check"], { cwd: root, encoding: "utf8" }),
    ).toContain("up to date");
  });

  it.each(readdirSync(examples).filter((name) => name.endsWith(".yml")))("accepts the example policy %s", (name) => {
    const policy: unknown = parse(readFileSync(path.join(examples, name), "utf8"));
    expect(validate(policy), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each([
    ["an unknown top-level key", { version: 1, evalute: {} }, "additionalProperties"],
    [
      "a direction outside the enum",
      { version: 1, evaluate: { metrics: { auc: { direction: "up", min: 0.5 } } } },
      "enum",
    ],
    [
      "a misspelt rule",
      { version: 1, evaluate: { metrics: { auc: { direction: "higher", "max-regresion": 0.1 } } } },
      "additionalProperties",
    ],
    ["version 2", { version: 2 }, "const"],
    ["a model name outside GTO's grammar", { version: 1, model: "Churn Model" }, "pattern"],
  ])("refuses %s", (_what, policy, keyword) => {
    expect(validate(policy)).toBe(false);
    expect(validate.errors!.map((e) => e.keyword)).toContain(keyword);
  });
});
