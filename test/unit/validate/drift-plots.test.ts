import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parsePolicy } from "../../../shared/src/policy/parse-policy.js";
import { readDataTable } from "../../../shared/src/validate/read-data-table.js";
import { validateData } from "../../../shared/src/validate/validate-data.js";

const fixtures = fileURLToPath(new URL("./fixtures/", import.meta.url));
const access = { workspace: fixtures, allowedRoots: [fixtures] };
const provenance = { file: "modelgate.yml", sha256: "0".repeat(64), source: "file" as const };

async function run(current: string, reference: string) {
  const policy = parsePolicy("version: 1\n", "modelgate.yml");
  const data = await readDataTable(current, "data", access, policy.data);
  const ref = await readDataTable(reference, "reference", access, policy.data);
  return validateData({
    data,
    reference: ref,
    policy,
    policyProvenance: provenance,
    notes: [],
    key: "t",
    schemaOnly: false,
  });
}

describe("validateData drift plots", () => {
  it("plot each drifted column in the drift checks' order: numeric as shares on common bins, categorical as top categories", async () => {
    const result = await run("small/current.csv", "small/reference.csv");
    const plots = result.drift_plots!;
    expect(plots.map((p) => [p.column, p.kind])).toEqual(
      result
        .drift!.columns.filter((c) => c.status === "drift")
        .map((c) => [c.metric, c.column_type === "numeric" ? "histogram" : "categories"]),
    );
    for (const plot of plots) {
      const total = (shares: number[], other = 0) => shares.reduce((s, v) => s + v, other);
      const otherOf = (side: "reference" | "current") => (plot.kind === "categories" ? plot.other[side] : 0);
      expect(total(plot.reference_shares, otherOf("reference"))).toBeCloseTo(1, 12);
      expect(total(plot.current_shares, otherOf("current"))).toBeCloseTo(1, 12);
    }
  });

  it("are absent, and the result JSON unchanged, when no column drifted", async () => {
    const result = await run("small/reference.csv", "small/reference.csv");
    expect(result.drift!.drifted_columns).toEqual([]);
    expect("drift_plots" in result).toBe(false);
  });
});
