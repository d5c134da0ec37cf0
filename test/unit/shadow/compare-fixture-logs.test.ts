import { describe, expect, it } from "vitest";
import { compareClasses } from "../../../shared/src/shadow/compare-classes.js";
import { compareLabels } from "../../../shared/src/shadow/compare-labels.js";
import { compareLatency } from "../../../shared/src/shadow/compare-latency.js";
import { compareScores } from "../../../shared/src/shadow/compare-scores.js";
import { compareSlices } from "../../../shared/src/shadow/compare-slices.js";
import { joinShadowLogs } from "../../../shared/src/shadow/join-shadow-logs.js";
import { readShadowLabels } from "../../../shared/src/shadow/read-shadow-labels.js";
import { access, expected, readFixtureLogs } from "./support/load-fixtures.js";

// Every expected value is pandas/NumPy/SciPy's on the same files (fixtures/compute-expected.py).
const close = (actual: number, reference: number, digits = 12) => expect(actual).toBeCloseTo(reference, digits);

describe("shadow comparisons of the fixture logs (duplicate-ids last)", async () => {
  const { production, shadow } = await readFixtureLogs();
  const joined = joinShadowLogs(production, shadow, "last");

  it("joins as pandas' inner merge after drop_duplicates(keep='last'), counting both directions", () => {
    expect(joined.productionRows.length).toBe(expected.joined);
    expect(joined.productionRequests).toBe(expected.production_requests);
    expect(joined.shadowRequests).toBe(expected.shadow_requests);
    expect(joined.duplicates.production.rows).toBe(expected.production_duplicate_rows);
    close(joined.productionRows.length / joined.productionRequests, expected.coverage);
    close(joined.productionRows.length / joined.shadowRequests, expected.reverse_coverage);
    const latency = production.latencies!;
    close(
      joined.productionRows.reduce((sum, row) => sum + latency[row]!, 0),
      expected.latency_sum_last,
      6,
    );
  });

  it("keeps the first row per id with duplicate-ids first", () => {
    const first = joinShadowLogs(production, shadow, "first");
    const latency = production.latencies!;
    close(
      first.productionRows.reduce((sum, row) => sum + latency[row]!, 0),
      expected.latency_sum_first,
      6,
    );
  });

  it("gives pandas' agreement, flip rate and confusion of flips", () => {
    const classes = compareClasses(production, shadow, joined)!;
    close(classes.agreement, expected.agreement);
    close(classes.flipRate, expected.flip_rate);
    expect(classes.flips).toEqual(expected.flips);
  });

  it("gives pandas' score deltas and numpy.percentile of |Δ|", () => {
    const scores = compareScores(production, shadow, joined)!;
    close(scores.meanDelta, expected.mean_delta);
    close(scores.meanAbsDelta, expected.mean_abs_delta);
    close(scores.p50AbsDelta, expected.p50_abs_delta);
    close(scores.p95AbsDelta, expected.p95_abs_delta);
  });

  it("gives numpy.percentile's latency percentiles per model on the joined requests", () => {
    const latency = compareLatency(production, shadow, joined, {
      judge: "bootstrap",
      confidence: 0.95,
      resamples: 200,
      seed: 1,
    })!;
    if (latency.judge !== "bootstrap") throw new Error("bootstrap expected");
    for (const ratio of latency.ratios) {
      close(ratio.control, expected.latency[`p${ratio.percent}`]!.production, 9);
      close(ratio.treatment, expected.latency[`p${ratio.percent}`]!.shadow, 9);
    }
  });

  it("gives pandas' flips per slice value", () => {
    const slices = compareSlices(production, joined, compareClasses(production, shadow, joined));
    expect(slices.map(({ column, value, compared, flips }) => ({ column, value, compared, flips }))).toEqual(
      expected.slices,
    );
  });

  it("gives both accuracies and McNemar's exact p-value as scipy.stats.binomtest", async () => {
    const labels = await readShadowLabels("labels.csv", access, "request_id", "label");
    const result = compareLabels(production, shadow, joined, labels)!;
    expect(result.labelled).toBe(expected.labelled);
    close(result.productionAccuracy, expected.production_accuracy);
    close(result.shadowAccuracy, expected.shadow_accuracy);
    expect([result.mcnemar.b, result.mcnemar.c]).toEqual([expected.mcnemar_b, expected.mcnemar_c]);
    close(result.mcnemar.pValue, expected.mcnemar_pvalue, 10);
  });

  it("reads the time window and notices the appended retries are out of time order", () => {
    expect(production.window?.sorted).toBe(false);
    expect(shadow.window?.first).toBe(Date.parse("2026-11-20T00:01:25Z"));
  });
});
