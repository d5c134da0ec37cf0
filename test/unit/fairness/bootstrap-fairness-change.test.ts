import { describe, expect, it } from "vitest";
import { toMeasureOptions } from "../../../shared/src/fairness/assess-fairness.js";
import { bootstrapFairnessChange } from "../../../shared/src/fairness/bootstrap-fairness-change.js";
import { tallyCells } from "../../../shared/src/fairness/group-cells.js";
import type { SensitiveColumn } from "../../../shared/src/fairness/group-cells.js";
import { toGroupings } from "../../../shared/src/fairness/groupings.js";
import { splitPairedCounts, tallyPairedCells } from "../../../shared/src/fairness/paired-cells.js";
import { createSeededRandom } from "../../../shared/src/stats/seeded-random.js";

const dp = { metric: "demographic_parity_difference", method: "between_groups", agg: "worst_case" } as const;
const eo = { metric: "equal_opportunity_difference", method: "between_groups", agg: "worst_case" } as const;

/** Two sensitive columns over `rows` rows, labels and two models' predictions, all drawn from `seed`. */
function makeData(rows: number, seed: number) {
  const random = createSeededRandom(seed);
  const draw = (n: number) => Int32Array.from({ length: rows }, () => random.nextInt(n));
  const sex: SensitiveColumn = { name: "sex", codes: draw(2), dictionary: ["F", "M"] };
  const region: SensitiveColumn = { name: "region", codes: draw(3), dictionary: ["N", "S", "W"] };
  const labels = Float64Array.from({ length: rows }, () => (random.nextDouble() < 0.4 ? 1 : 0));
  const candidate = Float64Array.from(labels, (label, i) =>
    random.nextDouble() < 0.3 + 0.3 * label + 0.1 * (sex.codes[i] as number) ? 1 : 0,
  );
  const baseline = Float64Array.from(candidate, (value) => (random.nextDouble() < 0.15 ? 1 - value : value));
  return { labels, candidate, baseline, sensitive: [sex, region] };
}

function prepare(data: ReturnType<typeof makeData>, minGroupSize = 1) {
  const tally = tallyPairedCells(data.labels, data.candidate, data.baseline, data.sensitive);
  const counts = new Float64Array(4 * tally.cells.length);
  splitPairedCounts(tally.counts, counts, new Float64Array(counts.length));
  const cellTally = { columns: data.sensitive.map((c) => c.name), cells: tally.cells, counts };
  const groupings = toGroupings(cellTally);
  return {
    tally,
    groupings,
    options: toMeasureOptions(cellTally, groupings, { favorable: 1, minGroupSize, privileged: {} }),
  };
}

/** Selection-rate gap (max − min) of the rows `indices` point at, grouped by `codes`. */
function dpGap(indices: ArrayLike<number>, codes: Int32Array, predictions: Float64Array, groups: number): number {
  const positive = new Float64Array(groups);
  const count = new Float64Array(groups);
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k] as number;
    positive[codes[i] as number]! += predictions[i] as number;
    count[codes[i] as number]! += 1;
  }
  const rates = Array.from(positive, (p, g) => p / (count[g] as number)).filter((rate) => !Number.isNaN(rate));
  return Math.max(...rates) - Math.min(...rates);
}

const moments = (values: ArrayLike<number>) => {
  const list = Array.from(values);
  const mean = list.reduce((a, b) => a + b, 0) / list.length;
  const sd = Math.sqrt(list.reduce((a, b) => a + (b - mean) ** 2, 0) / (list.length - 1));
  return { mean, sd };
};

describe("tallyPairedCells", () => {
  it("splits into each model's confusion counts exactly as tallyCells counts that model alone", () => {
    const data = makeData(500, 1);
    const paired = tallyPairedCells(data.labels, data.candidate, data.baseline, data.sensitive);
    const candidate = new Float64Array(4 * paired.cells.length);
    const baseline = new Float64Array(candidate.length);
    splitPairedCounts(paired.counts, candidate, baseline);
    expect(Array.from(candidate)).toEqual(Array.from(tallyCells(data.labels, data.candidate, data.sensitive).counts));
    expect(Array.from(baseline)).toEqual(Array.from(tallyCells(data.labels, data.baseline, data.sensitive).counts));
    expect(paired.cells).toEqual(tallyCells(data.labels, data.candidate, data.sensitive).cells);
  });
});

