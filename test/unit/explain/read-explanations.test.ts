import { mkdtempSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadEvaluateFiles } from "../../../shared/src/use-cases/load-evaluate-files.js";
import { readExplanations } from "../../../shared/src/explain/read-explanations.js";
import { expected, fixtureAccess } from "./support/load-fixtures.js";

const workspace = mkdtempSync(path.join(tmpdir(), "mg-read-explanations-"));
const access = { workspace, allowedRoots: [workspace] };
function write(name: string, content: string): string {
  writeFileSync(path.join(workspace, name), content);
  return name;
}
const read = (file: string) => readExplanations(file, access, "candidate-explanations");

async function expectDataError(
  promise: Promise<unknown>,
  file: string,
  message: RegExp,
  where?: string,
): Promise<void> {
  const error: unknown = await promise.then(
    () => expect.fail("expected a DataError"),
    (caught: unknown) => caught,
  );
  expect(error).toMatchObject({
    name: "DataError",
    input: "candidate-explanations",
    file,
    ...(where && { path: where }),
  });
  expect((error as Error).message).toMatch(message);
  expect((error as { hint: string }).hint.length).toBeGreaterThan(20);
}

describe("readExplanations", () => {
  it("reads a per-example attributions table with its id column and computes NumPy's global summary", async () => {
    const read = await readExplanations("candidate-attributions.csv", fixtureAccess, "candidate-explanations");
    expect(read.local?.ids?.slice(0, 2)).toEqual(["c000", "c001"]);
    expect(read.local?.features).toEqual(["age", "income", "tenure", "plan", "region", "support_calls"]);
    for (const [feature, reference] of Object.entries(expected.candidate)) {
      const got = read.global.get(feature)!;
      expect(Math.abs(got.meanAbs - reference.mean_abs)).toBeLessThanOrEqual(1e-12 * reference.mean_abs);
      expect(Math.abs(got.mean! - reference.mean)).toBeLessThanOrEqual(1e-12 * Math.abs(reference.mean) + 1e-15);
    }
  });

  it("reads a JSON summary: objects give importance and direction, a bare number importance only", async () => {
    const read = await readExplanations(
      write("g.json", '{"global": {"age": {"mean_abs": 0.3, "mean": -0.1}, "income": 0.2}, "model": "x"}'),
      access,
      "e",
    );
    expect([...read.global]).toEqual([
      ["age", { meanAbs: 0.3, mean: -0.1 }],
      ["income", { meanAbs: 0.2, mean: null }],
    ]);
    expect(read.local).toBeUndefined();
  });

  it("computes the global summary from local rows when the JSON has no global part, by hand", async () => {
    const text = JSON.stringify({
      local: [
        { id: 1, attributions: { a: -1, b: 2 } },
        { id: "2", attributions: { b: 0, a: 3 } },
      ],
    });
    const read = await readExplanations(write("l.json", text), access, "e");
    expect(read.local?.ids).toEqual(["1", "2"]);
    expect(read.global.get("a")).toEqual({ meanAbs: 2, mean: 1 });
    expect(read.global.get("b")).toEqual({ meanAbs: 1, mean: 1 });
  });

  it("refuses files that cannot be explanations, naming the file and the place", async () => {
    await expectDataError(read(write("bad.json", '{"global": {"a": 1,}}')), "bad.json", /not valid JSON at line 1/);
    await expectDataError(
      read(write("none.json", '{"features": {}}')),
      "none.json",
      /neither a global nor a local part/,
    );
    await expectDataError(
      read(write("neg.json", '{"global": {"a": -1}}')),
      "neg.json",
      /finite number ≥ 0/,
      "global.a",
    );
    await expectDataError(
      read(write("mean.json", '{"global": {"a": {"mean_abs": 0.1, "mean": 0.2}}}')),
      "mean.json",
      /exceeds mean_abs/,
      "global.a",
    );
    await expectDataError(read(write("empty.json", '{"global": {}}')), "empty.json", /names no feature/);
    const ragged = JSON.stringify({
      local: [
        { id: "a", attributions: { x: 1, y: 2 } },
        { id: "b", attributions: { x: 1 } },
      ],
    });
    await expectDataError(
      read(write("ragged.json", ragged)),
      "ragged.json",
      /features differ from local\[0\]'s \("y"\)/,
      "local[1]",
    );
    const twice = JSON.stringify({
      local: [
        { id: "a", attributions: { x: 1 } },
        { id: "a", attributions: { x: 1 } },
      ],
    });
    await expectDataError(read(write("twice.json", twice)), "twice.json", /repeats the id "a"/, "local[1]");
    const noId = JSON.stringify({ local: [{ attributions: { x: 1 } }] });
    await expectDataError(read(write("noid.json", noId)), "noid.json", /has no id/, "local[0]");
    const mixed = JSON.stringify({ global: { x: 1, z: 2 }, local: [{ id: "a", attributions: { x: 1 } }] });
    await expectDataError(read(write("mixed.json", mixed)), "mixed.json", /"z" is in one of global and local/);
  });

  it("refuses an attributions table with text, empty or infinite cells, or no feature column", async () => {
    await expectDataError(
      read(write("text.csv", "id,a,b\nr1,0.1,x\nr2,0.2,0.3\n")),
      "text.csv",
      /column "b": 1 of 2 cells .*1 not numbers.*data row 1/,
      "b",
    );
    await expectDataError(read(write("gap.csv", "id,a\nr1,0.1\nr2,\n")), "gap.csv", /1 missing.*data row 2/, "a");
    await expectDataError(read(write("inf.csv", "id,a\nr1,inf\n")), "inf.csv", /1 NaN or infinite/, "a");
    await expectDataError(read(write("ids.csv", "id\nr1\n")), "ids.csv", /no feature columns/);
    await expectDataError(read(write("rows.csv", "id,a\n")), "rows.csv", /no rows/);
    await expectDataError(read(write("dup.csv", "id,a\nr1,1\nr1,2\n")), "dup.csv", /repeat an earlier id/, "id");
  });

  it("reads the same attributions from gzip CSV, TSV (quoted header) and JSONL", async () => {
    writeFileSync(path.join(workspace, "t.csv.gz"), gzipSync('id,"a,1",b\nr1,1,-2\nr2,-3,4\n'));
    write("t.tsv", 'id\t"a,1"\tb\nr1\t1\t-2\nr2\t-3\t4\n');
    write("t.jsonl", '{"id": "r1", "a,1": 1, "b": -2}\n{"b": 4, "a,1": -3, "id": "r2"}\n');
    for (const file of ["t.csv.gz", "t.tsv", "t.jsonl"]) {
      const got = await read(file);
      expect(got.local?.features, file).toEqual(["a,1", "b"]);
      expect(got.local?.ids, file).toEqual(["r1", "r2"]);
      expect([...got.global], file).toEqual([
        ["a,1", { meanAbs: 2, mean: -1 }],
        ["b", { meanAbs: 3, mean: 1 }],
      ]);
    }
  });

  it("reports a corrupt gzip table through the table reader's own error", async () => {
    writeFileSync(path.join(workspace, "bad.csv.gz"), Buffer.from("not gzip at all"));
    await expectDataError(read("bad.csv.gz"), "bad.csv.gz", /not valid gzip data/);
  });

  it("reads a table without an id column: attributions only, no ids", async () => {
    const read = await readExplanations(write("noid.csv", "a,b\n1,-2\n-3,4\n"), access, "e");
    expect(read.local?.ids).toBeNull();
    expect(read.global.get("b")).toEqual({ meanAbs: 3, mean: 1 });
  });
});

