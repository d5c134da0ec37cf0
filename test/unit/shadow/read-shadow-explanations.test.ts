import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DataError } from "../../../shared/src/core/modelgate-error.js";
import { readShadowExplanations } from "../../../shared/src/shadow/read-shadow-explanations.js";

const dir = mkdtempSync(path.join(tmpdir(), "shadow-explanations-"));
const access = { workspace: dir, allowedRoots: [] };
writeFileSync(path.join(dir, "shap.csv"), "request_id,tenure,charges,calls\na,-0.31,0.05,0.4\nb,0,0,0.1\n");
writeFileSync(path.join(dir, "ids-only.csv"), "request_id\na\n");
writeFileSync(
  path.join(dir, "shap.json"),
  JSON.stringify({ global: {}, local: [{ id: "a", attributions: { tenure: -0.31, charges: 0.05, calls: 0.4 } }] }),
);
writeFileSync(path.join(dir, "bad.json"), JSON.stringify({ local: [{ attributions: {} }] }));

describe("readShadowExplanations", () => {
  it("gives the features with the largest |attribution| first, signed, skipping zeros", async () => {
    const explanations = await readShadowExplanations("shap.csv", access, "request_id");
    expect(explanations.topReasons("a")).toEqual(["calls (+0.400)", "tenure (-0.310)", "charges (+0.0500)"]);
    expect(explanations.topReasons("a", 1)).toEqual(["calls (+0.400)"]);
    expect(explanations.topReasons("b")).toEqual(["calls (+0.100)"]);
    expect(explanations.topReasons("unknown")).toEqual([]);
  });

  it("reads contract §4's JSON form the same way", async () => {
    const explanations = await readShadowExplanations("shap.json", access, "request_id");
    expect(explanations.topReasons("a")).toEqual(["calls (+0.400)", "tenure (-0.310)", "charges (+0.0500)"]);
    expect(explanations.topReasons("b")).toEqual([]);
    await expect(readShadowExplanations("bad.json", access, "request_id")).rejects.toThrow(
      /local\[0\] without a string "id"/,
    );
  });

  it("refuses a table without attribution columns", async () => {
    await expect(readShadowExplanations("ids-only.csv", access, "request_id")).rejects.toThrow(DataError);
  });
});
