import type { ActionResult } from "../report/action-result.js";
import { renderReportMarkdown, renderReportText } from "../report/render-report.js";
import { toResultJson } from "../report/to-result-json.js";
import { verdictLabel } from "../report/verdict-label.js";
import { renderPreviewHtml, toPreviewReport } from "./render-preview-html.js";

/** What a gate command prints: a terminal summary, the PR comment's markdown, the result JSON, or a preview page. */
export const REPORT_FORMATS = ["text", "markdown", "json", "html"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Prints one result to stdout in the format asked for; `html` is the self-contained preview page of its report. */
export async function writeReport(result: ActionResult, format: ReportFormat): Promise<void> {
  const markdown = renderReportMarkdown(result);
  if (format === "json") process.stdout.write(toResultJson(result, markdown));
  else if (format === "markdown") process.stdout.write(markdown);
  else if (format === "html") {
    const name = `${result.action} · ${result.key}`;
    const report = toPreviewReport(result, name, "", markdown);
    process.stdout.write(
      await renderPreviewHtml({
        title: `modelgate ${name}: ${verdictLabel(result.verdict)}`,
        intro: "The report as a reviewer sees it on github.com.",
        reports: [report],
      }),
    );
  } else process.stdout.write(renderReportText(result));
}