describe("loadEvaluateFiles with explanations", () => {
  it("pairs scores by id for the changed predictions, and says why not when the predictions have no ids", async () => {
    write("shap.csv", "id,a\nr1,0.5\nr2,-0.5\n");
    write("c.csv", "id,label,score\nr1,1,0.9\nr2,0,0.2\n");
    write("b.csv", "id,label,score\nr2,0,0.1\nr1,1,0.8\n");
    const byId = await loadEvaluateFiles(
      { candidatePredictions: "c.csv", baselinePredictions: "b.csv", candidateExplanations: "shap.csv" },
      access,
    );
    expect(byId.explanations?.paired).toEqual({
      output: "score",
      ids: ["r1", "r2"],
      candidate: Float64Array.of(0.9, 0.2),
      baseline: Float64Array.of(0.8, 0.1),
    });
    write("c2.csv", "label,prediction\n1,1\n0,1\n");
    write("b2.csv", "label,prediction\n1,0\n0,1\n");
    const byPosition = await loadEvaluateFiles(
      { candidatePredictions: "c2.csv", baselinePredictions: "b2.csv", candidateExplanations: "shap.csv" },
      access,
    );
    expect(byPosition.explanations?.paired).toBeUndefined();
    expect(byPosition.explanations?.pairedUnavailable).toMatch(/both predictions files need the id column "id"/);
  });

  it("reads explanations beside a metrics file, with no predictions", async () => {
    write("m.json", '{"accuracy": 0.9}');
    const files = await loadEvaluateFiles(
      { candidate: "m.json", candidateExplanations: write("g2.json", '{"global": {"a": 0.1}}') },
      access,
    );
    expect(files.explanations?.candidate?.global.get("a")).toEqual({ meanAbs: 0.1, mean: null });
    expect(files.explanations?.baseline).toBeUndefined();
  });
});
