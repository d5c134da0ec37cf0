/** A path pattern of a `inputs` / `outputs` / `params` line, compiled. */
export interface GlobPattern {
  /** The line as the user wrote it (without a leading `!`). */
  text: string;
  /** `!pattern` lines remove what earlier lines matched. */
  negated: boolean;
  /** The leading segments without glob characters: where a walk starts. */
  base: string;
  /** Null for a literal path (a file or a folder hashed as a whole). */
  regexp: RegExp | null;
}

const GLOB_CHARS = /[*?[]/;

/**
 * Compiles one pattern, relative to the working directory, `/`-separated: `*` and `?` match within one
 * segment, `**` any number of segments, `[abc]` a character class (the subset of @actions/glob's syntax
 * that workflows use). Dot files match like any other file.
 */
export function parseGlobPattern(line: string): GlobPattern {
  const negated = line.startsWith("!");
  const text =
    (negated ? line.slice(1) : line)
      .trim()
      .replace(/\\/g, "/")
      .replace(/^(\.\/)+/, "")
      .replace(/\/+$/, "") || ".";
  const segments = text.split("/");
  const firstGlob = segments.findIndex((s) => GLOB_CHARS.test(s));
  if (firstGlob < 0) return { text, negated, base: text, regexp: null };
  const base = segments.slice(0, firstGlob).join("/") || ".";
  let source = "";
  segments.forEach((segment, i) => {
    const last = i === segments.length - 1;
    if (segment === "**") source += last ? ".*" : "(?:[^/]+/)*";
    else source += segmentSource(segment) + (last ? "" : "/");
  });
  return { text, negated, base, regexp: new RegExp(`^${source}$`) };
}

/** Splits a multi-line input into pattern lines, skipping blank lines and `#` comments. */
export function parsePatternLines(value: string): GlobPattern[] {
  return value
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== "" && !l.startsWith("#"))
    .map(parseGlobPattern);
}

function segmentSource(segment: string): string {
  let out = "";
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i]!;
    if (c === "*") out += "[^/]*";
    else if (c === "?") out += "[^/]";
    else if (c === "[") {
      const end = segment.indexOf("]", i + 1);
      if (end < 0) out += "\\[";
      else {
        out += `[${segment
          .slice(i + 1, end)
          .replace(/^!/, "^")
          .replace(/\\/g, "\\\\")}]`;
        i = end;
      }
    } else out += c.replace(/[.+^${}()|\\]/g, "\\$&");
  }
  return out;
}
