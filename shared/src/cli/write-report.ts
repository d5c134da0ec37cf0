import type { ActionResult } from "../report/action-result.js";
import { toResultJson } from "../report/to-result-json.js";
import { renderResultMarkdown } from "../report/render-result-markdown.js";

/** What a gate command prints: a terminal summary, the PR comment's markdown, the result JSON, or a preview page. */
export const REPORT_FORMATS = ["text", "markdown", "json", "html"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/**
 * Prints one result to stdout in the format asked for; `html` is the self-contained preview page of its report.
 * Each format loads only its own renderers (the text summary's, or the result's markdown and what wraps it).
 */
export async function writeReport(result: ActionResult, format: ReportFormat): Promise<void> {
  if (format === "text") {
    const { renderReportText } = await import("../report/render-report.js");
    process.stdout.write(renderReportText(result));
    return;
  }
  const markdown = await renderResultMarkdown(result);
  if (format === "json") process.stdout.write(toResultJson(result, markdown));
  else if (format === "markdown") process.stdout.write(markdown);
  else {
    const [{ renderPreviewHtml, toPreviewReport }, { verdictLabel }] = await Promise.all([
      import("./render-preview-html.js"),
      import("../report/verdict-label.js"),
    ]);
    const name = `${result.action} · ${result.key}`;
    const report = toPreviewReport(result, name, "", markdown);
    process.stdout.write(
      await renderPreviewHtml({
        title: `modelgate ${name}: ${verdictLabel(result.verdict)}`,
        intro: "The report as a reviewer sees it on github.com.",
        reports: [report],
      }),
    );
  }
}
