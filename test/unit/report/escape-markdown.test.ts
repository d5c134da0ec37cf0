import { describe, expect, it } from "vitest";
import { codeSpan, escapeMarkdown, sanitizeTerminalText } from "../../../shared/src/report/escape-markdown.js";

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

  it("breaks GH-<digits> references like #<digits>, whatever their case, and leaves other GH- text alone", () => {
    expect(escapeMarkdown("fixes GH-1 and gh-22, not GH-x")).toBe(`fixes GH-${ZWSP}1 and gh-${ZWSP}22, not GH-x`);
    expect(escapeMarkdown("acme/models GH-7")).toBe(`acme/models GH-${ZWSP}7`);
  });

  it("breaks every reference form GitHub autolinks in a comment: #, GH-, owner/repo#, user@sha and owner/repo@sha", () => {
    // docs.github.com, "Autolinked references and URLs": issues and pull requests, then commit SHAs.
    expect(escapeMarkdown("#26 GH-26 jlord/sheetsee.js#26 github/linguist#4039")).toBe(
      `#${ZWSP}26 GH-${ZWSP}26 jlord/sheetsee.js#${ZWSP}26 github/linguist#${ZWSP}4039`,
    );
    expect(escapeMarkdown("jlord@a5c3785 jlord/sheetsee.js@a5c3785")).toBe(
      `jlord@${ZWSP}a5c3785 jlord/sheetsee.js@${ZWSP}a5c3785`,
    );
    expect(escapeMarkdown("https://github.com/jlord/sheetsee.js/issues/26")).toBe(
      `https:${ZWSP}//github.com/jlord/sheetsee.js/issues/26`,
    );
  });

  it("removes bidi embeddings, overrides, isolates and marks so a name displays as what it is", () => {
    const controls = ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"];
    controls.push("\u200e", "\u200f", "\u061c");
    for (const control of controls) expect(escapeMarkdown(`model${control}gnp.exe`)).toBe("model" + "gnp.exe");
    // Right-to-left letters themselves are names, not controls: they stay.
    expect(escapeMarkdown("מודל")).toBe("מודל");
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

  it("removes bidi controls, which a terminal would apply as well", () => {
    expect(sanitizeTerminalText("evil\u202etxt.exe\u2066x\u2069")).toBe("eviltxt.exex");
  });
});

describe("codeSpan", () => {
  it("removes bidi controls inside a code span, where they would still reorder the text", () => {
    expect(codeSpan("a\u202eb\u2067c")).toBe("`abc`");
  });
});
