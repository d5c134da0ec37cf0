import { describe, expect, it } from "vitest";
import { UsageError } from "../../../shared/src/cli/commands.js";
import { parseCliArgs } from "../../../shared/src/cli/parse-cli-args.js";

const options = {
  candidate: { type: "string" },
  inputs: { type: "string", multiple: true },
  "dry-run": { type: "boolean" },
} as const;
const parse = (...args: string[]) => parseCliArgs({ args, options, strict: true });

describe("parseCliArgs", () => {
  it("refuses a single-valued flag given twice, naming both values, when node:util would keep the last", () => {
    expect(() => parse("--candidate", "a.json", "--candidate=b.json")).toThrow(UsageError);
    expect(() => parse("--candidate", "a.json", "--candidate=b.json")).toThrow(
      '--candidate is given twice ("a.json", then "b.json"); it takes one value, so give it once.',
    );
  });

  it("refuses a boolean flag given twice", () => {
    expect(() => parse("--dry-run", "--dry-run")).toThrow("--dry-run is given twice; give it once.");
  });

  it("keeps every value of a repeatable flag", () => {
    expect(parse("--inputs", "a", "--inputs", "b", "--candidate", "c.json").values).toEqual({
      inputs: ["a", "b"],
      candidate: "c.json",
    });
  });

  it("returns the values and positionals as parseArgs does when each flag is given once", () => {
    expect(
      parseCliArgs({ args: ["--candidate", "c.json", "x"], options, strict: true, allowPositionals: true }),
    ).toMatchObject({ values: { candidate: "c.json" }, positionals: ["x"] });
  });
});
