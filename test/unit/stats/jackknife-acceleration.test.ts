import { describe, expect, it } from "vitest";
import { computeMeanAcceleration } from "../../../shared/src/stats/jackknife-acceleration.js";
import {
  expectOk,
  expectRelative,
  oracle,
  pairedDifferences,
  readPairedPredictions,
  reference,
} from "./support/fixtures.js";

const data = readPairedPredictions();
const accuracy = pairedDifferences("accuracy", data);
const acceleration = (values: ArrayLike<number>) => expectOk(computeMeanAcceleration(values)).value;

describe("computeMeanAcceleration", () => {
  it("matches the oracle's jackknife â of the 1000-row accuracy difference to 1e-12", () => {
    const expected = oracle.paired_models.bootstrap_accuracy_difference.jackknife_acceleration_a_hat;
    expectRelative(acceleration(accuracy), expected, 1e-12);
  });

  it("matches the oracle's â of the 40-row fixed-index case to 1e-12", () => {
    const expected = oracle.paired_models.bootstrap_accuracy_difference.fixed_indices_case.a_hat;
    expectRelative(acceleration(accuracy.slice(0, 40)), expected, 1e-12);
  });

  it("matches the exact rational â of the 1000-row accuracy, Brier and log-loss differences to 1e-13", () => {
    const full = reference.bootstrap.full_1000_rows;
    expectRelative(acceleration(accuracy), full.accuracy_difference.a_hat_exact_rational, 1e-13);
    for (const [metric, key] of [
      ["brier", "brier_difference"],
      ["log-loss", "log_loss_difference"],
    ] as const) {
      expectRelative(acceleration(pairedDifferences(metric, data)), full[key].a_hat_exact_rational, 1e-13);
    }
  });

  it("matches SciPy's own _bca_interval â for the Brier and log-loss differences to 1e-10", () => {
    // SciPy's evaluation is itself 1.3e-11 (Brier) and 1.9e-12 (log loss) from the exact value: â is a small
    // difference of cancelling cubes, so 1e-10 relative is at most 1.5e-14 absolute here.
    const full = reference.bootstrap.full_1000_rows;
    for (const [metric, key] of [
      ["brier", "brier_difference"],
      ["log-loss", "log_loss_difference"],
    ] as const) {
      expectRelative(acceleration(pairedDifferences(metric, data)), full[key].a_hat, 1e-10);
    }
  });

  it("is cannot-compute for constant values (SciPy returns NaN) and for a single value", () => {
    expect(computeMeanAcceleration([0.5, 0.5, 0.5]).ok).toBe(false);
    expect(computeMeanAcceleration([1]).ok).toBe(false);
  });
});
