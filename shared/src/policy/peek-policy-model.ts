import { parseStructuredText } from "../data/parse-structured-text.js";
import { MODEL_NAME_PATTERN } from "./policy-schema.js";

/**
 * The `model:` of a policy text, read without validating the rest, so a run whose policy is broken
 * still updates the same sticky comment (keyed by the model) instead of leaving a stale verdict there.
 */
export function peekPolicyModel(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  try {
    const value = parseStructuredText(text).value as { model?: unknown } | null;
    const model = value && typeof value === "object" ? value.model : undefined;
    return typeof model === "string" && MODEL_NAME_PATTERN.test(model) ? model : undefined;
  } catch {
    return undefined;
  }
}
