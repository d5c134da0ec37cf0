import { writeFileSync } from "node:fs";
import path from "node:path";
import type { Command } from "./commands.js";
import { EXIT, UsageError } from "./commands.js";
import { parseCliArgs } from "./parse-cli-args.js";
import { readPreviewReports } from "./read-preview-reports.js";
import { renderPreviewHtml } from "./render-preview-html.js";

export const previewCommand: Command = {
  name: "preview",
  usage: `Usage: modelgate preview <result.json|report.md|folder>... [--out FILE] [--title TEXT]

Writes one self-contained HTML page (no network needed to open it) that shows each report as a reviewer sees it
on github.com: GitHub Flavored Markdown, GitHub's HTML allow-list and markdown styles, Mermaid charts drawn with
the Mermaid version GitHub serves, folded sections that open, and an index of the reports and their verdicts.

Arguments:
  result.json            a result JSON an action or \`modelgate <command> --format json\` wrote (its report and verdict)
  report.md              a markdown report (shown as it is; the index has no verdict for it)
  folder                 its result JSONs, then its .md files that have no .json beside them (README.md excepted)

Options:
  --out FILE             where the page goes (default: modelgate-preview.html)
  --title TEXT           the page's title (default: "modelgate preview")
  -h, --help             show this help

Exit status: 0 when the page was written, 1 when a file cannot be read or is not a modelgate result, 2 on a usage error.`,
  async run(args) {
    const { values, positionals } = parseCliArgs({
      args,
      options: {
        out: { type: "string", default: "modelgate-preview.html" },
        title: { type: "string", default: "modelgate preview" },
      },
      strict: true,
      allowPositionals: true,
    });
    if (positionals.length === 0)
      throw new UsageError("no report given: name result JSONs, markdown reports or a folder of them.");
    const access = { workspace: process.cwd(), allowedRoots: [] };
    const reports = await readPreviewReports(positionals, access);
    const html = await renderPreviewHtml({
      title: String(values.title),
      intro: `${reports.length} report${reports.length === 1 ? "" : "s"}.`,
      reports,
    });
    const out = path.resolve(String(values.out));
    writeFileSync(out, html);
    process.stdout.write(
      `Preview page (${reports.length} report${reports.length === 1 ? "" : "s"}, opens offline in any browser): ${out}\n`,
    );
    return EXIT.ok;
  },
};
