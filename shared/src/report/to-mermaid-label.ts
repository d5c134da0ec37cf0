import { stripBidiControls } from "./strip-bidi-controls.js";

/** Longest label a chart shows; axis labels longer than this crowd the chart anyway. */
export const MAX_CHART_LABEL = 40;

// Letters, digits, spaces and punctuation with no meaning inside a quoted Mermaid string or around it. Left out:
// " (ends the string), ` (Markdown strings; a run of three would close the code fence), % (%% starts a comment or
// an %%{init}%% directive anywhere in the text), # and ; (#name; is an entity escape), < > & (HTML), [ ] { } \.
const UNSAFE = /[^\p{L}\p{N}\p{M}\p{So} _\-.,:/()+=*'!?@$^~|]/gu;
/** ASCII words of that set, single spaces between: what the replacements leave as it is, checked without compiling
 * UNSAFE's Unicode classes (about 1 ms, at every start that draws a chart). */
const PLAIN_ASCII = /^[A-Za-z0-9_\-.,:/()+=*'!?@$^~|]+(?: [A-Za-z0-9_\-.,:/()+=*'!?@$^~|]+)*$/;

/**
 * Makes an untrusted name (metric, slice, feature) safe as a quoted label in a Mermaid chart inside a Markdown code
 * fence: one line, bidi controls removed, characters outside a conservative set replaced ("[" "{" by "(", anything else by "?"), cut to
 * `maxLength` with an ellipsis, never empty.
 */
export function toMermaidLabel(text: string, maxLength = MAX_CHART_LABEL): string {
  if (PLAIN_ASCII.test(text)) return text.length > maxLength ? `${text.slice(0, maxLength - 1).trimEnd()}…` : text;
  const replaced = stripBidiControls(text)
    .replace(/\s+/gu, " ")
    .replace(/[[{]/g, "(")
    .replace(/[\]}]/g, ")")
    .replace(UNSAFE, "?")
    .trim();
  const chars = [...replaced];
  const cut =
    chars.length > maxLength
      ? `${chars
          .slice(0, maxLength - 1)
          .join("")
          .trimEnd()}…`
      : replaced;
  return cut === "" ? "(blank)" : cut;
}

/** Labels made safe and distinct: two names that sanitize alike would otherwise share one bar. */
export function toDistinctMermaidLabels(texts: readonly string[], maxLength = MAX_CHART_LABEL): string[] {
  const seen = new Map<string, number>();
  return texts.map((text) => {
    const label = toMermaidLabel(text, maxLength - 4);
    const count = (seen.get(label) ?? 0) + 1;
    seen.set(label, count);
    return count === 1 ? label : `${label} (${count})`;
  });
}

/** A number as the xychart grammar takes it: plain decimal (no exponent, no NaN), at most `decimals` places. */
export function toMermaidNumber(value: number, decimals = 6): string {
  if (!Number.isFinite(value)) throw new Error(`toMermaidNumber: ${value} cannot be charted.`);
  const fixed = value.toFixed(decimals);
  const text = fixed.includes(".") ? fixed.replace(/0+$/, "").replace(/\.$/, "") : fixed;
  return text === "-0" ? "0" : text;
}
