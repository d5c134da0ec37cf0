/** Why a cell gave no finite number. */
export type NonNumberKind = "missing" | "nonFinite" | "nonNumeric";

const NON_FINITE_SPELLING = /^[+-]?(?:nan|inf|infinity)$/i;

/**
 * Reads a text cell as a number: decimal or exponent text (`12`, `-0.5`, `.5`, `5.`, `1e-3`, with surrounding
 * whitespace) gives exactly what JavaScript's `Number()` gives, which is the correctly rounded double, as
 * Python's `float()` and pandas' default parser also give. Everything else gives NaN, and
 * `classifyNonNumberText` says why: blank text is missing; `NaN`, `inf` and `Infinity` in any case with an
 * optional sign, and decimal text that overflows (`1e999`), are non-finite; anything else, including the
 * `0x`/`0o`/`0b` literals `Number()` would accept, `1_000`, `1,5` and `NA`, is non-numeric.
 */
export function parseNumberText(text: string): number {
  const value = Number(text);
  if (value - value !== 0) return Number.NaN; // NaN or ±Infinity
  const first = text.charCodeAt(0);
  // Fast path for the usual shapes: a sign, a point, or a digit other than 0 cannot start a 0x/0o/0b literal.
  if (first === 43 || first === 45 || first === 46 || (first >= 49 && first <= 57)) return value;
  if (first === 48) return isRadixPrefix(text.charCodeAt(1)) ? Number.NaN : value;
  // Leading whitespace, or blank text (which Number() reads as 0).
  const trimmed = text.trim();
  if (trimmed === "" || (trimmed.charCodeAt(0) === 48 && isRadixPrefix(trimmed.charCodeAt(1)))) return Number.NaN;
  return value;
}

/** Says why `parseNumberText(text)` gave NaN. */
export function classifyNonNumberText(text: string): NonNumberKind {
  const trimmed = text.trim();
  if (trimmed === "") return "missing";
  if (NON_FINITE_SPELLING.test(trimmed)) return "nonFinite";
  if (trimmed.charCodeAt(0) === 48 && isRadixPrefix(trimmed.charCodeAt(1))) return "nonNumeric";
  const value = Number(trimmed);
  return value === Infinity || value === -Infinity ? "nonFinite" : "nonNumeric";
}

function isRadixPrefix(code: number): boolean {
  const lower = code | 0x20;
  return lower === 120 || lower === 111 || lower === 98; // x, o, b
}
