import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Ajv } from "ajv";
import ajvFormats from "ajv-formats";
import { normalizeOpenApiSchemas } from "./normalize-openapi-schemas.js";

export interface OpenApiParameter {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required?: boolean;
  schema?: unknown;
  "x-multi-segment"?: boolean;
  $ref?: string;
}

export interface OpenApiOperation {
  operationId: string;
  parameters?: OpenApiParameter[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: unknown }>; $ref?: string };
  responses: Record<string, { $ref?: string; content?: Record<string, { schema?: unknown }> }>;
  externalDocs?: { url: string };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: Record<string, Record<string, unknown>>;
}

export interface OpenApiDescription {
  doc: OpenApiDocument;
  /** Validates bodies and responses as JSON, exactly. */
  ajv: Ajv;
  /** Validates path and query parameters, which arrive as strings: coerces "5" to 5 and "a" to ["a"]. */
  paramAjv: Ajv;
}

/** Name under which the whole description is registered in both ajv instances, for `$ref: "<id>#/pointer"`. */
export const DESCRIPTION_ID = "api.github.com";

let loaded: OpenApiDescription | undefined;

/**
 * GitHub's REST description, read and prepared once per process on first use (about 0.5 s for 13 MB).
 * Schemas are compiled later, per operation: compiling the whole description takes far longer than a test run.
 */
export function loadOpenApiDescription(): OpenApiDescription {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  const file = require.resolve("@octokit/openapi/generated/api.github.com.json");
  const doc = JSON.parse(readFileSync(file, "utf8")) as OpenApiDocument;
  normalizeOpenApiSchemas(doc.paths);
  normalizeOpenApiSchemas(doc.components);
  loaded = { doc, ajv: createAjv(doc, false), paramAjv: createAjv(doc, "array") };
  return loaded;
}

function createAjv(doc: OpenApiDocument, coerceTypes: false | "array"): Ajv {
  // validateSchema: false: the document is not a JSON Schema and its meta-check would only cost time.
  const ajv = new Ajv({ strict: false, allErrors: true, coerceTypes, validateSchema: false });
  ajvFormats.default(ajv);
  // OpenAPI's own formats and GitHub's extras; ajv-formats knows none of them.
  for (const format of ["int32", "int64", "double", "binary", "timestamp", "repo.nwo"]) ajv.addFormat(format, true);
  ajv.addSchema(doc as unknown as object, DESCRIPTION_ID);
  return ajv;
}

/** JSON pointer (RFC 6901) reference into the registered description. */
export function toDescriptionRef(...segments: string[]): string {
  const pointer = segments.map((segment) => segment.replace(/~/g, "~0").replace(/\//g, "~1")).join("/");
  return `${DESCRIPTION_ID}#/${pointer}`;
}

/** Follows a local `$ref` ("#/components/parameters/per-page") to its object and the pointer segments it sits at. */
export function resolveLocalRef<T>(
  doc: OpenApiDocument,
  value: T & { $ref?: string },
  at: string[],
): { value: T; at: string[] } {
  if (typeof value.$ref !== "string") return { value, at };
  const segments = value.$ref
    .replace(/^#\//, "")
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
  let node: unknown = doc;
  for (const segment of segments) node = (node as Record<string, unknown>)[segment];
  return { value: node as T, at: segments };
}
