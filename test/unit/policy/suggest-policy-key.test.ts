import { describe, expect, it } from "vitest";
import { suggestPolicyKey } from "../../../shared/src/policy/suggest-policy-key.js";

const METRIC = ["evaluate", "metrics", "accuracy"];

describe("suggestPolicyKey", () => {
  it.each([
    ["max_regression", "max-regression"],
    ["Max-Regression-Pct", "max-regression-pct"],
    ["warn regression", "warn-regression"],
  ])("maps %s to %s when only separators or case differ", (typo, meant) => {
    expect(suggestPolicyKey(typo, METRIC)).toBe(meant);
  });

  it("suggests a rule one or two edits away when the key is long enough to be a typo", () => {
    expect(suggestPolicyKey("directon", METRIC)).toBe("direction");
    expect(suggestPolicyKey("max-regresion", METRIC)).toBe("max-regression");
  });

  it("suggests nothing when a short key is mostly edits or nothing is close", () => {
    expect(suggestPolicyKey("mn", METRIC)).toBeUndefined();
    expect(suggestPolicyKey("threshold", METRIC)).toBeUndefined();
  });

  it("suggests the keys of the level the unknown key sits at", () => {
    expect(suggestPolicyKey("evalute", [])).toBe("evaluate");
    expect(suggestPolicyKey("metric", ["evaluate"])).toBe("metrics");
    expect(suggestPolicyKey("min", ["evaluate"])).toBeUndefined();
  });
});
