/**
 * Deterministic JSON: object keys sorted by code unit at every depth, two-space indent, non-finite
 * numbers as null (JSON has no NaN), trailing newline. Identical inputs give identical bytes, so
 * results can be diffed and hashed.
 */
export function toCanonicalJson(value: unknown): string {
  return `${JSON.stringify(sortKeys(value), null, 2)}\n`;
}

function sortKeys(value: unknown): unknown {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === "object") {
    // fromEntries defines own properties: a key named "__proto__" (a metric, a column) stays a key.
    const entries = Object.keys(value)
      .sort()
      .flatMap((key) => {
        const child = (value as Record<string, unknown>)[key];
        return child === undefined ? [] : [[key, sortKeys(child)] as const];
      });
    return Object.fromEntries(entries);
  }
  return value;
}
