import path from "node:path";
import { DataError } from "../../core/modelgate-error.js";
import { findJsonSyntaxError } from "../files/find-json-syntax-error.js";
import { DuplicateMetricKeyError, flattenMetrics } from "./flatten-metrics.js";
import type { MetricLeaf } from "./flatten-metrics.js";
import { parsePlainJson } from "../files/parse-plain-json.js";
import { parseStructuredText, StructuredTextSyntaxError } from "../files/parse-structured-text.js";
import { readInputFile } from "../files/read-input-file.js";
import type { FileAccess } from "../files/resolve-input-path.js";

/** A metrics file (JSON or YAML, DVC's format as it is) flattened to dotted metric names. */
export interface MetricsFile {
  name: string;
  sha256: string;
  values: ReadonlyMap<string, MetricLeaf>;
  /** Metrics computed from predictions that these predictions leave undefined, with the reason (never a stand-in number). */
  undefinedMetrics?: ReadonlyMap<string, string>;
}

const FORMATS: Record<string, string> = { ".json": "JSON", ".yaml": "YAML", ".yml": "YAML" };

/**
 * Reads and flattens a metrics file named by an input.
 * @throws DataError naming the file and the fix for a missing, empty, non-JSON/YAML, non-mapping or ambiguous file.
 */
export async function readMetricsFile(spec: string, access: FileAccess, input: string): Promise<MetricsFile> {
  const file = await readInputFile(spec, access, input);
  return parseMetricsText(file.text, file.name, file.sha256, input);
}

/** Parses the text of a metrics file; the pure half of `readMetricsFile`. */
export function parseMetricsText(text: string, name: string, sha256: string, input: string): MetricsFile {
  const extension = path.extname(name.replace(/^git:[^:]*:/, "")).toLowerCase();
  const format = FORMATS[extension];
  if (!format) {
    throw new DataError(
      `Input "${input}": ${name} has extension "${extension || "(none)"}"; metrics files must be .json, .yaml or .yml.`,
      `Write the metrics as JSON or YAML (DVC metrics files work as they are) and name the file accordingly.`,
      { input, file: name },
    );
  }
  // Most .json metrics files are plain JSON, which JSON.parse reads as the YAML parser would, in a fraction of the time.
  const plain = format === "JSON" ? parsePlainJson(text) : undefined;
  if (plain !== undefined) return flattenMetricsFile(plain, name, sha256, input);
  let document: unknown;
  let syntax: StructuredTextSyntaxError | undefined;
  try {
    document = parseStructuredText(text).value;
  } catch (error) {
    if (!(error instanceof StructuredTextSyntaxError)) throw error;
    syntax = error;
  }
  // JSON is parsed as the YAML subset it is, and YAML also takes what JSON refuses ({accuracy: } reads as null, a
  // stray word as a string): a .json file must be JSON, with Python's bare NaN and Infinity allowed.
  const json = format === "JSON" ? findJsonSyntaxError(text.replace(/^\uFEFF/, "")) : undefined;
  if (syntax || json) {
    const [line, column] = json?.line ? [json.line, json.column] : [syntax?.line, syntax?.column];
    const where = line ? ` at line ${line}${column ? `, column ${column}` : ""}` : "";
    throw new DataError(
      `Input "${input}": ${name} is not valid ${format}${where}: ${json?.reason ?? syntax?.message}.`,
      `Fix the ${format} syntax in ${name}.`,
      {
        input,
        file: name,
        line,
      },
    );
  }
  if (document === null || typeof document !== "object" || Array.isArray(document)) {
    throw new DataError(
      `Input "${input}": ${name} must hold a mapping of metric names to values, not ${Array.isArray(document) ? "a list" : typeof document}.`,
      `Write it as {"accuracy": 0.91, "f1": 0.88} (nested objects become dotted names).`,
      { input, file: name },
    );
  }
  return flattenMetricsFile(document, name, sha256, input);
}

function flattenMetricsFile(document: object, name: string, sha256: string, input: string): MetricsFile {
  try {
    return { name, sha256, values: flattenMetrics(document).values };
  } catch (error) {
    if (!(error instanceof DuplicateMetricKeyError)) throw error;
    throw new DataError(
      `Input "${input}": in ${name}, ${error.message}.`,
      `Rename one of them so every dotted metric name is unique.`,
      {
        input,
        file: name,
        path: error.key,
      },
    );
  }
}
