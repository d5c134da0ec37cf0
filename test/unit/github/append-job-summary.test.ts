import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import * as core from "@actions/core";
import { afterEach, describe, expect, it } from "vitest";
import { appendJobSummary } from "../../../shared/src/github/append-job-summary.js";

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), "modelgate-summary-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  delete process.env.GITHUB_STEP_SUMMARY;
});

/** What @actions/core's summary writes for the same text, or the message it rejects with. */
async function coreSummary(file: string, markdown: string): Promise<string> {
  process.env.GITHUB_STEP_SUMMARY = file;
  try {
    // A fresh Summary each time: the shared one remembers the first file it checked.
    const Summary = core.summary.constructor as new () => typeof core.summary;
    await new Summary().addRaw(markdown).write();
    return readFileSync(file, "utf8");
  } catch (error) {
    return (error as Error).message;
  }
}

describe("appendJobSummary", () => {
  it("appends the report to the summary file exactly as core.summary.write() does", async () => {
    const dir = tempDir();
    const markdown = "## shadow-compare ✅\n\n| a | b |\n|---|---|\n| 1 | é |\n";
    for (const name of ["ours.md", "core.md"]) writeFileSync(path.join(dir, name), "earlier step\n");
    appendJobSummary(path.join(dir, "ours.md"), markdown);
    appendJobSummary(path.join(dir, "ours.md"), markdown);
    await coreSummary(path.join(dir, "core.md"), markdown);
    const viaCore = await coreSummary(path.join(dir, "core.md"), markdown);
    expect(readFileSync(path.join(dir, "ours.md"), "utf8")).toBe(viaCore);
    expect(viaCore).toBe(`earlier step\n${markdown}${markdown}`);
  });

  it("refuses a summary file it cannot access with core's message", async () => {
    const file = path.join(tempDir(), "missing", "summary.md");
    const message = await coreSummary(file, "x");
    expect(message).toContain("Unable to access summary file");
    expect(() => appendJobSummary(file, "x")).toThrow(message);
  });
});
