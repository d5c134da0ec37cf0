import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DataError } from "../../../shared/src/errors/modelgate-error.js";
import { readShadowExplanations } from "../../../shared/src/shadow/read-shadow-explanations.js";

const dir = mkdtempSync(path.join(tmpdir(), "shadow-explanations-"));
const access = { workspace: dir, allowedRoots: [] };
writeFileSync(path.join(dir, "shap.csv"), "request_id,tenure,charges,calls\na,-0.31,0.05,0.4\nb,0,0,0.1\n");
writeFileSync(path.join(dir, "ids-only.csv"), "request_id\na\n");

describe("readShadowExplanations", () => {
  it("gives the features with the largest |attribution| first, signed, skipping zeros", async () => {
    const explanations = await readShadowExplanations("shap.csv", access, "request_id");
    expect(explanations.topReasons("a")).toEqual(["calls (+0.400)", "tenure (-0.310)", "charges (+0.0500)"]);
    expect(explanations.topReasons("a", 1)).toEqual(["calls (+0.400)"]);
    expect(explanations.topReasons("b")).toEqual(["calls (+0.100)"]);
    expect(explanations.topReasons("unknown")).toEqual([]);
  });

  it("refuses a table without attribution columns", async () => {
    await expect(readShadowExplanations("ids-only.csv", access, "request_id")).rejects.toThrow(DataError);
  });
});
