import { describe, expect, it } from "vitest";
import { parsePolicy } from "../../../../shared/src/policy/parse-policy.js";
import { featureColumnsOf } from "../../../../shared/src/evaluate/slice-search/feature-columns-of.js";

const parse = (search: string) =>
  parsePolicy(
    `version: 1\nevaluate:\n  metrics:\n    accuracy: { direction: higher, min: 0.5 }\n${search}`,
    "modelgate.yml",
  );

describe("evaluate.slice-search", () => {
  it("accepts false, an empty object and every key, and tells the reader which feature columns to read", () => {
    expect(featureColumnsOf(parse("").evaluate)).toBe("others");
    expect(featureColumnsOf(parse("  slice-search: false").evaluate)).toBeUndefined();
    const full = parse(
      "  slice-search: { columns: [region, age], depth: 3, min-size: 50, alpha: 0.01, bins: 10, loss: error, margin: 0.02, top: 3, on-finding: fail }",
    );
    expect(featureColumnsOf(full.evaluate)).toEqual(["region", "age"]);
  });

  it.each([
    ["depth: 4", /must be 1, 2 or 3/],
    ["min-size: 5", /at least 10/],
    ["alpha: 0.7", /between 0 and 0.5/],
    ["loss: auc", /slice-search/],
    ["columns: [a, a]", /names a column twice/],
    ["on-finding: block", /slice-search/],
    ["unknown: 1", /unknown/i],
  ])("refuses %s with a message naming the key", (entry, message) => {
    expect(() => parse(`  slice-search: { ${entry} }`)).toThrow(message);
  });
});
