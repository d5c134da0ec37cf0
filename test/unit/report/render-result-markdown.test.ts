import { describe, expect, it } from "vitest";
import { ModelgateError } from "../../../shared/src/core/modelgate-error.js";
import { renderResultMarkdown } from "../../../shared/src/report/render-result-markdown.js";
import { toUndecidedResult } from "../../../shared/src/github/to-undecided-result.js";
import { renderReportMarkdown } from "../../../shared/src/report/render-report.js";
import { explainedResult } from "../explain/support/explained-result.js";

describe("renderResultMarkdown", () => {
  it("renders the same markdown as renderReportMarkdown when evaluate-gate decided", async () => {
    const result = await explainedResult({ showExamples: false });
    expect(await renderResultMarkdown(result)).toBe(renderReportMarkdown(result));
  });

  it("renders the same markdown as renderReportMarkdown when the gate could not decide", async () => {
    const result = toUndecidedResult("bias-check", "churn", new ModelgateError("predictions.csv is empty.", "Fix it."));
    const markdown = await renderResultMarkdown(result);
    expect(markdown).toContain("**The gate could not decide**");
    expect(markdown).toBe(renderReportMarkdown(result));
  });
});
