/** Longest user string a report shows; longer ones are cut with an ellipsis. */
export const MAX_USER_TEXT = 120;

import { stripBidiControls } from "./strip-bidi-controls.js";

const HTML_ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const ZERO_WIDTH_SPACE = "\u200b";

/**
 * Makes an untrusted string (metric, column, file, model name) inert in GitHub markdown, inside or
 * outside a table cell: one line, HTML-escaped, markdown metacharacters backslash-escaped, and
 * @mentions, #123 references and bare URLs broken with a zero-width space so they neither ping,
 * link nor autolink (`GH-12` is a reference too; `owner/repo#12` and `user@sha` break at their # and @, as GitHub's
 * "Autolinked references and URLs" lists them; a bare commit SHA is left, a link without a notification), and bidi
 * controls removed so a name displays as what it is. Cut to `maxLength` characters first so an escape is never split.
 */
export function escapeMarkdown(text: string, maxLength = MAX_USER_TEXT): string {
  let value = stripBidiControls(text)
    .replace(/[\r\n\t\f\v]+/g, " ")
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]/g, "");
  if (value.length > maxLength) value = `${value.slice(0, maxLength - 1)}…`;
  // @ and # are broken before HTML-escaping, so the # of the entity for ' (&#39;) stays intact.
  return value
    .replace(/([@#])/g, `$1${ZERO_WIDTH_SPACE}`)
    .replace(/(gh-)(?=\d)/gi, `$1${ZERO_WIDTH_SPACE}`)
    .replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]!)
    .replace(/[\\`*_[\]()~!|{}]/g, (c) => `\\${c}`)
    .replace(/:\/\//g, `:${ZERO_WIDTH_SPACE}//`)
    .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}${ZERO_WIDTH_SPACE}.`);
}

/** For terminals: one line, no control characters (no ANSI escapes smuggled in through a name). */
export function sanitizeTerminalText(text: string, maxLength = MAX_USER_TEXT): string {
  const value = stripBidiControls(text)
    .replace(/[\r\n\t]+/g, " ")
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, "");
  return value.length > maxLength ? `${value.slice(0, maxLength - 1)}…` : value;
}

/**
 * An untrusted string as an inline code span, copyable as it is (no zero-width spaces): one line, backticks
 * replaced (one would end the span), pipes escaped (GFM splits table cells on them even inside code). HTML,
 * mentions and references are inert inside code.
 */
export function codeSpan(text: string, maxLength = MAX_USER_TEXT): string {
  let value = stripBidiControls(text)
    .replace(/[\r\n\t\f\v]+/g, " ")
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]/g, "")
    .replace(/`/g, "'");
  if (value.length > maxLength) value = `${value.slice(0, maxLength - 1)}…`;
  return `\`${value.replace(/\|/g, "\\|")}\``;
}
