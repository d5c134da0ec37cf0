import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadValidateFiles } from "../../../shared/src/validate/load-validate-files.js";
import { readDataTable } from "../../../shared/src/validate/read-data-table.js";
import { DataError, ModelgateError } from "../../../shared/src/core/modelgate-error.js";
import { parsePolicy } from "../../../shared/src/policy/parse-policy.js";
import { validateData } from "../../../shared/src/validate/validate-data.js";

// Every case is a clear error naming the file (and the line where there is one) and a fix; none passes silently.
const workspace = mkdtempSync(path.join(tmpdir(), "mg-validate-bad-"));
const access = { workspace, allowedRoots: [workspace] };
const dataFixtures = fileURLToPath(new URL("../data/table/fixtures/", import.meta.url));
const provenance = { file: "modelgate.yml", sha256: "0".repeat(64), source: "file" as const };

function file(name: string, content: string | Uint8Array): string {
  writeFileSync(path.join(workspace, name), content);
  return name;
}

async function readError(name: string): Promise<ModelgateError> {
  const error = await readDataTable(name, "data", access, undefined).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ModelgateError);
  const failure = error as ModelgateError;
  expect(failure.message).toContain(name);
  expect(failure.hint.length).toBeGreaterThan(20);
  return failure;
}

async function validate(data: string, policyYaml: string, reference?: string) {
  const policy = parsePolicy(policyYaml, "modelgate.yml");
  const files = await loadValidateFiles({ data, reference, schemaOnly: false }, policy.data, access);
  return validateData({ ...files, policy, policyProvenance: provenance, notes: [], key: "t", schemaOnly: false });
}

