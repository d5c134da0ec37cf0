import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { appendSummary, error, getInput, setOutput, warning } from "../../../shared/src/github/runner-commands.js";
import { parseOutputFile, parseWorkflowCommands } from "../../e2e/support/parse-runner-files.js";

describe("runner commands", () => {
  const saved = { ...process.env };
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), "mg-runner-"));
  });
  afterEach(() => {
    process.env = { ...saved };
    vi.restoreAllMocks();
  });

  const captureStdout = () => {
    let text = "";
    vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
      text += String(chunk);
      return true;
    });
    return () => text;
  };

  it("reads INPUT_<NAME> trimmed, with spaces as underscores, and '' when unset", () => {
    process.env["INPUT_FAIL-ON"] = "  warn \n";
    process.env.INPUT_MY_INPUT = "x";
    expect(getInput("fail-on")).toBe("warn");
    expect(getInput("my input")).toBe("x");
    expect(getInput("absent")).toBe("");
  });

  it("writes outputs as heredocs the runner reads back, so a newline in a value forges nothing", () => {
    process.env.GITHUB_OUTPUT = path.join(dir, "out");
    writeFileSync(process.env.GITHUB_OUTPUT, "");
    setOutput("verdict", "fail");
    setOutput("report", "line one\nforged=yes\nline three");
    expect(parseOutputFile(readFileSync(process.env.GITHUB_OUTPUT, "utf8"))).toEqual({ verdict: "fail", report: "line one\nforged=yes\nline three" });
  });

  it("escapes annotation messages and properties as the runner unescapes them", () => {
    const stdout = captureStdout();
    error("50% worse\nsee: details", { title: "a,b: c", file: "model gate.yml", startLine: 6 });
    warning("plain");
    const [first, second] = parseWorkflowCommands(stdout());
    expect(first).toEqual({ command: "error", properties: { title: "a,b: c", file: "model gate.yml", line: "6" }, message: "50% worse\nsee: details" });
    expect(second).toEqual({ command: "warning", properties: {}, message: "plain" });
  });

  it("removes bidi controls from annotation messages and titles", () => {
    const stdout = captureStdout();
    warning("metric acc\u202eycarucca regressed", { title: "evaluate-gate \u2066x\u2069" });
    expect(parseWorkflowCommands(stdout())).toEqual([{ command: "warning", properties: { title: "evaluate-gate x" }, message: "metric accycarucca regressed" }]);
  });

  it("appends to the job summary and reports when the runner gave none", () => {
    process.env.GITHUB_STEP_SUMMARY = path.join(dir, "summary.md");
    writeFileSync(process.env.GITHUB_STEP_SUMMARY, "earlier step\n");
    expect(appendSummary("## report\n")).toBe(true);
    expect(readFileSync(process.env.GITHUB_STEP_SUMMARY, "utf8")).toBe("earlier step\n## report\n");
    delete process.env.GITHUB_STEP_SUMMARY;
    expect(appendSummary("x")).toBe(false);
  });
});
