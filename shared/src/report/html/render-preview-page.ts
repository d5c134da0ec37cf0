import { createHash } from "node:crypto";
import type { Verdict } from "../../core/verdict.js";
import { verdictLabel } from "../verdict-label.js";
import { escapeHtml } from "./escape-html.js";
import { PREVIEW_PAGE_STYLES } from "./preview-page-styles.js";
import { PREVIEW_SCRIPT } from "./preview-script.js";
import { renderMarkdownHtml } from "./render-markdown-html.js";

/** One report on the page: its markdown and what the index says of it. */
export interface PreviewReport {
  /** Short name shown in the index and as the report's heading: the demo's file name, or the file previewed. */
  name: string;
  /** One line on what the report shows; empty when there is none. */
  story: string;
  /** The action that wrote it, when known (a result JSON says; a markdown file does not). */
  action?: string;
  verdict?: Verdict;
  markdown: string;
}

/** What the page inlines so it needs no network: GitHub's markdown CSS and the Mermaid bundle GitHub serves. */
export interface PreviewAssets {
  markdownCss: string;
  mermaidScript: string;
  mermaidVersion: string;
}

export interface PreviewPage {
  title: string;
  /** A sentence under the title (plain text). */
  intro: string;
  reports: readonly PreviewReport[];
}

/**
 * One self-contained HTML page of reports as a reviewer sees them on github.com: an index of the reports and
 * their verdicts, then each report's markdown rendered as GitHub renders it (`renderMarkdownHtml`), styled with
 * GitHub's markdown CSS, its ```mermaid blocks drawn by the inlined Mermaid bundle. A Content-Security-Policy lets
 * run only the two scripts the page was built with (by hash) and loads nothing from the network. Same input, same
 * bytes.
 */
export function renderPreviewPage(page: PreviewPage, assets: PreviewAssets): string {
  const mermaidScript = toInlineScript(assets.mermaidScript);
  const csp = [
    "default-src 'none'",
    `script-src ${scriptHash(mermaidScript)} ${scriptHash(PREVIEW_SCRIPT)}`,
    // Mermaid writes its chart styles into the SVG it makes; GitHub's own pages allow inline styles too.
    "style-src 'unsafe-inline'",
    "img-src data:",
    "font-src data:",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
  const sections = page.reports.map((report, index) => renderSection(report, index));
  return [
    "<!DOCTYPE html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeHtml(page.title)}</title>`,
    `<style>\n${assets.markdownCss.replace(/<\/style/gi, "<\\/style")}\n</style>`,
    `<style>${PREVIEW_PAGE_STYLES}</style>`,
    "</head>",
    "<body>",
    "<main>",
    renderIndex(page, assets),
    ...sections,
    "</main>",
    `<script>${mermaidScript}</script>`,
    `<script>${PREVIEW_SCRIPT}</script>`,
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

/** The id a report's section has on the page: `report-1`, `report-2` … in the order given. */
export function reportAnchor(index: number): string {
  return `report-${index + 1}`;
}

function renderIndex(page: PreviewPage, assets: PreviewAssets): string {
  const rows = page.reports.map((report, index) => {
    const cells = [
      `<td><a href="#${reportAnchor(index)}">${escapeHtml(report.name)}</a></td>`,
      `<td>${escapeHtml(report.action ?? "—")}</td>`,
      `<td>${report.verdict ? escapeHtml(verdictLabel(report.verdict)) : "not recorded"}</td>`,
      `<td>${escapeHtml(report.story)}</td>`,
    ];
    return `<tr data-verdict="${report.verdict ?? "none"}">${cells.join("")}</tr>`;
  });
  const counts = (["fail", "warn", "pass"] as const)
    .map((verdict) => [verdict, page.reports.filter((r) => r.verdict === verdict).length] as const)
    .filter(([, n]) => n > 0)
    .map(([verdict, n]) => `${n} ${verdict}`);
  return [
    '<header id="top" class="preview-index markdown-body">',
    `<h1>${escapeHtml(page.title)}</h1>`,
    `<p>${escapeHtml(page.intro)}${counts.length > 0 ? ` Verdicts: ${counts.join(" · ")}.` : ""}</p>`,
    "<table>",
    "<thead><tr><th>report</th><th>action</th><th>verdict</th><th>what it shows</th></tr></thead>",
    `<tbody>\n${rows.join("\n")}\n</tbody>`,
    "</table>",
    `<p class="preview-footer">Rendered offline as github.com renders a comment: GitHub Flavored Markdown, GitHub's allow-list of HTML, GitHub's markdown CSS, and Mermaid ${escapeHtml(assets.mermaidVersion)} (the version github.com serves). Fonts and GitHub's own later CSS changes may differ slightly.</p>`,
    "</header>",
  ].join("\n");
}

function renderSection(report: PreviewReport, index: number): string {
  const id = reportAnchor(index);
  const head = [
    `<span class="report-name">${escapeHtml(report.name)}</span>`,
    report.verdict ? `<span class="report-verdict">${escapeHtml(verdictLabel(report.verdict))}</span>` : "",
    report.story ? `<span class="report-story">${escapeHtml(report.story)}</span>` : "",
    '<a href="#top">index ↑</a>',
  ].join("");
  return [
    `<section class="report" id="${id}" data-verdict="${report.verdict ?? "none"}">`,
    `<div class="report-head">${head}</div>`,
    `<article class="markdown-body">\n${renderMarkdownHtml(report.markdown)}\n</article>`,
    "</section>",
  ].join("\n");
}

/**
 * A script's text made safe inside `<script>`: a `</script` (in a string or a regular expression) would end the
 * element early, so it is written `<\/script`, the same to JavaScript. A `<!--` followed by `<script` would make the
 * HTML parser ignore the end tag; no such bundle is inlined.
 */
function toInlineScript(source: string): string {
  if (/<!--/.test(source) && /<script[\s/>]/i.test(source))
    throw new Error("An inlined script holds both <!-- and <script: the HTML parser would not find its end.");
  return source.replace(/<\/(script)/gi, "<\\/$1");
}

/** The CSP source that lets exactly this inline script run. */
function scriptHash(source: string): string {
  return `'sha256-${createHash("sha256").update(source, "utf8").digest("base64")}'`;
}
