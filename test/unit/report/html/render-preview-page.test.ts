import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { renderPreviewPage } from "../../../../shared/src/report/html/render-preview-page.js";
import type { PreviewAssets, PreviewReport } from "../../../../shared/src/report/html/render-preview-page.js";
import { PREVIEW_SCRIPT } from "../../../../shared/src/report/html/preview-script.js";
import { all, attribute, one, parseHtml, textOf } from "../../../support/parse-html.js";

const ASSETS: PreviewAssets = {
  markdownCss: ".markdown-body { color: #1f2328; }",
  mermaidScript: 'window.mermaid = { version: "11.12.0", note: "</script><script>window.pwned = 1</script>" };',
  mermaidVersion: "11.12.0",
};

const REPORTS: PreviewReport[] = [
  {
    name: "01-validate-data-clean",
    story: "a clean batch",
    action: "validate-data",
    verdict: "pass",
    markdown: "## ✅ validate-data\n\nAll good.\n",
  },
  {
    name: "02-evaluate-gate-regressed",
    story: "a candidate that <b>overfits</b>",
    action: "evaluate-gate",
    verdict: "fail",
    markdown: "## ❌ evaluate-gate\n\n```mermaid\nxychart-beta\n    bar [1, 2]\n```\n",
  },
  { name: "notes.md", story: "", markdown: "Just notes.\n" },
];

function render(reports: readonly PreviewReport[] = REPORTS): string {
  return renderPreviewPage({ title: "modelgate <demo>", intro: "Every report.", reports }, ASSETS);
}

describe("renderPreviewPage", () => {
  it("lists every report with its action and verdict, linked to its section, with the verdict counts", () => {
    const page = parseHtml(render(), { document: true });
    const rows = all("header table tbody tr", page).map((row) => all("td", row).map((cell) => textOf(cell)));
    expect(rows).toEqual([
      ["01-validate-data-clean", "validate-data", "✅ pass", "a clean batch"],
      ["02-evaluate-gate-regressed", "evaluate-gate", "❌ fail", "a candidate that <b>overfits</b>"],
      ["notes.md", "—", "not recorded", ""],
    ]);
    const links = all("header table a", page).map((a) => attribute(a, "href"));
    expect(links).toEqual(["#report-1", "#report-2", "#report-3"]);
    expect(all("section.report", page).map((s) => [attribute(s, "id"), attribute(s, "data-verdict")])).toEqual([
      ["report-1", "pass"],
      ["report-2", "fail"],
      ["report-3", "none"],
    ]);
    expect(textOf(one("header p", page))).toBe("Every report. Verdicts: 1 fail · 1 pass.");
    expect(textOf(one("title", page))).toBe("modelgate <demo>");
  });

  it("renders each report's markdown inside a markdown-body, charts left as mermaid code for the page's script", () => {
    const bodies = all("section.report > article.markdown-body", parseHtml(render(), { document: true }));
    expect(bodies.map((b) => textOf(all("h2", b)[0] ?? b).trim())).toEqual([
      "✅ validate-data",
      "❌ evaluate-gate",
      "Just notes.",
    ]);
    expect(textOf(one("pre > code.language-mermaid", bodies[1]!))).toBe("xychart-beta\n    bar [1, 2]\n");
  });

  it("inlines the assets and runs only its two scripts, allowed by hash, with no network source allowed", () => {
    const html = render();
    const page = parseHtml(html, { document: true });
    const scripts = all("script", page).map((script) => textOf(script));
    expect(scripts).toHaveLength(2);
    expect(scripts[1]).toBe(PREVIEW_SCRIPT);
    // The bundle's "</script>" is written "<\/script>": the same string to JavaScript, no end tag to HTML.
    expect(scripts[0]).toBe(ASSETS.mermaidScript.replace(/<\/script/g, "<\\/script"));
    expect(textOf(one("style", page))).toContain(".markdown-body { color: #1f2328; }");
    const csp = attribute(one('meta[http-equiv="Content-Security-Policy"]', page), "content");
    const hash = (text: string) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;
    expect(csp).toContain(`script-src ${hash(scripts[0]!)} ${hash(scripts[1]!)};`);
    expect(csp).toMatch(/^default-src 'none';/);
    expect(csp).not.toMatch(/https?:|\*/);
    expect(html).not.toMatch(/<(link|img|iframe)\b|\bsrc=["']?https?:/i);
  });

  it("refuses to inline a script whose <!-- and <script would hide its end tag from the HTML parser", () => {
    const assets = { ...ASSETS, mermaidScript: 'var a = "<!--", b = "<script>";' };
    expect(() => renderPreviewPage({ title: "t", intro: "", reports: REPORTS }, assets)).toThrow(/<!-- and <script/);
  });

  it("writes the same page for the same reports", () => {
    expect(render()).toBe(render());
  });

  it("writes an index with no verdict counts when no report has a verdict", () => {
    expect(textOf(one("header p", parseHtml(render([REPORTS[2]!]), { document: true })))).toBe("Every report.");
  });
});
