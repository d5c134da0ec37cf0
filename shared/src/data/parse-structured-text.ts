import { LineCounter, parseDocument, isMap, isSeq, isScalar, visit } from "yaml";
import type { Document, Node } from "yaml";
import { StructuredTextSyntaxError } from "./structured-text-syntax-error.js";
import { toDocumentValue } from "./to-document-value.js";

/** A parsed JSON or YAML document that can say on which line a key path sits. */
export interface StructuredDocument {
  value: unknown;
  /** 1-based line of the node at `path`, or of its nearest existing ancestor. */
  lineOf(path: ReadonlyArray<string | number>): number | undefined;
}

export { StructuredTextSyntaxError } from "./structured-text-syntax-error.js";

/**
 * Parses JSON or YAML 1.2 (JSON is parsed as the YAML subset it is) with duplicate keys refused and
 * alias expansion capped, so a hostile file can neither hide a value behind a later duplicate nor
 * expand into a billion nodes.
 * @throws StructuredTextSyntaxError on any syntax error or duplicate key, an alias bomb, an unknown tag, or a value
 * JSON has no type for (`toDocumentValue`).
 */
export function parseStructuredText(text: string): StructuredDocument {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { uniqueKeys: true, lineCounter, prettyErrors: true, strict: true });
  const first = doc.errors[0];
  if (first) {
    const pos = first.linePos?.[0];
    const firstLine = (first.message.split("\n")[0] ?? "").replace(/ at line \d+, column \d+:?$/, "");
    const reason = first.code === "DUPLICATE_KEY" ? describeDuplicateKey(doc, first.pos[0]) : firstLine || "syntax error";
    throw new StructuredTextSyntaxError(reason, pos?.line, pos?.col);
  }
  const document: StructuredDocument = {
    value: undefined,
    lineOf(path) {
      let node: unknown = doc.contents;
      let line = rangeLine(node, lineCounter);
      for (const segment of path) {
        if (isMap(node)) {
          const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
          if (!pair) break;
          line = rangeLine(pair.key, lineCounter) ?? line;
          node = pair.value;
        } else if (isSeq(node) && typeof segment === "number") {
          node = node.items[segment];
          line = rangeLine(node, lineCounter) ?? line;
        } else {
          break;
        }
      }
      return line;
    },
  };
  document.value = toDocumentValue(doc, lineCounter, (path) => document.lineOf(path));
  return document;
}

/** Names the repeated key (the parser's own message shows only a caret), so the user knows which entry to drop. */
function describeDuplicateKey(doc: Document, offset: number): string {
  let key: string | undefined;
  visit(doc, {
    Pair(_, pair) {
      if (!isScalar(pair.key) || pair.key.range?.[0] !== offset) return undefined;
      key = String(pair.key.value);
      return visit.BREAK;
    },
  });
  return key === undefined ? "a key appears twice in one mapping" : `a key appears twice in one mapping: ${JSON.stringify(key)}`;
}

function rangeLine(node: unknown, lineCounter: LineCounter): number | undefined {
  const range = (node as Node | null | undefined)?.range;
  return range ? lineCounter.linePos(range[0]).line : undefined;
}
