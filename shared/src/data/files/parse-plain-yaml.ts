import type { StructuredDocument } from "./structured-document.js";

/** A parsed node and the 1-based line it starts on: what `lineOf` walks. */
type PlainNode =
  | { kind: "map"; line: number; pairs: Map<string, { line: number; node: PlainNode }> }
  | { kind: "seq"; line: number; items: PlainNode[] }
  | { kind: "scalar"; line: number };

/** Thrown inside the parser when the text leaves the plain subset; never escapes `parsePlainYaml`. */
const OUTSIDE = Symbol("outside the plain subset");

/** Printable ASCII and line feeds: no tab, no carriage return, no byte order mark, no other character. */
const PLAIN_TEXT = /^[\x20-\x7e\n]*$/;
const ENTRY = /^( *)([A-Za-z0-9_][A-Za-z0-9_./-]*):(?: +(.*))?$/;
const ITEM = /^( *)- +(.*)$/;
/** A plain scalar's characters: letters, digits, `_ . + ~ / -`, and spaces inside it. */
const PLAIN_CHAR = /[A-Za-z0-9_.+~/ -]/;

/**
 * The YAML 1.2 core-schema value of `s` as a plain scalar (yaml's own tag tests, in its order): null, a boolean, an
 * integer (decimal, 0o octal, 0x hex), a float (with .inf and .nan), or else the text.
 */
export function resolvePlainScalar(s: string): unknown {
  if (/^(?:~|[Nn]ull|NULL)?$/.test(s)) return null;
  if (/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(s)) return s[0] === "t" || s[0] === "T";
  if (/^0o[0-7]+$/.test(s)) return parseInt(s.substring(2), 8);
  if (/^[-+]?[0-9]+$/.test(s)) return parseInt(s, 10);
  if (/^0x[0-9a-fA-F]+$/.test(s)) return parseInt(s.substring(2), 16);
  if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(s))
    return s.slice(-3).toLowerCase() === "nan" ? NaN : s[0] === "-" ? -Infinity : Infinity;
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(s) || /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(s))
    return parseFloat(s);
  return s;
}

/**
 * Reads the plain subset of YAML most policies and metrics files are written in, without the full YAML parser:
 * block mappings of plain keys, one-line values (plain, simply quoted, or flow `{ }` and `[ ]` of those), block
 * lists of one-line values, comments. Anything else, every error included (a repeated key, a bad indent), is
 * undefined: the caller then parses with `yaml`, which gives the same value and lines for the subset (tested on
 * every policy and metrics file of the repository) and its own message for everything else.
 */
export function parsePlainYaml(text: string): StructuredDocument | undefined {
  if (!PLAIN_TEXT.test(text) || text.length > 1_000_000) return undefined;
  try {
    const root = parseBlocks(text.split("\n"));
    return {
      value: root.value,
      lineOf(path) {
        let node = root.node;
        let line = node.line;
        for (const segment of path) {
          if (node.kind === "map") {
            const pair = node.pairs.get(String(segment));
            if (!pair) break;
            line = pair.line;
            node = pair.node;
          } else if (node.kind === "seq" && typeof segment === "number") {
            const item = node.items[segment];
            if (!item) break;
            node = item;
            line = item.line;
          } else break;
        }
        return line;
      },
    };
  } catch (error) {
    if (error === OUTSIDE) return undefined;
    throw error;
  }
}

interface Block {
  indent: number;
  node: PlainNode;
  value: Record<string, unknown> | unknown[];
}

function parseBlocks(lines: string[]): { node: PlainNode; value: unknown } {
  const stack: Block[] = [];
  let root: Block | undefined;
  // `key:` with nothing after it: a nested block if the next line is indented deeper, else null.
  let open: { block: Block; key: string; indent: number; line: number } | undefined;
  // A line with an inline value: no deeper line may follow (YAML would continue the value there).
  let maxIndent = Infinity;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const content = line.trimStart();
    if (content === "" || content.startsWith("#")) continue;
    const lineNo = index + 1;
    const indent = line.length - content.length;
    const entry = ENTRY.exec(line);
    const item = entry ? null : ITEM.exec(line);
    if (!entry && !item) throw OUTSIDE;
    if (indent > maxIndent) throw OUTSIDE;
    if (open !== undefined) {
      if (indent > open.indent) {
        const child: Block = entry
          ? { indent, node: { kind: "map", line: lineNo, pairs: new Map() }, value: {} }
          : { indent, node: { kind: "seq", line: lineNo, items: [] }, value: [] };
        setPair(open.block, open.key, child.node, child.value);
        stack.push(child);
      } else setPair(open.block, open.key, { kind: "scalar", line: open.line }, null);
      open = undefined;
    }
    if (root === undefined) {
      if (!entry || indent !== 0) throw OUTSIDE;
      root = { indent: 0, node: { kind: "map", line: lineNo, pairs: new Map() }, value: {} };
      stack.push(root);
    }
    while (stack.length > 0 && indent < stack.at(-1)!.indent) stack.pop();
    const block = stack.at(-1);
    if (block === undefined || block.indent !== indent) throw OUTSIDE;
    if (entry) {
      if (block.node.kind !== "map") throw OUTSIDE;
      const key = entry[2]!;
      if (!isPlainKey(key) || block.node.pairs.has(key)) throw OUTSIDE;
      // The key's line is kept now (and a repeat caught); its value may be known only at the next line.
      block.node.pairs.set(key, { line: lineNo, node: { kind: "scalar", line: lineNo } });
      const rest = entry[3] ?? "";
      if (rest === "" || rest.startsWith("#")) {
        open = { block, key, indent, line: lineNo };
        maxIndent = Infinity;
        continue;
      }
      const parsed = parseInline(rest, lineNo);
      setPair(block, key, parsed.node, parsed.value);
    } else {
      if (block.node.kind !== "seq") throw OUTSIDE;
      const parsed = parseInline(item![2]!, lineNo);
      block.node.items.push(parsed.node);
      (block.value as unknown[]).push(parsed.value);
    }
    maxIndent = indent;
  }
  if (root === undefined) throw OUTSIDE;
  if (open !== undefined) setPair(open.block, open.key, { kind: "scalar", line: open.line }, null);
  return { node: root.node, value: root.value };
}

