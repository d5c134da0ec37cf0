/** Printable ASCII and line feeds, no backslash: no escape, tab, carriage return, byte order mark or other character. */
const PLAIN_JSON = /^[\x20-\x5b\x5d-\x7e\n]*$/;
/** Strings (a key when a colon follows) and brackets, in a text whose strings hold no escape. */
const TOKENS = /"[^"]*"(\s*:)?|[{}[\]]/g;

/**
 * The value of a JSON mapping read with `JSON.parse`, for a text in the plain subset where that equals what the YAML
 * parser reads (`parseStructuredText`): a mapping at the top, no escape in any string, no key repeated in a mapping
 * (JSON.parse would keep the last silently), no key longer than YAML's 1,024 limit or named __proto__, nesting under
 * 64 levels. Undefined otherwise, the syntax errors included: the caller then parses as before, for the same value or
 * the same message.
 */
export function parsePlainJson(text: string): Record<string, unknown> | undefined {
  if (!text.startsWith("{") || !PLAIN_JSON.test(text) || text.length > 1_000_000) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) return undefined;
  const keys: Array<Set<string> | undefined> = [];
  for (const [token, colon] of text.matchAll(TOKENS)) {
    if (token.startsWith('"') && colon === undefined) continue;
    if (token === "{" || token === "[") {
      keys.push(token === "{" ? new Set() : undefined);
      if (keys.length > 64) return undefined;
    } else if (token === "}" || token === "]") keys.pop();
    else {
      const key = token.slice(1, token.lastIndexOf('"'));
      const seen = keys.at(-1);
      if (seen === undefined || seen.has(key) || key.length > 1000 || key === "__proto__") return undefined;
      seen.add(key);
    }
  }
  return value as Record<string, unknown>;
}
