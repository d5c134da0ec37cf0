import { MODEL_NAME_PATTERN } from "./policy-schema.js";

/**
 * The `model:` of a parsed policy document, read without validating the rest, so a run whose policy is
 * invalid still updates the sticky comment keyed by its model instead of leaving a stale verdict there.
 */
export function readPolicyModel(document: unknown): string | undefined {
  const model = document !== null && typeof document === "object" ? (document as { model?: unknown }).model : undefined;
  return typeof model === "string" && MODEL_NAME_PATTERN.test(model) ? model : undefined;
}
