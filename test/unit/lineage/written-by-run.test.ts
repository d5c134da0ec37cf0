import { mkdirSync, mkdtempSync, readdirSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fileClockNow } from "../../../shared/src/lineage/file-clock.js";
import { findStaleFiles, writtenCheck } from "../../../shared/src/lineage/written-by-run.js";

const OLD = new Date("2020-01-02T03:04:05.000Z");

function workspace(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "modelgate-written-"));
  mkdirSync(path.join(dir, "model/sub"), { recursive: true });
  for (const file of ["model.bin", "model/weights.bin", "model/sub/vocab.txt", "metrics.json"])
    writeFileSync(path.join(dir, file), file);
  return dir;
}

describe("fileClockNow", () => {
  it("is never later than the modification time of a file written after it, and leaves no file behind", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "modelgate-clock-"));
    for (let i = 0; i < 200; i++) {
      const since = await fileClockNow(dir, Date.now());
      writeFileSync(path.join(dir, "out.bin"), String(i));
      expect(statSync(path.join(dir, "out.bin"), { bigint: true }).mtimeNs >= since, `attempt ${i}`).toBe(true);
    }
    expect(readdirSync(dir)).toEqual(["out.bin"]);
  });

  it("falls back to the wall clock less 2 s when the folder cannot be written", async () => {
    expect(await fileClockNow(path.join(tmpdir(), "modelgate-no-such-folder", "x"), 10_000)).toBe(8_000_000_000n);
  });
});

describe("findStaleFiles", () => {
  it("names each output file and each file inside an output folder modified before the run, and the metrics file", async () => {
    const dir = workspace();
    const since = await fileClockNow(dir, Date.now());
    for (const file of ["model.bin", "model/weights.bin"]) writeFileSync(path.join(dir, file), "new");
    utimesSync(path.join(dir, "model/sub/vocab.txt"), OLD, OLD);
    utimesSync(path.join(dir, "metrics.json"), OLD, OLD);
    const outputs = [
      { path: "model", sha256: "x", bytes: 1, files: 2 },
      { path: "model.bin", sha256: "y", bytes: 1 },
    ];
    expect(await findStaleFiles(dir, outputs, "metrics.json", since)).toEqual({
      checked: 4,
      stale: [
        { path: "metrics.json", modified: "2020-01-02T03:04:05.000Z" },
        { path: "model/sub/vocab.txt", modified: "2020-01-02T03:04:05.000Z" },
      ],
    });
  });

  it("finds nothing stale when the run rewrote every file, even with the same bytes", async () => {
    const dir = workspace();
    const since = await fileClockNow(dir, Date.now());
    writeFileSync(path.join(dir, "model.bin"), "model.bin");
    expect(await findStaleFiles(dir, [{ path: "model.bin", sha256: "y", bytes: 9 }], undefined, since)).toEqual({
      checked: 1,
      stale: [],
    });
  });
});

describe("writtenCheck", () => {
  it("fails naming the first five stale files, the count of the rest and the ways out", () => {
    const stale = Array.from({ length: 7 }, (_, i) => ({ path: `ckpt/${i}.pt`, modified: OLD.toISOString() }));
    const check = writtenCheck(stale, 9);
    expect(check).toMatchObject({ name: "outputs:written-by-run", verdict: "fail", value: 7 });
    expect(check.message).toContain("did not write 7 files: ckpt/0.pt (2020-01-02T03:04:05.000Z), ckpt/1.pt");
    expect(check.message).toContain(
      "ckpt/4.pt (2020-01-02T03:04:05.000Z) and 2 more, modified before the run started; files left from an earlier run",
    );
    expect(check.message).not.toContain("ckpt/5.pt");
    expect(check.message).toMatch(/Delete stale outputs before training, force a build tool .*, or `touch` a file/);
    expect(writtenCheck([], 3)).toMatchObject({
      verdict: "pass",
      value: 0,
      message: "The run wrote all 3 output files (each modified after it started).",
    });
    expect(writtenCheck([], 0)).toMatchObject({
      verdict: "pass",
      message: "No output file matched (allow-empty), so there was none to check.",
    });
  });
});
