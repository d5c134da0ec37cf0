import type { ActionResult } from "../report/action-result.js";
import type { PreviewPage, PreviewReport } from "../report/html/render-preview-page.js";
import { renderReportMarkdown } from "../report/render-report.js";

/**
 * The self-contained preview page for these reports. The renderer and its assets (a GFM renderer, GitHub's
 * markdown CSS, the Mermaid bundle) load only here, so the gate commands that print text or markdown do not pay
 * for them at start-up.
 */
export async function renderPreviewHtml(page: PreviewPage): Promise<string> {
  const [{ renderPreviewPage }, { loadPreviewAssets }] = await Promise.all([
    import("../report/html/render-preview-page.js"),
    import("./load-preview-assets.js"),
  ]);
  return renderPreviewPage(page, loadPreviewAssets());
}

/** One result as a report on the preview page: its markdown, action and verdict. */
export function toPreviewReport(
  result: ActionResult,
  name: string,
  story: string,
  markdown = renderReportMarkdown(result),
): PreviewReport {
  return { name, story, action: result.action, verdict: result.verdict, markdown };
}
