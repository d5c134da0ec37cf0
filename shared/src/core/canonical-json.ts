/**
 * Deterministic JSON: object keys sorted by code unit at every depth, two-space indent, non-finite
 * numbers as null (JSON has no NaN), trailing newline. Identical inputs give identical bytes, so
 * results can be diffed and hashed.
 */
export function toCanonicalJson(value: unknown): string {
  return `${JSON.stringify(sortKeys(value), null, 2)}\n`;
}

/**
 * `value` with every object's keys in code-unit order. An array or plain object already in that order is kept, not
 * copied (a profile's thousands of [bucket, count] pairs): `JSON.stringify` writes it as it would write a sorted copy
 * — the same keys in the same order, undefined members left out, and non-finite numbers written as null.
 */
function sortKeys(value: unknown): unknown {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const child: unknown = value[i];
      if (child === null || typeof child !== "object") continue;
      const sorted = sortKeys(child);
      if (sorted !== child) (out ??= [...(value as unknown[])])[i] = sorted;
    }
    return out ?? value;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  const proto: unknown = Object.getPrototypeOf(record);
  // A class's object (a Date, a Map) is written as a copy of its own keys, not by its prototype's toJSON.
  let kept = proto === Object.prototype || proto === null;
  for (let i = 1; kept && i < keys.length; i++) kept = keys[i - 1]! < keys[i]!;
  if (!kept) keys.sort();
  const entries: Array<[string, unknown]> = [];
  for (const key of keys) {
    const child = record[key];
    if (child === undefined) continue;
    const sorted = child === null || typeof child !== "object" ? child : sortKeys(child);
    kept &&= sorted === child;
    entries.push([key, sorted]);
  }
  // fromEntries defines own properties: a key named "__proto__" (a metric, a column) stays a key.
  return kept ? value : Object.fromEntries(entries);
}
