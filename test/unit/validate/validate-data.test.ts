import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readDataTable } from "../../../shared/src/validate/read-data-table.js";
import { parsePolicy } from "../../../shared/src/policy/parse-policy.js";
import type { DriftCheck } from "../../../shared/src/validate/drift-types.js";
import { validateData } from "../../../shared/src/validate/validate-data.js";

// SciPy values from fixtures/make_validate_reference_values.py (see its docstring to re-run).
const fixtures = fileURLToPath(new URL("./fixtures/", import.meta.url));
const access = { workspace: fixtures, allowedRoots: [fixtures] };
interface Expected {
  method: string;
  statistic: number;
  p_value: number | null;
  p_value_holm?: number;
  effect_size: number;
}
const expected = JSON.parse(readFileSync(`${fixtures}validate-reference-values.json`, "utf8")) as Record<
  "small" | "large",
  Record<string, Expected>
>;
const provenance = { file: "modelgate.yml", sha256: "0".repeat(64), source: "file" as const };

async function run(set: "small" | "large", policyYaml = "version: 1\n") {
  const policy = parsePolicy(policyYaml, "modelgate.yml");
  const data = await readDataTable(`${set}/current.csv`, "data", access, policy.data);
  const reference = await readDataTable(`${set}/reference.csv`, "reference", access, policy.data);
  return validateData({
    data,
    reference,
    policy,
    policyProvenance: provenance,
    notes: [],
    key: "t",
    schemaOnly: false,
  });
}

function relClose(actual: number | null, wanted: number | null | undefined, rel = 1e-9): void {
  expect(actual).not.toBeNull();
  expect(Math.abs(actual! - wanted!)).toBeLessThanOrEqual(rel * Math.max(1e-300, Math.abs(wanted!)));
}

