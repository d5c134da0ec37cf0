import { mkdtempSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  mayReadLargeFiles,
  SMALL_YOUNG_GENERATION_FROM_BYTES,
} from "../../../shared/src/use-cases/young-generation.js";

/** A folder with files of the given sizes (sparse: no bytes written). */
function folderWith(sizes: Record<string, number>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "modelgate-young-"));
  for (const [name, size] of Object.entries(sizes)) {
    writeFileSync(path.join(dir, name), "");
    truncateSync(path.join(dir, name), size);
  }
  return dir;
}

describe("mayReadLargeFiles", () => {
  const limit = SMALL_YOUNG_GENERATION_FROM_BYTES;

  it("does not call small files large, skipping unset and empty names", () => {
    const dir = folderWith({ "batch.csv": 30_000, "reference.csv": 40_000 });
    expect(mayReadLargeFiles(["batch.csv", "reference.csv", undefined, " "], dir)).toBe(false);
  });

  it("calls files large when their sizes together reach the bound", () => {
    const dir = folderWith({ "a.csv": limit / 2, "b.csv": limit / 2 - 1 });
    expect(mayReadLargeFiles(["a.csv", "b.csv"], dir)).toBe(false);
    const over = folderWith({ "a.csv": limit / 2, "b.csv": limit / 2 });
    expect(mayReadLargeFiles(["a.csv", "b.csv"], over)).toBe(true);
  });

  it("counts a compressed file at the size it may expand to when it is gzip or Parquet", () => {
    const dir = folderWith({
      "data.csv.gz": Math.ceil(limit / 10),
      "data.parquet": Math.ceil(limit / 5),
      "data.csv": Math.ceil(limit / 5),
    });
    expect(mayReadLargeFiles(["data.csv.gz"], dir)).toBe(true);
    expect(mayReadLargeFiles(["data.parquet"], dir)).toBe(true);
    expect(mayReadLargeFiles(["data.csv"], dir)).toBe(false);
  });

  it("calls a path large when it is missing or not a file, so the memory stays bounded", () => {
    const dir = folderWith({ "small.csv": 10 });
    expect(mayReadLargeFiles(["small.csv", "missing.csv"], dir)).toBe(true);
    expect(mayReadLargeFiles(["."], dir)).toBe(true);
  });

  it("resolves relative paths against the base and takes absolute ones as they are", () => {
    const dir = folderWith({ "big.csv": limit });
    expect(mayReadLargeFiles([path.join(dir, "big.csv")], tmpdir())).toBe(true);
    expect(mayReadLargeFiles(["big.csv"], dir)).toBe(true);
  });
});
