/** A JSON syntax error in JSON's own words, with the 1-based line and column it points at. */
export interface JsonSyntaxProblem {
  reason: string;
  line: number | undefined;
  column: number | undefined;
}

// Python's json.dump writes these bare; we accept them (the gate then fails the metric as non-finite).
// Each is blanked to a same-length number so positions in V8's message still match the original text.
const PYTHON_NON_FINITE = /"(?:[^"\\]|\\.)*"|-?\b(?:NaN|Infinity)\b/g;

/**
 * Explains why `text` is not JSON, for a `.json` file the YAML parser refused: its messages speak of
 * flow maps and block collections, which mislead someone who wrote JSON. Undefined when `JSON.parse`
 * accepts the text (then the YAML parser's reason is the one to show).
 */
export function findJsonSyntaxError(text: string): JsonSyntaxProblem | undefined {
  const comparable = text.replace(PYTHON_NON_FINITE, (token) =>
    token.startsWith('"') ? token : "0".padEnd(token.length, " "),
  );
  try {
    JSON.parse(comparable);
    return undefined;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // Node 20 ends with "at position N", Node 22+ adds "(line L column C)"; both are reduced to our own line and column.
    const position = /\bat position (\d+)/.exec(message);
    const reason = message.replace(/ in JSON at position \d+.*$/, "").replace(/, ".*" is not valid JSON$/, "");
    if (!position) return { reason, line: undefined, column: undefined };
    const before = text.slice(0, Number(position[1])).split("\n");
    return { reason, line: before.length, column: before.at(-1)!.length + 1 };
  }
}
