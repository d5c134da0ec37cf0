import { createHash } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openFileRanges } from "../../../../shared/src/data/files/file-ranges.js";
import { SequentialDigest } from "../../../../shared/src/data/files/sequential-digest.js";

/** A file of `size` bytes that are not all alike, its path and its SHA-256. */
function sampleFile(size: number): { file: string; bytes: Buffer; sha256: string } {
  const bytes = Buffer.alloc(size);
  for (let i = 0; i < size; i++) bytes[i] = (i * 31 + (i >> 9)) & 0xff;
  const file = path.join(mkdtempSync(path.join(tmpdir(), "modelgate-digest-")), "sample.bin");
  writeFileSync(file, bytes);
  return { file, bytes, sha256: createHash("sha256").update(bytes).digest("hex") };
}

/** The digest of `file` when a reader covers these [start, end) ranges in this order, each read by the reader. */
function digestCovering(file: string, ranges: Array<[number, number]>): { sha256: string; bytes: number } {
  const reader = openFileRanges(file);
  try {
    const digest = new SequentialDigest(reader);
    for (const [start, end] of ranges) {
      const into = new Uint8Array(end - start);
      digest.cover(start, into.subarray(0, reader.read(start, into)));
    }
    return digest.finish();
  } finally {
    reader.close();
  }
}

describe("SequentialDigest", () => {
  const size = 3 * 2 ** 20 + 12_345;
  const sample = sampleFile(size);

  it("equals the file's SHA-256 when nothing is covered: it reads the whole file itself", () => {
    expect(digestCovering(sample.file, [])).toEqual({ sha256: sample.sha256, bytes: size });
  });

  it("equals the file's SHA-256 when chunks with gaps between them are covered in file order", () => {
    const ranges: Array<[number, number]> = [
      [4, 100_000],
      [100_000, 1_500_000],
      [1_600_000, 2_900_000],
      [3_000_000, size - 8],
    ];
    expect(digestCovering(sample.file, ranges)).toEqual({ sha256: sample.sha256, bytes: size });
  });

  it("equals the file's SHA-256 when chunks come out of order, overlap, or repeat", () => {
    const ranges: Array<[number, number]> = [
      [2_000_000, 2_500_000],
      [10, 1_000],
      [2_400_000, 2_600_000],
      [2_400_000, 2_600_000],
      [0, size],
    ];
    expect(digestCovering(sample.file, ranges)).toEqual({ sha256: sample.sha256, bytes: size });
  });

  it("reads a range past the file's end short, and stops the digest at the end", () => {
    const reader = openFileRanges(sample.file);
    try {
      const into = new Uint8Array(100);
      expect(reader.read(size - 40, into)).toBe(40);
      expect(Buffer.from(into.subarray(0, 40))).toEqual(sample.bytes.subarray(size - 40));
      expect(reader.read(size + 10, into)).toBe(0);
    } finally {
      reader.close();
    }
    expect(digestCovering(sample.file, [[size - 40, size + 60]])).toEqual({ sha256: sample.sha256, bytes: size });
  });
});
