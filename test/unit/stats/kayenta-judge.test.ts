import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { judgeKayenta } from "../../../shared/src/stats/kayenta-judge.js";

// R's wilcox.test intervals (fixtures/mann-whitney): latency_ties shift x − y in [1.00, 16.00], estimate 9.00, so
// Kayenta's band is ±2.25 and the interval reaches into it (pass); shift_down_integers in [−6.00, −2.00] at 90%,
// estimate −4.00, band ±1.00, wholly below (low).
const expected = JSON.parse(
  readFileSync(new URL("./fixtures/mann-whitney/expected.json", import.meta.url), "utf8"),
) as Record<string, { x: number[]; y: number[] }>;

describe("judgeKayenta", () => {
  it("passes when the interval of the shift reaches into ±tolerance·|estimate|", () => {
    const { x, y } = expected.latency_ties!;
    const judgement = judgeKayenta(y, x, { seed: 1 });
    expect(judgement.classification).toBe("pass");
    expect(judgement.test?.upperBound).toBeCloseTo(2.25, 3);
  });

  it("classifies low when the interval lies below the band and the mean ratio is ≤ 1", () => {
    const { x, y } = expected.shift_down_integers!;
    const judgement = judgeKayenta(y, x, { seed: 1, confidence: 0.9 });
    expect(judgement.classification).toBe("low");
    expect(judgement.meanRatio).toBeLessThan(1);
  });

  it("ignores a decrease when only increases count (direction increase)", () => {
    const { x, y } = expected.shift_down_integers!;
    expect(judgeKayenta(y, x, { seed: 1, confidence: 0.9, direction: "increase" }).classification).toBe("pass");
  });

  it("classifies high for a clear increase, and reports nodata for an empty sample", () => {
    const control = Array.from({ length: 200 }, (_, i) => 100 + (i % 17));
    const experiment = control.map((v) => v * 1.5);
    expect(judgeKayenta(control, experiment, { seed: 1 }).classification).toBe("high");
    expect(judgeKayenta([], experiment, { seed: 1 }).classification).toBe("nodata");
  });

  it("passes identical samples and adds seeded noise when each sample is constant", () => {
    expect(judgeKayenta([3, 1, 2], [1, 2, 3], { seed: 1 }).reason).toMatch(/identical/);
    const judgement = judgeKayenta([100, 100, 100, 100, 100], [200, 200, 200, 200, 200], { seed: 1 });
    expect(judgement.classification).toBe("high");
    expect(judgeKayenta([100, 100, 100, 100, 100], [200, 200, 200, 200, 200], { seed: 1 })).toEqual(judgement);
  });
});
