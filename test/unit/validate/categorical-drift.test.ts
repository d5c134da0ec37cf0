import { describe, expect, it } from "vitest";
import { categoricalDrift } from "../../../shared/src/validate/categorical-drift.js";
import { edgeCases, expectRelative } from "../stats/support/fixtures.js";

// SciPy chi2_contingency, statsmodels proportions_ztest, scipy jensenshannon(base=2) and NumPy's PSI formula over the
// union of both sides' categories: make_edge_case_reference_values.py (see ../stats/fixtures/SOURCE.md).
interface Case {
  reference: Record<string, number>;
  current: Record<string, number>;
  chi2_contingency: { statistic: number; pvalue: number; dof: number };
  proportions_ztest?: { statistic: number; pvalue: number };
  js_distance_base_2: number;
  psi: number;
}
const cases = edgeCases.categorical as Record<string, Case>;
const counts = (record: Record<string, number>) => new Map(Object.entries(record));
const run = (name: string, method: "auto" | "chi2" | "psi" | "jensen-shannon" = "auto") => {
  const c = cases[name]!;
  return { want: c, got: categoricalDrift(counts(c.reference), counts(c.current), method) };
};

describe("categoricalDrift", () => {
  it("tests a two-value column whose second value is replaced by chi-square over the union (p = 7e-218), not the z-test", () => {
    const { want, got } = run("swap");
    expect(got).toMatchObject({ method: "chi2", column_type: "categorical", new_categories: { values: 1, rows: 500 } });
    expectRelative(got.statistic, want.chi2_contingency.statistic, 1e-12);
    expectRelative(got.p_value!, want.chi2_contingency.pvalue, 1e-9);
    expectRelative(got.effect_size, want.js_distance_base_2, 1e-12);
  });

  it("runs statsmodels' pooled two-proportion z-test only when both sides hold the same two values", () => {
    const { want, got } = run("same_two");
    expect(got).toMatchObject({ method: "z-test", column_type: "binary" });
    expectRelative(got.statistic, want.proportions_ztest!.statistic, 1e-12);
    expectRelative(got.p_value!, want.proportions_ztest!.pvalue, 1e-9);
    expectRelative(got.effect_size, want.js_distance_base_2, 1e-12);
  });

  it("uses SciPy's Yates-corrected 2×2 chi-square when one of two values is left", () => {
    const { want, got } = run("one_value_left");
    expect(got).toMatchObject({ method: "chi2", column_type: "categorical" });
    expectRelative(got.statistic, want.chi2_contingency.statistic, 1e-12);
    expectRelative(got.p_value!, want.chi2_contingency.pvalue, 1e-9);
  });

  it("does not call a rare category's vanishing drift by itself (p = 0.37 and 0.48)", () => {
    for (const name of ["rare_vanished", "rare_vanished_two_values"]) {
      const { want, got } = run(name);
      expect(got.method, name).toBe("chi2");
      expectRelative(got.statistic, want.chi2_contingency.statistic, 1e-12);
      expectRelative(got.p_value!, want.chi2_contingency.pvalue, 1e-9);
      expect(got.p_value!).toBeGreaterThan(0.05);
    }
  });

  it("computes PSI over the union with zero shares floored at 1e-4, so every-value-new gives 17.7 instead of an error", () => {
    for (const name of ["all_new", "union", "swap"]) {
      const { want, got } = run(name, "psi");
      expect(got).toMatchObject({ method: "psi", effect_size_name: "psi" });
      expectRelative(got.statistic, want.psi, 1e-12);
    }
    expect(run("all_new", "psi").got.new_categories).toEqual({ values: 1, rows: 500 });
  });

  it("computes chi-square and Jensen–Shannon over the union for a column with new and vanished categories", () => {
    const chi = run("union", "chi2");
    expectRelative(chi.got.statistic, chi.want.chi2_contingency.statistic, 1e-12);
    expectRelative(chi.got.p_value!, chi.want.chi2_contingency.pvalue, 1e-9);
    const js = run("all_new", "jensen-shannon");
    expectRelative(js.got.statistic, js.want.js_distance_base_2, 1e-12);
  });
});
