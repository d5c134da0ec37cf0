import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readPredictions } from "../../../../shared/src/data/predictions/read-predictions.js";

const workspace = mkdtempSync(path.join(tmpdir(), "mg-read-features-"));
const access = { workspace, allowedRoots: [workspace] };
function write(name: string, content: string): string {
  writeFileSync(path.join(workspace, name), content);
  return name;
}

const CSV = "id,region,label,age,score,prediction,note\na,west,1,31,0.9,1,x\nb,east,0,,0.2,0,\nc,west,1,58.5,0.7,1,y\n";

describe("readPredictions with feature columns", () => {
  it("reads every column besides id, label, prediction and score as numbers or text when featureColumns is others", async () => {
    for (const [file, content] of [
      ["features.csv", CSV],
      [
        "features.jsonl",
        '{"id":"a","region":"west","label":1,"age":31,"score":0.9,"prediction":1,"note":"x"}\n{"id":"b","region":"east","label":0,"age":null,"score":0.2,"prediction":0}\n{"id":"c","region":"west","label":1,"age":58.5,"score":0.7,"prediction":1,"note":"y"}\n',
      ],
    ] as const) {
      const predictions = await readPredictions(write(file, content), access, {
        input: "candidate-predictions",
        task: "classification",
        featureColumns: "others",
      });
      expect([...(predictions.features?.keys() ?? [])]).toEqual(["region", "age", "note"]);
      const age = predictions.features?.get("age");
      expect(age?.kind).toBe("number");
      if (age?.kind === "number") expect(Array.from(age.values)).toEqual([31, Number.NaN, 58.5]);
      const region = predictions.features?.get("region");
      expect(region?.kind === "string" && Array.from(region.codes, (c) => region.dictionary[c])).toEqual([
        "west",
        "east",
        "west",
      ]);
      expect(predictions.labels).toEqual(Float64Array.from([1, 0, 1]));
    }
  });

  it("reads a slice column once, as text, and still offers it as a feature", async () => {
    const predictions = await readPredictions(write("both.csv", CSV), access, {
      input: "candidate-predictions",
      task: "classification",
      sliceColumns: ["region"],
      featureColumns: "others",
    });
    expect(predictions.slices?.get("region")).toEqual(["west", "east", "west"]);
    expect(predictions.features?.get("region")?.kind).toBe("string");
  });

  it("reads only the named feature columns, and refuses one the file lacks, naming the policy key", async () => {
    const named = await readPredictions(write("named.csv", CSV), access, {
      input: "candidate-predictions",
      task: "classification",
      featureColumns: ["age"],
    });
    expect([...(named.features?.keys() ?? [])]).toEqual(["age"]);
    await expect(
      readPredictions(write("lacks.csv", CSV), access, {
        input: "candidate-predictions",
        task: "classification",
        featureColumns: ["tenure"],
      }),
    ).rejects.toMatchObject({
      name: "DataError",
      message: expect.stringMatching(/no feature column "tenure"/),
      hint: expect.stringMatching(/evaluate\.slice-search\.columns/),
    });
  });

  it("reads no feature column when featureColumns is not given", async () => {
    const predictions = await readPredictions(write("plain.csv", CSV), access, {
      input: "candidate-predictions",
      task: "classification",
    });
    expect(predictions.features).toBeUndefined();
  });
});