describe("validate-data bad input", () => {
  it("1. an empty file", async () => {
    expect((await readError(file("empty.csv", ""))).message).toMatch(/is empty: it is 0 bytes/);
  });

  it("2. a header and no rows", async () => {
    expect((await readError(file("header.csv", "a,b\n"))).message).toMatch(
      /has a header \(2 columns\) but no data rows/,
    );
  });

  it("3. a ragged row, with its line", async () => {
    expect((await readError(file("ragged.csv", "a,b\n1,2\n3,4,5\n"))).message).toMatch(
      /line 3 has 3 fields; the header has 2/,
    );
  });

  it("4. an unterminated quote", async () => {
    expect((await readError(file("quote.csv", 'a,b\n1,"2\n3,4\n'))).message).toMatch(
      /ends inside a quoted field: a quote opened before line \d+ is never closed/,
    );
  });

  it("5. a UTF-8 BOM is dropped, not glued to the first column's name", async () => {
    const table = await readDataTable(file("bom.csv", "\uFEFFage,plan\n3,a\n"), "data", access, undefined);
    expect(table.fileColumns).toEqual(["age", "plan"]);
  });

  it("6. CRLF line ends are read as line ends, not as part of the last cell", async () => {
    const table = await readDataTable(file("crlf.csv", "age,plan\r\n3,a\r\n4,b\r\n"), "data", access, undefined);
    const plan = table.columns.get("plan")!;
    expect(plan.kind === "string" && plan.dictionary).toEqual(["a", "b"]);
    expect(table.columns.get("age")!.kind).toBe("number");
  });

  it("7. a semicolon-separated file named .csv", async () => {
    const error = await readError(file("semi.csv", "a;b;c\n1;2;3\n"));
    expect(error.message).toMatch(/line 1 \(the header\) looks separated by ";"/);
    expect(error.line).toBe(1);
  });

  it("8. a comma-separated file named .tsv", async () => {
    const error = await readError(file("commas.tsv", "a,b\n1,2\n"));
    expect(error.message).toMatch(/looks separated by ","/);
    expect(error.hint).toMatch(/Rename the file to \.csv/);
  });

  it("9. bytes that are not UTF-8, with the line", async () => {
    const bytes = Buffer.concat([
      Buffer.from("name,n\nok,1\n"),
      Buffer.from([0x63, 0x61, 0x66, 0xe9]),
      Buffer.from(",2\n"),
    ]);
    const error = await readError(file("latin1.csv", bytes));
    expect(error.message).toMatch(/line 3 holds bytes that are not UTF-8/);
  });

  it("10. a 10 MB cell", async () => {
    const error = await readError(file("huge.csv", `a,b\n1,${"x".repeat(10 * 1024 * 1024)}\n`));
    expect(error.message).toMatch(/line 2 holds a row longer than 1048576 characters/);
  });

  it("11. NaN and Infinity in a number column fail its type check, counted", async () => {
    const result = await validate(
      file("nan.csv", "x\n1\nNaN\nInfinity\n2\n"),
      "version: 1\ndata:\n  schema:\n    x: { type: number }\n",
    );
    const check = result.checks.find((c) => c.name === "x:type")!;
    expect(check.verdict).toBe("fail");
    expect(check.value).toBe(2);
    expect(check.message).toMatch(/NaN or Infinity/);
  });

  it("12. empty strings in a non-nullable numeric column", async () => {
    const result = await validate(
      file("blank.csv", "x,y\n1,a\n,b\n3,c\n"),
      "version: 1\ndata:\n  schema:\n    x: { type: integer, nullable: false }\n",
    );
    const check = result.checks.find((c) => c.name === "x:nullable")!;
    expect(check.verdict).toBe("fail");
    expect(check.value).toBe(1);
  });

  it("13. mixed types in an integer column", async () => {
    const result = await validate(
      file("mixed.csv", "x\n1\n2\nthree\n4.5\n"),
      "version: 1\ndata:\n  schema:\n    x: { type: integer }\n",
    );
    const check = result.checks.find((c) => c.name === "x:type")!;
    expect(check.verdict).toBe("fail");
    expect(check.value).toBe(2);
    expect(check.message).toMatch(/mixed types/);
  });

  it("14. duplicate column names", async () => {
    const error = await readError(file("dup.csv", "a,b,a\n1,2,3\n"));
    expect(error.message).toMatch(/has 2 columns named "a" \(columns 1, 3\)/);
    expect(error.hint).toMatch(/Rename the duplicates/);
  });

  it("15. a column missing from the reference fails its drift check", async () => {
    const data = file("cur15.csv", "a,b\n1,x\n2,y\n3,x\n");
    const reference = file("ref15.csv", "a\n1\n2\n3\n");
    const result = await validate(data, "version: 1\n", reference);
    const check = result.checks.find((c) => c.name === "b:in-reference")!;
    expect(check.verdict).toBe("fail");
    expect(check.message).toMatch(/not in the reference ref15\.csv/);
    expect(result.verdict).toBe("fail");
  });

  it("16. a truncated Parquet file", async () => {
    const whole = readFileSync(path.join(dataFixtures, "table.parquet"));
    const error = await readError(file("cut.parquet", whole.subarray(0, Math.floor(whole.length / 2))));
    expect(error.message).toMatch(/is not a readable Parquet file/);
  });

  it("17. a corrupt Parquet file (not Parquet at all)", async () => {
    const error = await readError(file("text.parquet", "a,b\n1,2\n"));
    expect(error.message).toMatch(/is not a readable Parquet file/);
  });

  it("18. gzip that is not gzip", async () => {
    const error = await readError(file("plain.csv.gz", "a,b\n1,2\n"));
    expect(error.message).toMatch(/is not valid gzip data/);
    expect(error.hint).toMatch(/drop the \.gz suffix/);
  });

  it("19. a data path outside the workspace", async () => {
    const error = await readDataTable("../../etc/passwd.csv", "data", access, undefined).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelgateError);
    expect((error as ModelgateError).message).toMatch(/outside/);
  });

  it("20. a schema with unknown keys, with a did-you-mean", () => {
    let error: unknown;
    try {
      parsePolicy("version: 1\ndata:\n  schema:\n    age: { type: integer, nullabel: false }\n", "modelgate.yml");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ModelgateError);
    expect((error as ModelgateError).message).toMatch(/nullabel/);
    expect((error as ModelgateError).message).toMatch(/nullable/);
    expect((error as ModelgateError).line).toBe(4);
  });

  it("21. a reference with zero rows", async () => {
    const data = file("cur21.csv", "a\n1\n");
    const reference = file("ref21.csv", "a\n");
    const error = await validate(data, "version: 1\n", reference).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).message).toMatch(
      /Input "reference": ref21\.csv has a header \(1 column\) but no data rows/,
    );
  });

  it("22. a data file that does not exist", async () => {
    const error = await readDataTable("nope.csv", "data", access, undefined).catch((e: unknown) => e);
    expect((error as ModelgateError).message).toMatch(/nope\.csv does not exist/);
  });

  it("23. an extension no reader takes", async () => {
    const error = await readDataTable(file("sheet.xlsx", "PK"), "data", access, undefined).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelgateError);
    expect((error as ModelgateError).message).toMatch(/sheet\.xlsx/);
  });

  it("24. a JSON Lines row that is not JSON, with its line", async () => {
    const error = await readError(file("bad.jsonl", '{"a": 1}\n{"a": 2\n'));
    expect(error.message).toMatch(/line 2/);
  });

  it("25. a schema pattern that is not a regular expression", () => {
    expect(() =>
      parsePolicy("version: 1\ndata:\n  schema:\n    id: { type: string, pattern: '([a-z' }\n", "modelgate.yml"),
    ).toThrow(/valid regular expression/);
  });

  it("26. a schema whose min is above its max", () => {
    expect(() =>
      parsePolicy("version: 1\ndata:\n  schema:\n    x: { type: number, min: 5, max: 1 }\n", "modelgate.yml"),
    ).toThrow(/min greater than max/);
  });

  it("27. no schema and no reference: nothing to judge fails", async () => {
    const result = await validate(file("alone.csv", "a\n1\n"), "version: 1\n");
    expect(result.verdict).toBe("fail");
    expect(result.checks[0]!.message).toMatch(/nothing was checked/);
  });

  it("28. a column of only NaN cannot be compared for drift", async () => {
    const result = await validate(
      file("cur28.csv", "a,b\nNaN,1\nNaN,2\n"),
      "version: 1\n",
      file("ref28.csv", "a,b\n1,1\n2,2\n"),
    );
    const check = result.checks.find((c) => c.name === "a:drift")!;
    expect(check.verdict).toBe("fail");
    expect(check.message).toMatch(/no usable value/);
  });
});
