/** Whether a text cell reads as a whole number (optional sign, digits; "3.0" is not). */
export function isIntegerText(text: string): boolean {
  return /^[+-]?\d+$/.test(text.trim());
}

/** The number a text cell spells, or undefined; the same spellings number columns accept, finite only. */
export function parseFiniteText(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(trimmed)) return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : undefined;
}

const BOOLEAN_TEXT = new Set(["true", "false", "0", "1"]);

/** true/false in any case, or 0/1 (as pandas and Parquet write booleans). */
export function isBooleanText(text: string): boolean {
  return BOOLEAN_TEXT.has(text.trim().toLowerCase());
}

/** ISO 8601 date or date-time (`2024-05-01`, `2024-05-01T12:30:00Z`, `2024-05-01 12:30:00.123+02:00`) that names a real instant. */
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

export function isDatetimeText(text: string): boolean {
  const trimmed = text.trim();
  if (!ISO_DATETIME.test(trimmed)) return false;
  const [year, month, day] = trimmed.slice(0, 10).split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
