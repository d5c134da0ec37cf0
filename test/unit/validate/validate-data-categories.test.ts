import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readDataTable } from "../../../shared/src/validate/read-data-table.js";
import type { TableColumn } from "../../../shared/src/data/table/table.js";
import { dataPolicySchemas } from "../../../shared/src/validate/data-policy-schema.js";
import { parsePolicy } from "../../../shared/src/policy/parse-policy.js";
import { DriftInputError } from "../../../shared/src/stats/drift-input-error.js";
import { computeColumnDrift } from "../../../shared/src/validate/compute-column-drift.js";
import { decideDrift } from "../../../shared/src/validate/decide-drift.js";
import { validateData } from "../../../shared/src/validate/validate-data.js";

// SciPy / statsmodels values from fixtures/make_edge_drift_reference_values.py (see its docstring to re-run).
const fixtures = fileURLToPath(new URL("./fixtures/", import.meta.url));
const access = { workspace: fixtures, allowedRoots: [fixtures] };
interface Expected {
  method: string;
  statistic: number;
  p_value: number;
  p_value_holm: number;
  js_distance_base_2: number;
  psi: number;
}
const expected = JSON.parse(readFileSync(`${fixtures}edge-drift-reference-values.json`, "utf8")) as Record<
  string,
  Expected
>;
const COLUMNS = ["flag", "kept", "plan", "rare", "region"];
const provenance = { file: "modelgate.yml", sha256: "0".repeat(64), source: "file" as const };

async function run(policyYaml = "version: 1\n") {
  const policy = parsePolicy(policyYaml, "modelgate.yml");
  const data = await readDataTable("edge/current.csv", "data", access, policy.data);
  const reference = await readDataTable("edge/reference.csv", "reference", access, policy.data);
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

/** Relative closeness; SciPy's 0 (an underflowed p) must be matched by a value below 1e-300. */
function close(actual: number | null, wanted: number, rel = 1e-9): void {
  expect(actual).not.toBeNull();
  if (wanted === 0) return expect(actual!).toBeLessThan(1e-300);
  expect(Math.abs(actual! - wanted)).toBeLessThanOrEqual(rel * Math.abs(wanted));
}

describe("validateData on categories that appear, vanish or are swapped", () => {
  it("tests every column over the union of both sides' categories, Holm-adjusted, as SciPy and statsmodels do", async () => {
    const result = await run();
    const columns = result.drift!.columns;
    expect(columns.map((c) => c.metric).sort()).toEqual(COLUMNS);
    for (const check of columns) {
      const want = expected[check.metric]!;
      expect(check.method, check.metric).toBe(want.method);
      close(check.statistic, want.statistic);
      close(check.p_value, want.p_value);
      close(check.p_value_adjusted, want.p_value_holm);
      close(check.effect_size, want.js_distance_base_2);
    }
    const status = Object.fromEntries(columns.map((c) => [c.metric, c.status]));
    // The swapped, all-new and re-mixed columns drift; a rare value vanishing and a small shift of two values do not.
    expect(status).toEqual({ flag: "drift", kept: "stable", plan: "drift", rare: "stable", region: "drift" });
    expect(columns.find((c) => c.metric === "flag")!.column_type).toBe("categorical");
    expect(columns.find((c) => c.metric === "kept")!.column_type).toBe("binary");
  });

  it("judges a PSI column whose every value is new (PSI 17.7, fail) and keeps every other column's result", async () => {
    const result = await run("version: 1\ndata:\n  drift:\n    method: psi\n");
    const columns = result.drift!.columns;
    expect(columns.map((c) => c.metric).sort()).toEqual(COLUMNS);
    for (const check of columns) close(check.statistic, expected[check.metric]!.psi, 1e-12);
    const plan = columns.find((c) => c.metric === "plan")!;
    expect(plan).toMatchObject({ method: "psi", verdict: "fail", status: "drift" });
    expect(columns.find((c) => c.metric === "rare")!.verdict).toBe("pass");
    // New categories still get their own check beside the PSI that counts them.
    const fresh = result.checks.filter((c) => c.rule === "new-categories").map((c) => [c.metric, c.value]);
    expect(fresh).toEqual([
      ["flag", 500],
      ["plan", 1000],
      ["region", 200],
    ]);
    expect(result.verdict).toBe("fail");
  });
});

describe("decideDrift", () => {
  it("turns a column whose counts no test can use into that column's failed check and judges the others", async () => {
    const policy = dataPolicySchemas().DataPolicySchema.parse({});
    const data = await readDataTable("edge/current.csv", "data", access, undefined);
    const reference = await readDataTable("edge/reference.csv", "reference", access, undefined);
    const refusing = (ref: TableColumn, cur: TableColumn, options: Parameters<typeof computeColumnDrift>[2]) => {
      if (ref === reference.columns.get("plan"))
        throw new DriftInputError("The current counts sum to 0; expected at least one positive count.");
      return computeColumnDrift(ref, cur, options);
    };
    const outcome = decideDrift(data, reference, policy.drift, refusing);
    expect(outcome.drift.map((c) => c.metric).sort()).toEqual(["flag", "kept", "rare", "region"]);
    const plan = outcome.checks.find((c) => c.metric === "plan")!;
    expect(plan).toMatchObject({
      rule: "drift",
      verdict: "fail",
      message: "Drift cannot be judged: The current counts sum to 0; expected at least one positive count.",
    });
  });
});
