import type { Root } from "hast";
import { describe, expect, it } from "vitest";
import { escapeMarkdown } from "../../../../shared/src/report/escape-markdown.js";
import { renderMarkdownHtml } from "../../../../shared/src/report/html/render-markdown-html.js";
import { HOSTILE_NAMES } from "../../../support/hostile-names.js";
import { all, attribute, attributeNames, one, parseHtml, textOf } from "../../../support/parse-html.js";

/** Every attribute name in the fragment, and every URL an element points at. */
function attributesAndUrls(tree: Root): { names: string[]; urls: string[] } {
  const urls = all("*", tree).flatMap((element) =>
    ["href", "src", "action", "formAction"].map((name) => attribute(element, name)),
  );
  return { names: attributeNames(tree), urls: urls.filter(Boolean) };
}

describe("renderMarkdownHtml", () => {
  it("renders GFM tables, task lists, strikethrough, autolinks and footnotes as GitHub does", () => {
    const html = renderMarkdownHtml(
      [
        "| metric | value |",
        "| --- | ---: |",
        "| auc | 0.91 |",
        "",
        "- [x] done",
        "- [ ] open",
        "",
        "~~gone~~ see https://example.com/a and a note[^1]",
        "",
        "[^1]: a note",
        "",
      ].join("\n"),
    );
    expect(html).toContain('<td align="right">0.91</td>');
    expect(html).toMatch(/<input type="checkbox" checked disabled> done/);
    expect(html).toContain("<del>gone</del>");
    expect(html).toContain('<a href="https://example.com/a">https://example.com/a</a>');
    // Footnote ids are prefixed once, and the links point at them.
    const tree = parseHtml(html);
    expect(attribute(one("sup > a", tree), "href")).toBe("#user-content-fn-1");
    expect(attribute(one("section.footnotes li", tree), "id")).toBe("user-content-fn-1");
    expect(attribute(one("a.data-footnote-backref", tree), "href")).toBe(`#${attribute(one("sup > a", tree), "id")}`);
  });

  it("keeps folded sections with the markdown inside them rendered", () => {
    const tree = parseHtml(
      renderMarkdownHtml("<details><summary>Charts (2)</summary>\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n</details>\n"),
    );
    const details = one("details", tree);
    expect(textOf(one("summary", details))).toBe("Charts (2)");
    expect(textOf(one("table td", details))).toBe("1");
  });

  it("keeps a mermaid block as code with its language class, the chart text escaped", () => {
    const html = renderMarkdownHtml('```mermaid\nxychart-beta\n    x-axis ["a<b", "c"]\n    bar [1, 2]\n```\n');
    const code = one("pre > code.language-mermaid", parseHtml(html));
    expect(textOf(code)).toBe('xychart-beta\n    x-axis ["a<b", "c"]\n    bar [1, 2]\n');
    expect(html).toContain("a&#x3C;b");
  });

  it("styles alerts as GitHub does", () => {
    const alert = one(
      ".markdown-alert.markdown-alert-warning",
      parseHtml(renderMarkdownHtml("> [!WARNING]\n> The baseline is stale.\n")),
    );
    expect(textOf(one(".markdown-alert-title", alert))).toContain("Warning");
    expect(textOf(alert)).toContain("The baseline is stale.");
  });

  it("drops scripts, styles, frames, event handlers and javascript: links from raw HTML, as GitHub's allow-list does", () => {
    const hostile = [
      "<script>window.pwned = 1</script>",
      '<img src="x" onerror="window.pwned = 1">',
      '<a href="javascript:window.pwned = 1">click</a>',
      '<iframe src="https://example.com"></iframe>',
      "<style>body { display: none }</style>",
      '<div style="position: fixed" onclick="window.pwned = 1">overlay</div>',
      "<svg><script>window.pwned = 1</script></svg>",
      '<form action="https://example.com"><input name="x"></form>',
      '<details open ontoggle="window.pwned = 1"><summary>s</summary></details>',
      "[md link](javascript:alert(1))",
      '<meta http-equiv="refresh" content="0; url=https://example.com">',
    ].join("\n\n");
    const html = renderMarkdownHtml(hostile);
    const tree = parseHtml(html);
    expect(all("script, style, iframe, form, meta, svg", tree)).toHaveLength(0);
    // GitHub keeps an input only as the disabled checkbox of a task list.
    expect(all("input", tree).map((input) => [attribute(input, "type"), attribute(input, "disabled")])).toEqual([
      ["checkbox", "true"],
    ]);
    const { names, urls } = attributesAndUrls(tree);
    expect(names.filter((name) => name.startsWith("on") || name === "style")).toEqual([]);
    expect(urls.filter((url) => /^\s*javascript:/i.test(url))).toEqual([]);
    expect(textOf(tree)).toContain("overlay");
  });

  it("shows every hostile name as the text it is, in a table cell and a heading", () => {
    const shown = (text: string | null | undefined) => (text ?? "").replace(/\u200b/g, "").trim();
    for (const name of HOSTILE_NAMES) {
      const escaped = escapeMarkdown(name);
      const tree = parseHtml(renderMarkdownHtml(`### ${escaped}\n\n| name |\n| --- |\n| ${escaped} |\n`));
      expect(all("script, img, style, iframe, h1, pre", tree)).toHaveLength(0);
      expect(attributeNames(tree).filter((name) => name.startsWith("on"))).toEqual([]);
      // What escapeMarkdown keeps of a name: one line, no bidi controls, cut to 120 characters with an ellipsis.
      const line = name.replace(/[\u202a-\u202e\u2066-\u2069]/g, "").replace(/[\r\n\t\f\v]+/g, " ");
      const expected = (line.length > 120 ? `${line.slice(0, 119)}…` : line).trim();
      expect(shown(textOf(all("td", tree)[0])), name).toBe(expected);
      expect(shown(textOf(all("h3", tree)[0])), name).toBe(expected);
    }
  });

  it("renders the same markdown to the same bytes", () => {
    const markdown = "# a\n\n<details><summary>b</summary>\n\n- c\n\n</details>\n";
    expect(renderMarkdownHtml(markdown)).toBe(renderMarkdownHtml(markdown));
  });
});
