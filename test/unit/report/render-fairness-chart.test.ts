import { describe, expect, it } from "vitest";
import { toMermaidLabel } from "../../../shared/src/report/render-fairness-chart.js";

describe("toMermaidLabel", () => {
  it("keeps letters, digits, spaces and the intersection sign when given an ordinary group name", () => {
    expect(toMermaidLabel("African-American × Female")).toBe("African-American × Female");
  });

  it("replaces quotes, brackets, backticks and newlines so a group name cannot end the string, chart or fence", () => {
    const label = toMermaidLabel('x"]\n```\n<img src=x>');
    expect(label).not.toMatch(/["\]`<>\n]/);
    expect(label.length).toBeLessThanOrEqual(32);
  });
});
