import type { Alias, Document, LineCounter } from "yaml";
import { StructuredTextSyntaxError } from "./structured-text-syntax-error.js";
import { loadYaml } from "./yaml-on-first-use.cjs";

/** Aliases a document may expand: a real policy or metrics file uses a handful; a bomb uses billions. */
const MAX_ALIAS_COUNT = 100;

/** YAML's typed values that are no JSON value: read on, each would turn into something no one wrote. */
const UNREADABLE: ReadonlyArray<readonly [(value: unknown) => boolean, string]> = [
  [(value) => value instanceof Uint8Array, "a !!binary value (bytes)"],
  [(value) => value instanceof Set, "a !!set"],
  [(value) => value instanceof Map, "an !!omap (ordered map)"],
];

/**
 * The value of a parsed JSON or YAML document, as JSON would give it.
 * @throws StructuredTextSyntaxError (with the line) when aliases expand past the cap (yaml throws a ReferenceError
 * for a "billion laughs" bomb), when a tag is one yaml cannot resolve, and for a !!binary, !!set or !!omap value:
 * each is then a syntax error like any other, so every gate reports it as "cannot decide".
 */
export function toDocumentValue(
  doc: Document,
  lineCounter: LineCounter,
  lineOf: (path: ReadonlyArray<string | number>) => number | undefined,
): unknown {
  const unresolved = doc.warnings.find((warning) => warning.code === "TAG_RESOLVE_FAILED");
  if (unresolved) {
    const tag = /Unresolved tag: (\S+)/.exec(unresolved.message)?.[1] ?? "an unknown tag";
    throw new StructuredTextSyntaxError(
      `the tag ${tag} is not one modelgate reads; remove it and write the plain value`,
      unresolved.linePos?.[0]?.line,
      unresolved.linePos?.[0]?.col,
    );
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    throw aliasError(doc, lineCounter, error);
  }
  const odd = findUnreadable(value, []);
  if (odd) {
    throw new StructuredTextSyntaxError(
      `${odd.path.length > 0 ? odd.path.join(".") : "the document"} is ${odd.kind}, which modelgate does not read; write a number, text, true/false, a list or a mapping`,
      lineOf(odd.path),
      undefined,
    );
  }
  return value;
}

function aliasError(doc: Document, lineCounter: LineCounter, error: ReferenceError): StructuredTextSyntaxError {
  const { visit } = loadYaml();
  let first: Alias | undefined;
  visit(doc, {
    Alias(_, alias) {
      first = alias;
      return visit.BREAK;
    },
  });
  const pos = first?.range ? lineCounter.linePos(first.range[0]) : undefined;
  const reason = /excessive alias count/i.test(error.message)
    ? `its aliases expand into more than ${MAX_ALIAS_COUNT} copies${first ? ` (the first alias is *${first.source})` : ""}, as in a "billion laughs" attack; write the values out instead of nesting aliases`
    : error.message;
  return new StructuredTextSyntaxError(reason, pos?.line, pos?.col);
}

function findUnreadable(
  value: unknown,
  path: Array<string | number>,
): { path: Array<string | number>; kind: string } | undefined {
  const kind = UNREADABLE.find(([test]) => test(value))?.[1];
  if (kind) return { path, kind };
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findUnreadable(item, [...path, index]);
      if (found) return found;
    }
  } else if (value !== null && typeof value === "object" && !(value instanceof Date)) {
    for (const [key, item] of Object.entries(value)) {
      const found = findUnreadable(item, [...path, key]);
      if (found) return found;
    }
  }
  return undefined;
}
