import { describe, expect, it } from "vitest";
import type { MetricLeaf } from "../../../shared/src/data/metrics/flatten-metrics.js";
import { readMetricValue } from "../../../shared/src/evaluate/read-metric-value.js";

const values = new Map<string, MetricLeaf>([
  ["accuracy", 0.91],
  ["auc", Number.NaN],
  ["loss", Number.NEGATIVE_INFINITY],
  ["note", "high"],
]);

describe("readMetricValue", () => {
  it("returns the number when the metric is a finite number", () => {
    expect(readMetricValue(values, "accuracy", "c.json")).toEqual({ ok: true, value: 0.91 });
  });

  it("names the file and how to fix it when the metric is missing", () => {
    const reading = readMetricValue(values, "test.accuracy", "c.json");
    expect(reading).toMatchObject({ ok: false, problem: "is missing from c.json" });
    expect(reading.ok || reading.fix).toMatch(/dotted names.*writes test.accuracy to c.json/);
  });

  it("names the file and the value when the metric is not a number", () => {
    expect(readMetricValue(values, "note", "c.json")).toMatchObject({
      ok: false,
      problem: 'in c.json is not a number ("high")',
      fix: "Write note as a plain number in c.json.",
    });
  });

  it.each([
    ["auc", "NaN"],
    ["loss", "-Infinity"],
  ])("names the file and says the value is not finite when %s is %s", (metric, shown) => {
    const reading = readMetricValue(values, metric, "c.json");
    expect(reading).toMatchObject({ ok: false, problem: `in c.json is not finite (${shown})` });
    expect(reading.ok || reading.fix).toContain(`produced ${shown} for ${metric}`);
  });

  it("reports no file when there are no values at all", () => {
    expect(readMetricValue(undefined, "accuracy")).toEqual({ ok: false, problem: "no file" });
  });
});
