import { describe, expect, it } from "vitest";
import { escapeMarkdown, sanitizeTerminalText } from "../../../shared/src/report/escape-markdown.js";

const ZWSP = "\u200b";

describe("escapeMarkdown", () => {
  it("escapes table pipes so a name cannot add columns", () => {
    expect(escapeMarkdown("a|b")).toBe("a\\|b");
  });

  it("HTML-escapes tags so a name cannot inject markup", () => {
    expect(escapeMarkdown('<img src=x onerror="alert(1)">')).toBe("&lt;img src=x onerror=&quot;alert\\(1\\)&quot;&gt;");
  });

  it("breaks @mentions and #references so they neither ping nor link", () => {
    expect(escapeMarkdown("@octocat fixes #12")).toBe(`@${ZWSP}octocat fixes #${ZWSP}12`);
  });

  it("neutralises links, images, emphasis and code spans", () => {
    expect(escapeMarkdown("![x](http://e.vil) *b* `c` _d_ ~e~")).toBe(
      `\\!\\[x\\]\\(http:${ZWSP}//e.vil\\) \\*b\\* \\\`c\\\` \\_d\\_ \\~e\\~`,
    );
  });

  it("keeps the entity of an apostrophe whole while still breaking #references", () => {
    expect(escapeMarkdown("the model's #12")).toBe("the model&#39;s #\u200b12");
  });

  it("breaks bare www. autolinks", () => {
    expect(escapeMarkdown("www.example.com")).toBe(`www${ZWSP}.example.com`);
  });

  it("keeps a name on one line whatever newlines it carries", () => {
    expect(escapeMarkdown("a\nb\r\nc\td")).toBe("a b c d");
  });

  it("cuts long names before escaping, so an escape is never split", () => {
    const cut = escapeMarkdown(`${"x".repeat(200)}|`, 10);
    expect(cut).toBe(`${"x".repeat(9)}…`);
  });
});

describe("sanitizeTerminalText", () => {
  it("removes ANSI escape sequences' control characters", () => {
    expect(sanitizeTerminalText("ok\u001b[31mred\u0007")).toBe("ok[31mred");
  });
});
