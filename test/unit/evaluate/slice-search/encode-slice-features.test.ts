import { describe, expect, it } from "vitest";
import {
  encodeSliceFeature,
  NO_PREDICATE,
} from "../../../../shared/src/evaluate/slice-search/encode-slice-features.js";
import { numberColumn, textColumn } from "./synthetic-predictions.js";

describe("encodeSliceFeature", () => {
  it("cuts a numeric column at numpy.quantile's 5-quantiles when binning 1 … 10 into 5 bins", () => {
    // numpy.quantile(np.arange(1, 11), [0.2, 0.4, 0.6, 0.8]) = [2.8, 4.6, 6.4, 8.2] (method "linear").
    const values = Array.from({ length: 10 }, (_, i) => i + 1);
    const encoded = encodeSliceFeature(numberColumn("x", values), 1, 5);
    expect(encoded.kind).toBe("numeric");
    expect(encoded.predicates).toEqual(["x < 2.8", "2.8 ≤ x < 4.6", "4.6 ≤ x < 6.4", "6.4 ≤ x < 8.2", "x ≥ 8.2"]);
    expect(Array.from(encoded.codes)).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4]);
  });

  it("makes missing values a predicate and drops predicates under the minimum size or covering every row", () => {
    const values = ["a", "a", "a", "b", "b", "b", "c", "", "", ""].map((v) => v);
    const column = textColumn("g", values);
    // The reader codes missing text as -1.
    const codes = Int32Array.from(values, (v, i) =>
      v === "" ? -1 : column.kind === "string" ? (column.codes[i] as number) : 0,
    );
    const encoded = encodeSliceFeature({ ...column, codes, missing: 3 } as typeof column, 3, 5);
    expect(encoded.predicates).toEqual(["g=a", "g=b", "g=(missing)"]);
    expect(encoded.codes[6]).toBe(NO_PREDICATE); // "c" is held by one row, under the minimum of 3
    const whole = encodeSliceFeature(textColumn("k", ["z", "z", "z"]), 1, 5);
    expect(whole.predicates).toEqual([]);
  });

  it("keeps the 64 most frequent values of a wide categorical column and says how many it left out", () => {
    const values = Array.from({ length: 7000 }, (_, i) => `v${i % 70}`);
    const encoded = encodeSliceFeature(textColumn("id", values), 10, 5);
    expect(encoded.predicates).toHaveLength(64);
    expect(encoded.capped).toBe(6);
  });

  it("keeps the one non-empty bin of a constant numeric column, beside its missing values", () => {
    // Every quantile of [1, 1, 1] is 1: the edges merge into one, and the bin below it is empty.
    const encoded = encodeSliceFeature(numberColumn("flag", [1, 1, 1, Number.NaN, Number.NaN]), 2, 5);
    expect(encoded.predicates).toEqual(["flag ≥ 1", "flag=(missing)"]);
  });
});
