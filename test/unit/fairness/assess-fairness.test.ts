import { describe, expect, it } from "vitest";
import { assessFairness } from "../../../shared/src/fairness/assess-fairness.js";
import type { GroupingAssessment } from "../../../shared/src/fairness/assess-fairness.js";
import { FAIRNESS_METRICS } from "../../../shared/src/fairness/fairness-metrics.js";
import type { MetricSpec } from "../../../shared/src/fairness/measure-grouping.js";
import { readCompas, reference } from "./support/compas.js";

const compas = await readCompas();
const specs: MetricSpec[] = FAIRNESS_METRICS.flatMap((metric) =>
  (["between_groups", "to_overall"] as const).flatMap((method) =>
    (["worst_case", "mean"] as const).map((agg) => ({ metric, method, agg })),
  ),
);
const assessment = assessFairness(compas.labels, compas.predictions, [compas.race, compas.sex], {
  favorable: 1,
  minGroupSize: 30,
  privileged: { race: "Caucasian" },
  specs,
});
const byName = (name: string): GroupingAssessment => assessment.groupings.find((grouping) => grouping.name === name)!;

/** reference[set][method][metric] (equalized odds: [agg]) from make_reference_values.py. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function expected(block: Record<string, any>, spec: MetricSpec): number | null {
  const entry = block[spec.method][spec.metric];
  return spec.metric.startsWith("equalized_odds") ? entry[spec.agg] : entry;
}

describe("assessFairness on ProPublica's COMPAS data (6,172 rows after the standard filter)", () => {
  it("reproduces the published per-race FPR and FNR when positive = Medium/High and label = two_year_recid", () => {
    expect(assessment.rows).toBe(6172);
    const race = byName("race");
    const group = (name: string) => race.groups.find((g) => g.name === name)!;
    // Pinned from ProPublica's analysis: African-American FPR 0.4234, FNR 0.2848; Caucasian FPR 0.2201, FNR 0.4964.
    expect(group("African-American").rates.fpr).toBeCloseTo(0.4234, 4);
    expect(group("African-American").rates.fnr).toBeCloseTo(0.2848, 4);
    expect(group("Caucasian").rates.fpr).toBeCloseTo(0.2201, 4);
    expect(group("Caucasian").rates.fnr).toBeCloseTo(0.4964, 4);
  });

  for (const [grouping, key] of [
    ["race", "race"],
    ["sex", "sex"],
    ["race × sex", "race_sex"],
  ] as const) {
    it(`matches numpy's per-group rates and counts for ${grouping}`, () => {
      const found = byName(grouping);
      const ref = reference[key];
      expect(found.groups.map((g) => g.name).sort()).toEqual(Object.keys(ref.by_group).sort());
      for (const g of found.groups) {
        const want = ref.by_group[g.name];
        expect(g.count).toBe(want.count);
        for (const rate of ["selection_rate", "tpr", "fpr", "fnr", "precision", "accuracy"] as const) {
          if (want[rate] === null) expect(g.rates[rate]).toBeNull();
          else expect(g.rates[rate]).toBeCloseTo(want[rate], 12);
        }
        expect(g.gated).toBe(ref.gated_groups.includes(g.name));
      }
    });

    it(`matches fairlearn's gap metrics over the groups of at least 30 rows for ${grouping}`, () => {
      const found = byName(grouping);
      for (const metric of found.metrics) {
        if (metric.spec.metric === "disparate_impact") continue;
        const want = expected(reference[key].gated, metric.spec);
        expect(metric.value, metric.label).toBeCloseTo(want as number, 12);
      }
    });
  }

  it("leaves the 11 Native American rows out of the race gaps, which then differ from fairlearn's all-group values", () => {
    const race = byName("race");
    expect(race.groups.find((g) => g.name === "Native American")).toMatchObject({ count: 11, gated: false });
    const dpd = race.metrics.find((m) => m.label === "demographic_parity_difference")!;
    expect(dpd.value).toBeCloseTo(reference.race.gated.between_groups.demographic_parity_difference, 12);
    expect(dpd.value).not.toBeCloseTo(reference.race.all.between_groups.demographic_parity_difference, 3);
  });

  it("computes AIF360's disparate impact of the low-risk outcome with Caucasian as the privileged group", () => {
    const lowRisk = assessFairness(compas.labels, compas.predictions, [compas.race], {
      favorable: 0,
      minGroupSize: 30,
      privileged: { race: "Caucasian" },
      specs: [{ metric: "disparate_impact", method: "between_groups", agg: "worst_case" }],
    });
    const race = lowRisk.groupings[0]!;
    expect(race.privileged).toBe("Caucasian");
    expect(race.metrics[0]!.value).toBeCloseTo(reference.disparate_impact_low_risk_privileged_caucasian, 12);
    const aa = race.groups.find((g) => g.name === "African-American")!;
    expect(aa.rates.selection_rate).toBeCloseTo(
      reference.race_favorable_low_risk.by_group["African-American"].selection_rate,
      12,
    );
  });

  it("reports no disparate impact for a grouping without a privileged group, saying why", () => {
    const sex = byName("sex").metrics.find((m) => m.spec.metric === "disparate_impact")!;
    expect(sex.value).toBeNull();
    expect(sex.reason).toMatch(/no privileged group/);
  });
});