/** Gives a key of a block mapping, already placed with its line, its value. */
function setPair(block: Block, key: string, node: PlainNode, value: unknown): void {
  const pairs = (block.node as Extract<PlainNode, { kind: "map" }>).pairs;
  pairs.set(key, { line: pairs.get(key)!.line, node });
  (block.value as Record<string, unknown>)[key] = value;
}

/** A key the subset reads as yaml does: text (not null, a boolean or a number), shorter than YAML's 1,024 limit. */
function isPlainKey(key: string): boolean {
  return key.length <= 1000 && key !== "__proto__" && typeof resolvePlainScalar(key) === "string";
}

/** A one-line value and what may follow it (spaces, then a comment after a space). */
function parseInline(rest: string, line: number): { node: PlainNode; value: unknown } {
  const cursor = { text: rest, at: 0, line };
  const parsed = parseValue(cursor, "block");
  const tail = rest.slice(cursor.at);
  if (!/^(?: *| +#.*)$/.test(tail)) throw OUTSIDE;
  return parsed;
}

interface Cursor {
  text: string;
  at: number;
  line: number;
}

function parseValue(c: Cursor, context: "block" | "flow"): { node: PlainNode; value: unknown } {
  const node: PlainNode = { kind: "scalar", line: c.line };
  const first = c.text[c.at];
  if (first === "{" || first === "[") return parseFlow(c);
  if (first === '"' || first === "'") {
    const end = c.text.indexOf(first, c.at + 1);
    const inner = c.text.slice(c.at + 1, end);
    // Escapes, and a quote doubled inside single quotes, are left to yaml.
    if (end < 0 || inner.includes("\\") || c.text[end + 1] === first) throw OUTSIDE;
    c.at = end + 1;
    return { node, value: inner };
  }
  const start = c.at;
  while (c.at < c.text.length) {
    const ch = c.text[c.at]!;
    if (PLAIN_CHAR.test(ch)) c.at++;
    // A colon inside a plain scalar (dir:name) in block context only; ": " would start a mapping.
    else if (ch === ":" && context === "block" && /[A-Za-z0-9_./-]/.test(c.text[c.at + 1] ?? "")) c.at++;
    else break;
  }
  const raw = c.text.slice(start, c.at);
  const scalar = raw.trimEnd();
  c.at = start + scalar.length;
  // A plain scalar starts with a letter, digit, `_ . + ~ /`, or `-` not followed by a space.
  if (scalar === "" || !/^(?:[A-Za-z0-9_.+~/]|-[^ ])/.test(scalar)) throw OUTSIDE;
  return { node, value: resolvePlainScalar(scalar) };
}

/** A flow mapping or sequence on one line: `{ a: 1, b: [x, y] }`. */
function parseFlow(c: Cursor): { node: PlainNode; value: unknown } {
  const isMap = c.text[c.at] === "{";
  const close = isMap ? "}" : "]";
  const node: PlainNode = isMap
    ? { kind: "map", line: c.line, pairs: new Map() }
    : { kind: "seq", line: c.line, items: [] };
  const value: Record<string, unknown> | unknown[] = isMap ? {} : [];
  c.at++;
  skipSpaces(c);
  if (c.text[c.at] === close) {
    c.at++;
    return { node, value };
  }
  for (;;) {
    if (node.kind === "map") {
      const key = /^[A-Za-z0-9_][A-Za-z0-9_./-]*/.exec(c.text.slice(c.at))?.[0];
      if (key === undefined || !isPlainKey(key)) throw OUTSIDE;
      if (node.pairs.has(key) || c.text.slice(c.at + key.length, c.at + key.length + 2) !== ": ") throw OUTSIDE;
      c.at += key.length + 2;
      skipSpaces(c);
      const entry = parseValue(c, "flow");
      node.pairs.set(key, { line: c.line, node: entry.node });
      (value as Record<string, unknown>)[key] = entry.value;
    } else {
      const entry = parseValue(c, "flow");
      node.items.push(entry.node);
      (value as unknown[]).push(entry.value);
    }
    skipSpaces(c);
    const next = c.text[c.at];
    c.at++;
    if (next === close) return { node, value };
    if (next !== ",") throw OUTSIDE;
    skipSpaces(c);
    // A trailing comma or an empty entry is left to yaml.
    if (c.text[c.at] === close || c.text[c.at] === ",") throw OUTSIDE;
  }
}

function skipSpaces(c: Cursor): void {
  while (c.text[c.at] === " ") c.at++;
}
