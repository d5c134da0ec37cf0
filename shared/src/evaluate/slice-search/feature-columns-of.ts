import type { EvaluatePolicy } from "../evaluate-policy-schema.js";

/**
 * The feature columns the predictions reader should read for the slice search: the policy's list, none when the
 * search is off (`slice-search: false`) or the policy has no evaluate section, else "others" (every column besides
 * the prediction roles).
 */
export function featureColumnsOf(policy: EvaluatePolicy | undefined): "others" | readonly string[] | undefined {
  const search = policy?.["slice-search"];
  if (!policy || search === false) return undefined;
  return search?.columns ?? "others";
}