describe("bootstrapFairnessChange", () => {
  it("returns the change on the data as the estimate and the resampled changes ascending", () => {
    const data = makeData(600, 2);
    const { tally, groupings, options } = prepare(data);
    const [change] = bootstrapFairnessChange(tally, groupings, [{ grouping: 0, spec: dp }], options, {
      resamples: 200,
      seed: 4,
    });
    const all = Int32Array.from({ length: 600 }, (_, i) => i);
    const codes = data.sensitive[0]!.codes;
    expect(change).toMatchObject({ ok: true });
    if (!change?.ok) return;
    expect(change.estimate).toBeCloseTo(dpGap(all, codes, data.candidate, 2) - dpGap(all, codes, data.baseline, 2), 12);
    expect(Array.from(change.sorted)).toEqual(Array.from(change.sorted).sort((a, b) => a - b));
  });

  it("has the distribution of resampling rows with replacement within each intersection cell, both models on the same rows", () => {
    const data = makeData(400, 3);
    const { tally, groupings, options } = prepare(data);
    const resamples = 4000;
    const [change] = bootstrapFairnessChange(tally, groupings, [{ grouping: 0, spec: dp }], options, {
      resamples,
      seed: 5,
    });
    // The definition, row by row: each intersection cell's rows drawn with replacement, as many as it has.
    const sexCodes = data.sensitive[0]!.codes;
    const cellOf = Int32Array.from(sexCodes, (s, i) => 3 * s + (data.sensitive[1]!.codes[i] as number));
    const rowsOf = Array.from({ length: 6 }, (_, c) => [...cellOf.keys()].filter((i) => cellOf[i] === c));
    const random = createSeededRandom(99);
    const naive = new Float64Array(resamples);
    for (let b = 0; b < resamples; b++) {
      const drawn = rowsOf.flatMap((rows) => rows.map(() => rows[random.nextInt(rows.length)] as number));
      naive[b] = dpGap(drawn, sexCodes, data.candidate, 2) - dpGap(drawn, sexCodes, data.baseline, 2);
    }
    if (!change?.ok) throw new Error("no distribution");
    const ours = moments(change.sorted);
    const theirs = moments(naive);
    // Means agree within 4 standard errors of their difference; spreads within 8% (sd's relative SE ≈ 1.1% each).
    expect(Math.abs(ours.mean - theirs.mean)).toBeLessThan(4 * Math.sqrt(2 / resamples) * theirs.sd);
    expect(ours.sd / theirs.sd).toBeGreaterThan(0.92);
    expect(ours.sd / theirs.sd).toBeLessThan(1.08);
  });

  it("is the same for the same seed", () => {
    const { tally, groupings, options } = prepare(makeData(300, 6));
    const run = (seed: number) =>
      bootstrapFairnessChange(tally, groupings, [{ grouping: 2, spec: eo }], options, { resamples: 100, seed });
    expect(run(7)).toEqual(run(7));
    expect(run(7)).not.toEqual(run(8));
  });

  it("gives no distribution, with the reason, when a gated group's rate loses its denominator in some resample", () => {
    const data = makeData(300, 8);
    // One positive label in the F group: a resample without it leaves F's TPR undefined.
    const sex = data.sensitive[0]!;
    let kept = false;
    data.labels.forEach((label, i) => {
      if (sex.codes[i] === 0 && label === 1) {
        if (kept) data.labels[i] = 0;
        kept = true;
      }
    });
    const { tally, groupings, options } = prepare(data);
    const [change] = bootstrapFairnessChange(tally, groupings, [{ grouping: 0, spec: eo }], options, {
      resamples: 200,
      seed: 9,
    });
    expect(change).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^the change is undefined in \d+ of 200 resamples/),
    });
  });

  it("leaves groups below the minimum size out of the gap, in the estimate and every resample", () => {
    const data = makeData(300, 10);
    const { tally, groupings, options } = prepare(data, 50);
    const intersection = groupings.findIndex((g) => g.intersection);
    const gated = options[intersection]!.gated;
    expect(gated.filter((g) => !g).length).toBeGreaterThan(0);
    expect(gated.filter((g) => g).length).toBeGreaterThanOrEqual(2);
    const [change] = bootstrapFairnessChange(tally, groupings, [{ grouping: intersection, spec: dp }], options, {
      resamples: 50,
      seed: 1,
    });
    // Cells are numbered in order of first appearance; the gap over the rows of gated cells only.
    const first = new Map<number, number>();
    const cellOf = Int32Array.from(data.sensitive[0]!.codes, (s, i) => {
      const key = 3 * s + (data.sensitive[1]!.codes[i] as number);
      if (!first.has(key)) first.set(key, first.size);
      return first.get(key)!;
    });
    const rows = [...cellOf.keys()].filter((i) => gated[cellOf[i] as number]);
    if (!change?.ok) throw new Error(JSON.stringify(change));
    expect(change.estimate).toBeCloseTo(
      dpGap(rows, cellOf, data.candidate, 6) - dpGap(rows, cellOf, data.baseline, 6),
      12,
    );
  });
});
