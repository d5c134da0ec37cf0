import type { ValidateFunction } from "ajv";
import type { OpenApiOperation, OpenApiParameter } from "./openapi-description.js";
import { loadOpenApiDescription, resolveLocalRef, toDescriptionRef } from "./openapi-description.js";

interface RequestValidators {
  path: ValidateFunction;
  query: ValidateFunction;
  body?: ValidateFunction;
  bodyRequired: boolean;
}

const cache = new Map<string, RequestValidators>();

/**
 * Checks path parameters, query parameters and the JSON body against one operation of the description.
 * Returns ajv's error text, or undefined when GitHub's description accepts the request.
 */
export function validateRequest(
  template: string,
  method: string,
  operation: OpenApiOperation,
  request: { params: Record<string, string>; query: Record<string, string>; body: unknown },
): string | undefined {
  const validators = requestValidators(template, method.toLowerCase(), operation);
  const { paramAjv, ajv } = loadOpenApiDescription();
  // Coercion rewrites its input; validate copies so handlers still see the strings that were sent.
  if (!validators.path({ ...request.params })) return paramAjv.errorsText(validators.path.errors, { dataVar: "path" });
  if (!validators.query({ ...request.query }))
    return paramAjv.errorsText(validators.query.errors, { dataVar: "query" });
  if (request.body === undefined) return validators.bodyRequired ? "A request body is required." : undefined;
  if (!validators.body) return undefined;
  if (!validators.body(request.body)) return ajv.errorsText(validators.body.errors, { dataVar: "body" });
  return undefined;
}

function requestValidators(template: string, method: string, operation: OpenApiOperation): RequestValidators {
  const key = `${method} ${template}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const { doc, ajv, paramAjv } = loadOpenApiDescription();
  const inPath = paramsSchema();
  // GitHub ignores a query parameter its operation does not declare, but a client sending one is sending something it
  // did not mean to (a token in a URL, a misspelt option): the stand-in lists it as a violation.
  const inQuery = { ...paramsSchema(), additionalProperties: false };
  (operation.parameters ?? []).forEach((raw, index) => {
    const { value, at } = resolveLocalRef<OpenApiParameter>(doc, raw, [
      "paths",
      template,
      method,
      "parameters",
      String(index),
    ]);
    const target = value.in === "path" ? inPath : value.in === "query" ? inQuery : undefined;
    if (!target) return;
    target.properties[value.name] = value.schema === undefined ? {} : { $ref: toDescriptionRef(...at, "schema") };
    if (value.required) target.required.push(value.name);
  });
  const { value: requestBody, at: bodyAt } = operation.requestBody
    ? resolveLocalRef(doc, operation.requestBody, ["paths", template, method, "requestBody"])
    : { value: undefined, at: [] };
  const jsonBody = requestBody?.content?.["application/json"];
  const validators: RequestValidators = {
    path: paramAjv.compile(inPath),
    query: paramAjv.compile(inQuery),
    body:
      jsonBody?.schema === undefined
        ? undefined
        : ajv.compile({ $ref: toDescriptionRef(...bodyAt, "content", "application/json", "schema") }),
    bodyRequired: requestBody?.required === true,
  };
  cache.set(key, validators);
  return validators;
}

function paramsSchema(): { type: "object"; properties: Record<string, object>; required: string[] } {
  return { type: "object", properties: {}, required: [] };
}
