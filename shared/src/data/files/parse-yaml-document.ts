import type { Document, LineCounter, Node, Pair, YAMLMap } from "yaml";
import type { StructuredDocument } from "./structured-document.js";
import { StructuredTextSyntaxError } from "./structured-text-syntax-error.js";
import { toDocumentValue } from "./to-document-value.js";
import { loadYaml } from "./yaml-on-first-use.cjs";

/**
 * Parses JSON or YAML 1.2 with the `yaml` package (JSON is parsed as the YAML subset it is) with duplicate keys refused and
 * alias expansion capped, so a hostile file can neither hide a value behind a later duplicate nor
 * expand into a billion nodes. Linear in the text's size: duplicate keys are found with one hash set per
 * mapping (the parser's own check compares each key with every earlier one: a policy of 20,000 metrics took
 * 39 s), and `lineOf` looks keys up in an index built once per mapping.
 * @throws StructuredTextSyntaxError on any syntax error or duplicate key, an alias bomb, an unknown tag, or a value
 * JSON has no type for (`toDocumentValue`).
 */
export function parseYamlDocument(text: string): StructuredDocument {
  const { LineCounter, parseDocument, isMap, isSeq, isScalar } = loadYaml();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { uniqueKeys: false, lineCounter, prettyErrors: true, strict: true });
  const first = doc.errors[0];
  const duplicate = firstDuplicateKey(doc);
  if (duplicate !== undefined && (first === undefined || duplicate.offset < first.pos[0])) {
    const pos = lineCounter.linePos(duplicate.offset);
    throw new StructuredTextSyntaxError(
      `a key appears twice in one mapping: ${JSON.stringify(duplicate.key)}`,
      pos.line,
      pos.col,
    );
  }
  if (first) {
    const pos = first.linePos?.[0];
    const firstLine = (first.message.split("\n")[0] ?? "").replace(/ at line \d+, column \d+:?$/, "");
    throw new StructuredTextSyntaxError(firstLine || "syntax error", pos?.line, pos?.col);
  }
  const keyIndex = new WeakMap<YAMLMap, Map<string, Pair>>();
  const findPair = (map: YAMLMap, segment: string | number): Pair | undefined => {
    let index = keyIndex.get(map);
    if (index === undefined) {
      index = new Map();
      for (const item of map.items)
        if (isScalar(item.key) && !index.has(String(item.key.value))) index.set(String(item.key.value), item);
      keyIndex.set(map, index);
    }
    return index.get(String(segment));
  };
  const document: StructuredDocument = {
    value: undefined,
    lineOf(path) {
      let node: unknown = doc.contents;
      let line = rangeLine(node, lineCounter);
      for (const segment of path) {
        if (isMap(node)) {
          const pair = findPair(node, segment);
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

/**
 * The first key, in document order, equal to an earlier key of its mapping: scalar keys compare by value (as the
 * YAML parser's own `uniqueKeys` check does: 1 and "1" differ, NaN never repeats), other keys never repeat.
 */
function firstDuplicateKey(doc: Document): { key: string; offset: number } | undefined {
  const { visit, isScalar } = loadYaml();
  let found: { key: string; offset: number } | undefined;
  visit(doc, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const { key } of map.items) {
        if (!isScalar(key) || Number.isNaN(key.value)) continue;
        if (!seen.has(key.value)) {
          seen.add(key.value);
          continue;
        }
        const offset = key.range?.[0] ?? 0;
        if (found === undefined || offset < found.offset) found = { key: String(key.value), offset };
        break;
      }
      return undefined;
    },
  });
  return found;
}

function rangeLine(node: unknown, lineCounter: LineCounter): number | undefined {
  const range = (node as Node | null | undefined)?.range;
  return range ? lineCounter.linePos(range[0]).line : undefined;
}
