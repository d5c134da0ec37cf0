import { describe, expect, it } from "vitest";
import { ModelgateError } from "../../../shared/src/core/modelgate-error.js";
import { renderActionMarkdown } from "../../../shared/src/github/render-action-markdown.js";
import { toUndecidedResult } from "../../../shared/src/github/to-undecided-result.js";
import { renderReportMarkdown } from "../../../shared/src/report/render-report.js";
import { explainedResult } from "../explain/support/explained-result.js";

describe("renderActionMarkdown", () => {
  it("renders the same markdown as renderReportMarkdown when evaluate-gate decided", async () => {
    const result = await explainedResult({ showExamples: false });
    expect(await renderActionMarkdown(result)).toBe(renderReportMarkdown(result));
  });

  it("renders the same markdown as renderReportMarkdown when the gate could not decide", async () => {
    const result = toUndecidedResult("bias-check", "churn", new ModelgateError("predictions.csv is empty.", "Fix it."));
    const markdown = await renderActionMarkdown(result);
    expect(markdown).toContain("**The gate could not decide**");
    expect(markdown).toBe(renderReportMarkdown(result));
  });
});
