/**
 * The text of a typed cell (JSONL, Parquet) in a string column, or undefined when it is missing. Numbers get
 * JavaScript's shortest round-trip text (`1.0` in JSONL becomes "1"), dates ISO 8601 UTC, nested values JSON,
 * binary base64; so a typed file and its CSV export agree whenever the CSV holds canonical text.
 */
export function toCellText(value: unknown): string | undefined {
  switch (typeof value) {
    case "string":
      return value;
    case "number":
    case "bigint":
    case "boolean":
      return String(value);
    case "undefined":
      return undefined;
    default:
      return objectText(value);
  }
}

function objectText(value: unknown): string | undefined {
  if (value === null) return undefined;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
  if (value instanceof Uint8Array)
    return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString("base64");
  // Parquet INT64 inside nested values arrives as bigint, which JSON.stringify refuses.
  return JSON.stringify(value, (_key, inner: unknown) => (typeof inner === "bigint" ? inner.toString() : inner));
}
