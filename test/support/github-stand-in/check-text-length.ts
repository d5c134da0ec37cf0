import { validationFailed } from "./error-bodies.js";
import type { StandInResponse } from "./stand-in-types.js";

/**
 * A length limit GitHub enforces on free text without stating it in the description, answered as GitHub does:
 * 422 "Validation Failed", e.g. "body is too long (maximum is 65536 characters)". Returns undefined within the limit.
 */
export function checkTextLength(
  text: string,
  limit: { resource: string; field: string; maximum: number },
  documentationUrl: string,
): StandInResponse | undefined {
  // GitHub counts characters (code points), not UTF-16 units: an emoji is one character there, two in `.length`.
  if (Array.from(text).length <= limit.maximum) return undefined;
  return validationFailed(documentationUrl, {
    resource: limit.resource,
    code: "custom",
    field: limit.field,
    message: `${limit.field} is too long (maximum is ${limit.maximum} characters)`,
  });
}
