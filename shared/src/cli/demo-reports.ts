import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { markdownTable } from "markdown-table";
import type { ActionResult } from "../report/action-result.js";
import { escapeMarkdown } from "../report/escape-markdown.js";
import type { PreviewReport } from "../report/html/render-preview-page.js";
import { renderReportMarkdown } from "../report/render-report.js";
import { toResultJson } from "../report/to-result-json.js";
import { verdictLabel } from "../report/verdict-label.js";
import { toPreviewReport } from "./render-preview-html.js";

/** Records a result of the demo under a short label (`clean-batch`, `regressed-candidate`) with its story. */
export type RecordReport = (label: string, story: string, result: ActionResult) => void;

interface Entry {
  file: string;
  story: string;
  result: ActionResult;
}

/**
 * Every report the demo's runs would post, in the pipeline's order: each as the markdown an action puts in its
 * PR comment and job summary, and as the result JSON it writes, plus an index. File names are numbered in order
 * and stable from run to run.
 */
export class DemoReports {
  private readonly entries: Entry[] = [];

  readonly record: RecordReport = (label, story, result) => {
    const file = `${String(this.entries.length + 1).padStart(2, "0")}-${result.action}-${label}`;
    this.entries.push({ file, story, result });
  };

  /** Writes `<NN>-<action>-<label>.md` and `.json` per report and `README.md`; returns how many reports. */
  write(folder: string): number {
    mkdirSync(folder, { recursive: true });
    const rows: string[][] = [];
    for (const { file, story, result } of this.entries) {
      const markdown = renderReportMarkdown(result);
      writeFileSync(path.join(folder, `${file}.md`), markdown);
      writeFileSync(path.join(folder, `${file}.json`), toResultJson(result, markdown));
      rows.push([`[${file}.md](${file}.md)`, result.action, verdictLabel(result.verdict), escapeMarkdown(story, 200)]);
    }
    const index = [
      "# modelgate demo: every report the pipeline would post",
      "",
      "Each `.md` file is the markdown an action posts as its sticky PR comment and job summary; the `.json` beside",
      "it is the result JSON the action writes (its `result` output). Regenerate with `npm run demo`.",
      "",
      markdownTable([["report", "action", "verdict", "what it shows"], ...rows], { alignDelimiters: false }),
      "",
    ].join("\n");
    writeFileSync(path.join(folder, "README.md"), index);
    return this.entries.length;
  }

  /** Every report for the preview page, in the pipeline's order, named as its files are. */
  previewReports(): PreviewReport[] {
    return this.entries.map(({ file, story, result }) => toPreviewReport(result, file, story));
  }
}
