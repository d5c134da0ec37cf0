import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readZipEntries } from "../../../shared/src/publish/read-zip-entries.js";
import { writeZip } from "../../support/zip/write-zip.js";

const fixture = (name: string) =>
  readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures", name));
const LIMITS = { maxEntries: 10, maxEntryBytes: 1000, maxTotalBytes: 1500 };

describe("readZipEntries", () => {
  it("reads deflated and stored entries of a zip written by Python's zipfile, skipping directories", () => {
    const entries = readZipEntries(fixture("python-results.zip"), LIMITS, "results");
    expect(entries.map((e) => e.name)).toEqual(["evaluate-gate-churn.json", "nested/evaluate-gate-churn.md"]);
    expect(entries[0]!.data.toString()).toBe('{"a": 1}\n'.repeat(50));
    expect(entries[1]!.data.toString()).toBe("# report\n");
  });

  it("refuses a zip-slip name written by Python's zipfile", () => {
    expect(() => readZipEntries(fixture("python-zip-slip.zip"), LIMITS, "results")).toThrow(
      /entry's name is unsafe.*\.\.\/\.\.\/outside\.json/,
    );
  });

  it.each([
    ["a parent segment", "a/../b.json"],
    ["a current-directory segment", "./b.json"],
    ["an absolute path", "/b.json"],
    ["a backslash", "a\\..\\b.json"],
    ["a drive letter", "C:/b.json"],
    ["a space", "a b.json"],
  ])("refuses an entry name with %s", (_what, name) => {
    expect(() => readZipEntries(writeZip([{ name, data: "{}" }]), LIMITS, "results")).toThrow(/name is unsafe/);
  });

  it("refuses more entries than the limit before reading any", () => {
    const entries = Array.from({ length: 11 }, (_, i) => ({ name: `r${i}.json`, data: "{}" }));
    expect(() => readZipEntries(writeZip(entries), LIMITS, "results")).toThrow(/11 entries, more than the limit of 10/);
  });

  it("refuses entries that add up to more than the total limit", () => {
    const entries = [0, 1].map((i) => ({ name: `r${i}.json`, data: Buffer.alloc(800, 32) }));
    expect(() => readZipEntries(writeZip(entries), LIMITS, "results")).toThrow(/add up to more than the limit of 1500/);
  });

  it("refuses an entry whose inflated data is larger than it declares, without inflating it all", () => {
    const zip = writeZip([{ name: "bomb.json", data: Buffer.alloc(1_000_000, 48), declaredSize: 10 }]);
    expect(() => readZipEntries(zip, LIMITS, "results")).toThrow(/does not inflate to its declared size/);
  });

  it("refuses a stored entry whose CRC-32 does not match its data", () => {
    const zip = writeZip([{ name: "r.json", data: "{}", method: 0 }]);
    zip[30 + "r.json".length] = "[".charCodeAt(0);
    expect(() => readZipEntries(zip, LIMITS, "results")).toThrow(/does not match its declared size or CRC-32/);
  });

  it("refuses duplicate names and symbolic links", () => {
    expect(() =>
      readZipEntries(
        writeZip([
          { name: "r.json", data: "{}" },
          { name: "r.json", data: "[]" },
        ]),
        LIMITS,
        "x",
      ),
    ).toThrow(/share a name/);
    expect(() =>
      readZipEntries(writeZip([{ name: "r.json", data: "/etc/passwd", mode: 0o120777 }]), LIMITS, "x"),
    ).toThrow(/symbolic link/);
  });

  it("names the artifact in the error and says nothing of it was published", () => {
    expect(() => readZipEntries(Buffer.from("plain text"), LIMITS, '"modelgate-results"')).toThrow(
      expect.objectContaining({
        message: 'Artifact "modelgate-results" is refused: it is not a zip archive (no end of central directory).',
        hint: expect.stringContaining("nothing of this artifact was published"),
      }),
    );
  });
});
