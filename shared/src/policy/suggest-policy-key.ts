import { dataPolicySchemas } from "../validate/data-policy-schema.js";
import { FAIRNESS_METRICS } from "../fairness/fairness-metrics.js";
import { fairnessPolicySchemas } from "../fairness/fairness-policy-schema.js";
import { evaluatePolicySchemas } from "../evaluate/evaluate-policy-schema.js";
import { policySchema } from "./policy-schema.js";
import { registryPolicySchemas } from "../registry/registry-policy-schema.js";

/** The keys the policy schema allows in the mapping at `path`; empty where it does not fix them. */
function knownKeysAt(path: ReadonlyArray<PropertyKey>): string[] {
  if (path.length === 0) return Object.keys(policySchema().shape);
  if (path.length === 1 && path[0] === "evaluate")
    return Object.keys(evaluatePolicySchemas().EvaluatePolicySchema.shape);
  if (path.length === 3 && path[0] === "evaluate" && path[1] === "metrics")
    return Object.keys(evaluatePolicySchemas().MetricPolicySchema.shape);
  if (path.length === 1 && path[0] === "data") return Object.keys(dataPolicySchemas().DataPolicySchema.shape);
  if (path.length === 3 && path[0] === "data" && path[1] === "schema")
    return Object.keys(dataPolicySchemas().ColumnSchemaSchema.shape);
  if (path.length === 2 && path[0] === "data" && path[1] === "drift")
    return Object.keys(dataPolicySchemas().DriftPolicySchema.shape);
  if (path.length === 4 && path[0] === "data" && path[1] === "drift" && path[2] === "columns")
    return Object.keys(dataPolicySchemas().ColumnDriftSchema.shape);
  if (path.length === 1 && path[0] === "fairness")
    return Object.keys(fairnessPolicySchemas().FairnessPolicySchema.shape);
  if (path.length === 2 && path[0] === "fairness" && path[1] === "metrics") return [...FAIRNESS_METRICS];
  if (path.length === 3 && path[0] === "fairness" && path[1] === "metrics")
    return Object.keys(fairnessPolicySchemas().FairnessRuleSchema.shape);
  if (path.length === 1 && path[0] === "registry")
    return Object.keys(registryPolicySchemas().RegistryPolicySchema.shape);
  if (path.length === 3 && path[0] === "registry" && path[1] === "stages")
    return Object.keys(registryPolicySchemas().StagePolicySchema.shape);
  if (path.length === 4 && path[0] === "registry" && path[1] === "stages" && path[3] === "checks")
    return Object.keys(registryPolicySchemas().RequiredChecksPolicySchema.shape);
  return [];
}

/**
 * The allowed key an unknown policy key most likely means, for a "did you mean" hint: the same
 * words with `_` or spaces for `-` or in another case (`max_regression`), else a key at most two
 * edits away that is not mostly edits (`directon`, but not `mn` for `min`).
 */
export function suggestPolicyKey(key: string, path: ReadonlyArray<PropertyKey>): string | undefined {
  const known = knownKeysAt(path);
  const normalized = key
    .trim()
    .toLowerCase()
    .replace(/[_\s]+/g, "-");
  if (known.includes(normalized)) return normalized;
  let best: string | undefined;
  let bestDistance = Math.min(3, Math.ceil(normalized.length / 3));
  for (const candidate of known) {
    // Metric names use "_", rule keys "-": compare the key as written too.
    const distance = Math.min(editDistance(normalized, candidate), editDistance(key.trim(), candidate));
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best;
}

/** Levenshtein distance: insertions, deletions and substitutions, one row at a time. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = row;
  }
  return previous[b.length]!;
}
