import { parsePlainYaml } from "./parse-plain-yaml.js";
import { parseYamlDocument } from "./parse-yaml-document.js";
import type { StructuredDocument } from "./structured-document.js";

export type { StructuredDocument } from "./structured-document.js";

export { StructuredTextSyntaxError } from "./structured-text-syntax-error.js";

/**
 * Parses JSON or YAML 1.2 (JSON is parsed as the YAML subset it is) with duplicate keys refused and alias expansion
 * capped (`parseYamlDocument`). A text in the plain subset most policies are written in is read without the `yaml`
 * package, whose first parse costs every gate's start-up about 15 ms: same value, same lines (`parsePlainYaml`).
 * @throws StructuredTextSyntaxError on any syntax error or duplicate key, an alias bomb, an unknown tag, or a value
 * JSON has no type for.
 */
export function parseStructuredText(text: string): StructuredDocument {
  return parsePlainYaml(text) ?? parseYamlDocument(text);
}
