/**
 * True for "" and whitespace-only text: a blank cell is missing whatever the column's kind, so reading a
 * column as number, string or auto agrees on which rows are missing. "Whitespace" is what `String.trim`
 * and `Number()` strip (ASCII and Unicode spaces, line terminators, BOM).
 */
export function isBlankText(text: string): boolean {
  if (text.length === 0) return true;
  const first = text.charCodeAt(0);
  // Every such character is <= 0x20 or >= 0xA0; skip the trim for the usual cell starting with a letter or digit.
  return (first <= 0x20 || first >= 0xa0) && text.trim() === "";
}
