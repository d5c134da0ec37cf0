import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readDataTable } from "../../../shared/src/validate/read-data-table.js";
import { parsePolicy } from "../../../shared/src/policy/parse-policy.js";
import { checkSchema } from "../../../shared/src/validate/check-schema.js";
import { inferSchema } from "../../../shared/src/validate/infer-schema.js";
import { profileQuality } from "../../../shared/src/validate/profile-quality.js";

const workspace = mkdtempSync(path.join(tmpdir(), "mg-schema-"));
const access = { workspace, allowedRoots: [workspace] };
const CSV = [
  "id,age,plan,email,signup,active,zip",
  "1,34,basic,a@x.io,2024-01-03,true,01234",
  "2,51,pro,b@x.io,2024-02-30,false,02115",
  "3,,pro,nope,2024-03-01T10:00:00Z,TRUE,10001",
  "3,140,gold,c@x.io,2024-04-01,no,94105",
  "5,-2,basic,d@x.io,2024-05-01,1,60601",
].join("\n");

async function check(schemaYaml: string, extra = "") {
  writeFileSync(path.join(workspace, "d.csv"), `${CSV}\n`);
  const policy = parsePolicy(`version: 1\ndata:\n${extra}  schema:\n${schemaYaml}`, "modelgate.yml");
  const table = await readDataTable("d.csv", "data", access, policy.data);
  return { table, checks: new Map(checkSchema(table, policy.data!).map((c) => [c.name, c])) };
}

describe("checkSchema", () => {
  it("counts rows outside min/max, nulls, allowed values, pattern misses, duplicates and bad dates", async () => {
    const { checks } = await check(
      [
        "    id: { type: integer, unique: true }",
        "    age: { type: integer, min: 0, max: 120, max-null-pct: 10 }",
        "    plan: { type: category, allowed: [basic, pro] }",
        "    email: { type: string, pattern: '^[^@]+@[^@]+$' }",
        "    signup: { type: datetime }",
        "    active: { type: boolean }",
        "    zip: { type: string, pattern: '^[0-9]{5}$' }",
        "",
      ].join("\n"),
    );
    const value = (name: string) => [checks.get(name)!.verdict, checks.get(name)!.value];
    expect(value("id:unique")).toEqual(["fail", 1]);
    expect(value("age:min")).toEqual(["fail", 1]);
    expect(value("age:max")).toEqual(["fail", 1]);
    expect(value("age:max-null-pct")).toEqual(["fail", 20]);
    expect(value("plan:allowed")).toEqual(["fail", 1]);
    expect(value("email:pattern")).toEqual(["fail", 1]);
    // 2024-02-30 is no date.
    expect(value("signup:type")).toEqual(["fail", 1]);
    expect(value("active:type")).toEqual(["fail", 1]);
    // Declared as string, the zip code keeps its leading zero, so the pattern holds.
    expect(value("zip:pattern")).toEqual(["pass", 0]);
    expect(value("id:type")).toEqual(["pass", 0]);
  });

  it("checks the column set (exact, subset, superset) and the row count", async () => {
    const exact = await check(
      "    id: { type: integer }\n    ghost: { type: string }\n",
      "  columns: exact\n  rows: { min: 10 }\n",
    );
    expect(exact.checks.get("ghost:present")!.verdict).toBe("fail");
    expect(exact.checks.get("table:no-extra-columns")!.value).toBe(6);
    expect(exact.checks.get("table:rows-min")!.verdict).toBe("fail");
    const superset = await check("    id: { type: integer }\n", "  columns: superset\n  rows: { min: 1, max: 5 }\n");
    expect(superset.checks.has("table:no-extra-columns")).toBe(false);
    expect(superset.checks.get("table:rows-max")!.verdict).toBe("pass");
    const subset = await check("    id: { type: integer }\n    ghost: { type: string }\n", "  columns: subset\n");
    expect(subset.checks.has("ghost:present")).toBe(false);
    expect(subset.checks.get("table:no-extra-columns")!.verdict).toBe("fail");
  });

  it("profiles quality with NumPy's linear percentiles and sample std (pandas describe)", async () => {
    const { table } = await check("    id: { type: integer }\n");
    const age = profileQuality(table).find((q) => q.column === "age")!;
    // ages 34, 51, 140, -2 (one missing): numpy.percentile(…, 50) = 42.5; pandas Series.std() = 60.35657931548695
    expect(age.missing).toBe(1);
    expect(age.null_pct).toBe(20);
    expect(age.quantiles!["p50"]).toBe(42.5);
    expect(age.mean).toBeCloseTo(55.75, 12);
    expect(age.std).toBeCloseTo(60.35657931548695, 12);
    const plan = profileQuality(table).find((q) => q.column === "plan")!;
    expect(plan.top).toEqual([
      { value: "basic", count: 2 },
      { value: "pro", count: 2 },
      { value: "gold", count: 1 },
    ]);
  });

  it("infers a starting schema: types, nullability, bounds, categories, identifiers", async () => {
    const { table } = await check("    id: { type: integer }\n");
    const schema = inferSchema(table).schema;
    expect(schema["age"]).toEqual({ type: "integer", min: -2, max: 140 });
    expect(schema["plan"]).toEqual({ type: "category", nullable: false, allowed: ["basic", "gold", "pro"] });
    // Five distinct e-mails are too few rows to call the column an identifier.
    expect(schema["email"]).toEqual({ type: "string", nullable: false });
    // One impossible date (2024-02-30) keeps signup from being a datetime column.
    expect(schema["signup"]!.type).toBe("string");
    expect(schema["zip"]!.type).toBe("integer");
    expect(inferSchema(table).columns).toBe("exact");
  });
});
