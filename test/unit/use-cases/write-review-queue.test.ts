import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DataError } from "../../../shared/src/core/modelgate-error.js";
import { writeReviewQueue } from "../../../shared/src/use-cases/write-review-queue.js";

describe("writeReviewQueue", () => {
  it("writes RFC 4180 CSV, defusing cells a spreadsheet would run as formulas but keeping negative numbers", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "review-queue-"));
    const rows = [{ id: '=HYPERLINK("x")', note: "a,b", score: "-0.25", label: "" }];
    await writeReviewQueue(
      "out/queue.csv",
      { workspace: dir, allowedRoots: [dir] },
      { columns: ["id", "note", "score", "label"], rows },
    );
    expect(readFileSync(path.join(dir, "out/queue.csv"), "utf8")).toBe(
      'id,note,score,label\n"\'=HYPERLINK(""x"")","a,b",-0.25,\n',
    );
  });

  it("refuses a path outside the workspace, naming review-queue", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "review-queue-"));
    await expect(
      writeReviewQueue("../elsewhere.csv", { workspace: dir, allowedRoots: [dir] }, { columns: ["id"], rows: [] }),
    ).rejects.toThrow(DataError);
  });
});
