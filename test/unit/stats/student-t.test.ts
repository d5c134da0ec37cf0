import { describe, expect, it } from "vitest";
import { studentTSf } from "../../../shared/src/stats/student-t.js";

// scipy.stats.t.sf(t, df), SciPy 1.10 (Debian's python3-scipy), printed with repr: see fixtures/SOURCE.md.
const REFERENCE: [number, number, number][] = [
  [2.0, 19, 0.030001018193049168],
  [0.5, 5, 0.3191494358204645],
  [-1.3, 10, 0.8886170913965777],
  [4.2, 29, 0.00011592341819507406],
  [8.0, 99, 1.2001519105284366e-12],
  [3.1, 1000, 0.0009946727655610471],
  [5.5, 100000, 1.903588599492516e-8],
  [2.2, 999999, 0.013903561458125853],
  [0.0, 7, 0.5],
  [12.0, 3, 0.000622507900394668],
  [1.0, 1, 0.24999999999999978],
  [40.0, 50, 6.206211892186416e-40],
];

describe("studentTSf", () => {
  it.each(REFERENCE)(
    "matches scipy.stats.t.sf(%s, %s) when degrees of freedom range from 1 to a million",
    (t, df, expected) => {
      const got = studentTSf(t, df);
      expect(Math.abs(got - expected) / expected).toBeLessThan(1e-9);
    },
  );

  it("gives 0 and 1 at infinite t and refuses NaN or non-positive degrees of freedom", () => {
    expect(studentTSf(Infinity, 5)).toBe(0);
    expect(studentTSf(-Infinity, 5)).toBe(1);
    expect(() => studentTSf(Number.NaN, 5)).toThrow(/NaN/);
    expect(() => studentTSf(1, 0)).toThrow(/Degrees of freedom/);
  });
});
