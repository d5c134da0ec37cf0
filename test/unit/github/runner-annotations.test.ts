import { afterEach, describe, expect, it, vi } from "vitest";
import { error, warning } from "../../../shared/src/github/runner-annotations.js";
import { parseWorkflowCommands } from "../../e2e/support/parse-runner-files.js";

describe("runner annotations", () => {
  afterEach(() => {
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

  it("escapes annotation messages and properties as the runner unescapes them", () => {
    const stdout = captureStdout();
    error("50% worse\nsee: details", { title: "a,b: c", file: "model gate.yml", startLine: 6 });
    warning("plain");
    const [first, second] = parseWorkflowCommands(stdout());
    expect(first).toEqual({
      command: "error",
      properties: { title: "a,b: c", file: "model gate.yml", line: "6" },
      message: "50% worse\nsee: details",
    });
    expect(second).toEqual({ command: "warning", properties: {}, message: "plain" });
  });

  it("writes a bare command when every property is unset", () => {
    const stdout = captureStdout();
    warning("plain", { title: undefined, file: "" });
    expect(stdout()).toMatch(/^::warning::plain\r?\n$/);
  });

  it("removes bidi controls from annotation messages and titles", () => {
    const stdout = captureStdout();
    warning("metric acc\u202eycarucca regressed", { title: "evaluate-gate \u2066x\u2069" });
    expect(parseWorkflowCommands(stdout())).toEqual([
      { command: "warning", properties: { title: "evaluate-gate x" }, message: "metric accycarucca regressed" },
    ]);
  });
});
