/** A JSONL line that `JSON.parse` refused, with the 1-based column it points at when V8 says. */
export class JsonLineSyntaxError extends Error {
  constructor(readonly column: number | undefined) {
    super(column === undefined ? "not valid JSON" : `not valid JSON at column ${column}`);
  }
}

// Strings are matched whole so a "NaN" inside one is left alone.
const BARE_NON_FINITE = /"(?:[^"\\]|\\.)*"|-?\b(?:NaN|Infinity)\b/g;

/**
 * Parses one JSONL line. Python's `json.dumps` writes NaN and ±Infinity bare, which is not JSON; such a line
 * is parsed again with them as `"NaN"` and ±1e999 (which JSON.parse reads as ±Infinity), so the cells count
 * as non-finite, not as a broken file. Only lines that fail the first parse pay for this.
 * @throws JsonLineSyntaxError without the parser's message: V8's quotes the line, and lines are user data.
 */
export function parseJsonLine(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    try {
      return JSON.parse(text.replace(BARE_NON_FINITE, replaceNonFinite));
    } catch {
      const position = /\bat position (\d+)/.exec(error instanceof Error ? error.message : "");
      throw new JsonLineSyntaxError(position ? Number(position[1]) + 1 : undefined);
    }
  }
}

function replaceNonFinite(token: string): string {
  if (token.startsWith('"')) return token;
  return token === "NaN" || token === "-NaN" ? '"NaN"' : token.replace("Infinity", "1e999");
}