describe("validateData drift against SciPy", () => {
  it("picks KS, chi-square and the two-proportion z-test for a reference of at most 1000 rows, Holm-adjusted", async () => {
    const result = await run("small");
    const columns = result.drift!.columns;
    expect(columns.map((c) => c.metric).sort()).toEqual(Object.keys(expected.small).sort());
    for (const check of columns) {
      const want = expected.small[check.metric]!;
      expect(check.method, check.metric).toBe(want.method);
      relClose(check.statistic, want.statistic);
      expect(Math.abs(check.p_value! - want.p_value!), check.metric).toBeLessThanOrEqual(1e-6);
      expect(Math.abs(check.p_value_adjusted! - want.p_value_holm!), check.metric).toBeLessThanOrEqual(1e-6);
      relClose(check.effect_size, want.effect_size);
    }
  });

  it("decides drift on the adjusted p-value with the effect size beside it", async () => {
    const result = await run("small");
    const byName = new Map(result.drift!.columns.map((c) => [c.metric, c]));
    expect(byName.get("value")!.status).toBe("drift");
    expect(byName.get("plan")!.status).toBe("drift");
    expect(byName.get("stable")!.status).toBe("stable");
    expect(byName.get("churned")!.status).toBe("stable");
    expect(result.drift!.drifted_columns.sort()).toEqual(["plan", "value"]);
    expect(result.drift!.drift_share).toBeCloseTo(2 / 5, 15);
    // Two of five drifted: below the default max-drift-share 0.5, so each drifted column warns.
    expect(result.verdict).toBe("warn");
    expect(result.checks.find((c) => c.name === "dataset:drift-share")!.verdict).toBe("pass");
  });

  it("reports a significant change below min-effect as detectable but negligible, not as drift", async () => {
    const result = await run("small", "version: 1\ndata:\n  drift:\n    min-effect: 0.2\n");
    const value = result.drift!.columns.find((c) => c.metric === "value") as DriftCheck;
    expect(value.p_value_adjusted!).toBeLessThan(0.05);
    expect(value.status).toBe("negligible");
    expect(value.verdict).toBe("pass");
    expect(value.message).toMatch(/Statistically detectable, negligible/);
    // plan's JS distance 0.13 is below 0.2 too; nothing drifted, so the data set passes.
    expect(result.drift!.columns.find((c) => c.metric === "plan")!.status).toBe("negligible");
    expect(result.drift!.drift_share).toBe(0);
    expect(result.verdict).toBe("pass");
  });

  it("uses normed Wasserstein and Jensen-Shannon (base 2) above 1000 reference rows, and reports new categories apart", async () => {
    const result = await run("large");
    for (const check of result.drift!.columns) {
      const want = expected.large[check.metric]!;
      expect(check.method).toBe(want.method);
      relClose(check.statistic, want.statistic);
      expect(check.p_value).toBeNull();
    }
    const unseen = result.checks.find((c) => c.name === "region:new-categories")!;
    expect(unseen.verdict).toBe("warn");
    expect(unseen.value).toBeGreaterThan(0);
    // Both columns drift past 0.1: the share 1 reaches max-drift-share, so the data set fails.
    expect(result.checks.find((c) => c.name === "dataset:drift-share")!.verdict).toBe("fail");
    expect(result.verdict).toBe("fail");
  });

  it("applies Benjamini-Hochberg or no correction when the policy asks", async () => {
    const none = await run("small", "version: 1\ndata:\n  drift:\n    multiple-testing: none\n");
    for (const check of none.drift!.columns) expect(check.p_value_adjusted).toBe(check.p_value);
    const bh = await run("small", "version: 1\ndata:\n  drift:\n    multiple-testing: bh\n");
    const value = bh.drift!.columns.find((c) => c.metric === "value")!;
    // BH on 5 p-values: value has rank 2 of 5, so 5/2·p unless a larger rank gives less.
    expect(value.p_value_adjusted).toBeCloseTo((expected.small["value"]!.p_value! * 5) / 2, 12);
  });

  it("runs a method named in the policy, with its threshold", async () => {
    const result = await run(
      "small",
      "version: 1\ndata:\n  drift:\n    columns:\n      value: { method: wasserstein, threshold: 0.2 }\n",
    );
    const value = result.drift!.columns.find((c) => c.metric === "value")!;
    expect(value.method).toBe("wasserstein");
    relClose(value.statistic, expected.small["value"]!.effect_size);
    expect(value.status).toBe("stable");
    expect(value.threshold).toBe(0.2);
  });

  it("computes PSI on 10 reference-quantile bins with 1e-4 clipping (oracle numeric_drift: 0.0561785…)", async () => {
    const result = await run("small", "version: 1\ndata:\n  drift:\n    method: psi\n");
    const value = result.drift!.columns.find((c) => c.metric === "value")!;
    expect(value.method).toBe("psi");
    // scipy oracle expected.json numeric_drift.csv psi_10_quantile_bins.bins_closed_left.psi
    relClose(value.statistic, 0.05617850548057132);
    expect(value.verdict).toBe("pass");
  });

  it("down-samples numeric columns with a seed: the same seed draws the same rows, another seed others", async () => {
    const a = await run("small", "version: 1\ndata:\n  drift:\n    sample: 200\n    seed: 7\n");
    const b = await run("small", "version: 1\ndata:\n  drift:\n    sample: 200\n    seed: 7\n");
    const c = await run("small", "version: 1\ndata:\n  drift:\n    sample: 200\n    seed: 8\n");
    const value = (r: typeof a) => r.drift!.columns.find((check) => check.metric === "value")!;
    expect(value(a).reference_rows).toBe(200);
    expect(value(a).current_rows).toBe(200);
    expect(value(a).statistic).toBe(value(b).statistic);
    expect(value(a).statistic).not.toBe(value(c).statistic);
    expect(a.drift!.sample).toBe(200);
  });

  it("is byte-identical for identical inputs", async () => {
    const a = await run("small");
    const b = await run("small");
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });
});
