import type { ValidateFunction } from "ajv";
import type { OpenApiOperation } from "./openapi-description.js";
import { loadOpenApiDescription, resolveLocalRef, toDescriptionRef } from "./openapi-description.js";

const cache = new Map<string, ValidateFunction | null>();

/**
 * Checks one of the stand-in's own JSON answers against the description's schema for that status, so the stand-in
 * proves it answers in GitHub's shapes. Returns ajv's error text, or undefined when it matches or no schema exists.
 */
export function validateResponse(
  template: string,
  method: string,
  operation: OpenApiOperation,
  status: number,
  body: unknown,
): string | undefined {
  const validate = responseValidator(template, method.toLowerCase(), operation, status);
  if (!validate || validate(body)) return undefined;
  return loadOpenApiDescription().ajv.errorsText(validate.errors, { dataVar: "response" });
}

function responseValidator(
  template: string,
  method: string,
  operation: OpenApiOperation,
  status: number,
): ValidateFunction | null {
  const key = `${method} ${template} ${status}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const { doc, ajv } = loadOpenApiDescription();
  const raw = operation.responses[String(status)];
  let validate: ValidateFunction | null = null;
  if (raw) {
    const { value, at } = resolveLocalRef(doc, raw, ["paths", template, method, "responses", String(status)]);
    if (value.content?.["application/json"]?.schema !== undefined) {
      validate = ajv.compile({ $ref: toDescriptionRef(...at, "content", "application/json", "schema") });
    }
  }
  cache.set(key, validate);
  return validate;
}
