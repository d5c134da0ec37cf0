import { describe, expect, it } from "vitest";
import { findConstantDifference } from "../../../shared/src/stats/find-constant-difference.js";
import { toPerExampleValues } from "../../../shared/src/stats/per-example-values.js";
import { edgeCases, expectRelative } from "./support/fixtures.js";

describe("findConstantDifference", () => {
  it("finds 0 for an unchanged model and nothing once one example changes", () => {
    expect(findConstantDifference([1, 0, 1, 1], [1, 0, 1, 1])).toBe(0);
    expect(findConstantDifference([1, 0, 1, 1], [1, 0, 1, 0])).toBeUndefined();
  });

  it("treats rounding as no variance: Brier changes of −0.03 that differ by 2e-17 (NumPy sees the same spread)", () => {
    const want = edgeCases.no_variance.brier_constant_200;
    const y = Array.from({ length: 200 }, (_, i) => 1 - (i % 2));
    const candidate = toPerExampleValues(
      "brier",
      y,
      y.map((v) => (v === 1 ? 0.9 : 0.1)),
    );
    const baseline = toPerExampleValues(
      "brier",
      y,
      y.map((v) => (v === 1 ? 0.8 : 0.2)),
    );
    const differences = candidate.map((c, i) => c - baseline[i]!);
    expect(Math.max(...differences) - Math.min(...differences)).toBeCloseTo(want.spread, 30);
    expectRelative(findConstantDifference(candidate, baseline)!, want.constant, 1e-12);
  });

  it("scales the tolerance with the values, so large regression errors that truly differ are not constant", () => {
    expect(findConstantDifference([1e6 + 0.5, 2e6 + 0.5], [1e6, 2e6])).toBe(0.5);
    expect(findConstantDifference([1e6 + 0.5, 2e6 + 0.6], [1e6, 2e6])).toBeUndefined();
  });
});
