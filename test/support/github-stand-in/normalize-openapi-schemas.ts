/**
 * Rewrites GitHub's OpenAPI 3.0 schemas, in place, into JSON Schema that ajv reads the way GitHub means it.
 *
 * ajv 8 honours `nullable: true` only beside a `type`: without one it refuses to compile (135 such schemas, e.g.
 * `{ nullable: true, allOf: [{ $ref: simple-user }] }`), and beside an `enum` it still rejects null because the enum
 * lacks it (71 schemas, e.g. `check-run.conclusion`). Wrapping every nullable schema as `anyOf: [schema, null]`
 * fixes both with one rule.
 *
 * `per_page` says "(max 100)" only in prose on most operations; GitHub silently clamps larger values, so a client
 * asking for 101 gets 100 and believes it saw everything. The stand-in makes that bug loud with `maximum: 100`.
 */
export function normalizeOpenApiSchemas(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) normalizeOpenApiSchemas(item);
    return;
  }
  if (!isObject(node)) return;
  for (const [key, value] of Object.entries(node)) {
    // Examples are data, not schemas: a `nullable` key inside one must stay as written.
    if (key === "example" || key === "examples") continue;
    normalizeOpenApiSchemas(value);
  }
  if (node.name === "per_page" && node.in === "query" && isObject(node.schema)) {
    node.schema.minimum ??= 1;
    node.schema.maximum ??= 100;
  }
  if (node.nullable === true) wrapNullable(node);
}

function wrapNullable(schema: Record<string, unknown>): void {
  const { description, title, ...rest } = schema;
  delete rest.nullable;
  for (const key of Object.keys(schema)) delete schema[key];
  Object.assign(schema, { anyOf: [rest, { type: "null" }] });
  if (title !== undefined) schema.title = title;
  if (description !== undefined) schema.description = description;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
