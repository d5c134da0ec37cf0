import * as z from "zod/mini";

/** Carries the key `__proto__` through zod; no YAML or JSON key is likely to hold it. */
const PROTO_STAND_IN = "__proto__\u0000modelgate";

/**
 * `z.safeParse(schema, value)` for a document whose keys are names users choose (metrics, columns, groups, features).
 * zod skips a key named `__proto__` (its output is built by assignment, which would replace the object's
 * prototype), so a metric or column of that name would vanish without a word. Here the key travels under a stand-in
 * and comes back as an own key; issue paths and unknown-key lists name it as written. Linear in the document's size;
 * a document without such a key is parsed as it is.
 */
export function safeParseNames<T extends z.core.$ZodType>(
  schema: T,
  value: unknown,
  params?: z.core.ParseContext<z.core.$ZodIssue>,
): z.core.util.SafeParseResult<z.output<T>> {
  if (!hasProtoKey(value)) return z.safeParse(schema, value, params);
  const parsed = z.safeParse(schema, renameKeys(value, "__proto__", PROTO_STAND_IN), params);
  if (parsed.success)
    return { success: true, data: renameKeys(parsed.data, PROTO_STAND_IN, "__proto__") as z.output<T> };
  for (const issue of parsed.error.issues) restoreIssue(issue);
  return parsed;
}

function hasProtoKey(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(hasProtoKey);
  if (!isPlainObject(value)) return false;
  return Object.hasOwn(value, "__proto__") || Object.values(value).some(hasProtoKey);
}

/** A copy with every own key `from` named `to`; fromEntries defines own properties, so "__proto__" stays a key. */
function renameKeys(value: unknown, from: string, to: string): unknown {
  if (Array.isArray(value)) return value.map((item) => renameKeys(item, from, to));
  if (!isPlainObject(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key === from ? to : key, renameKeys(item, from, to)]),
  );
}

/** zod's issues are plain objects typed read-only; their names are put back in place. */
function restoreIssue(issue: z.core.$ZodIssue): void {
  const original = (name: PropertyKey) => (name === PROTO_STAND_IN ? "__proto__" : name);
  const writable = issue as { path: PropertyKey[]; keys?: string[] };
  writable.path = issue.path.map(original);
  if (issue.code === "unrecognized_keys") writable.keys = issue.keys.map((key) => String(original(key)));
  if (issue.code === "invalid_union")
    for (const branch of issue.errors) for (const inner of branch) restoreIssue(inner);
  if (issue.code === "invalid_key" || issue.code === "invalid_element")
    for (const inner of issue.issues) restoreIssue(inner);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object") return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}
