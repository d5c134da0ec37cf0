import { ownEntry } from "../core/own-entry.js";
import { PolicyError } from "../core/modelgate-error.js";
import type { FairnessPolicy } from "./fairness-policy-schema.js";
import type { SensitiveColumn } from "./group-cells.js";

/**
 * Refuses a disparate_impact rule that could not judge anything: AIF360's ratio is taken against a privileged group,
 * so a rule with no privileged group for any sensitive column would gate nothing, and a privileged value no row has
 * would leave its column undecided for a reason the report could not name.
 * @throws PolicyError naming fairness.privileged (and the column), the value, the column's groups and the fix.
 */
export function checkPrivileged(
  fairness: FairnessPolicy,
  sensitive: readonly SensitiveColumn[],
  file: string,
  lineOf?: (path: ReadonlyArray<string>) => number | undefined,
): void {
  if (!fairness.metrics.disparate_impact) return;
  const named = Object.keys(fairness.privileged);
  const at = (path: string[]) => ({
    file,
    path: path.join("."),
    ...(lineOf?.(path) !== undefined && { line: lineOf(path) }),
  });
  for (const column of sensitive) {
    const value = ownEntry(fairness.privileged, column.name);
    if (value === undefined || column.dictionary.includes(value)) continue;
    const groups = column.dictionary
      .slice(0, 10)
      .map((group) => JSON.stringify(group))
      .join(", ");
    throw new PolicyError(
      `${file}: fairness.privileged.${column.name} is ${JSON.stringify(value)}, which no row of the sensitive column "${column.name}" has (its groups: ${groups}${column.dictionary.length > 10 ? ", …" : ""}).`,
      `Set fairness.privileged.${column.name} to one of the column's groups, spelled exactly as in the data.`,
      at(["fairness", "privileged", column.name]),
    );
  }
  if (sensitive.some((column) => ownEntry(fairness.privileged, column.name) !== undefined)) return;
  const columns = sensitive.map((column) => column.name).join(", ");
  throw new PolicyError(
    `${file}: fairness.metrics.disparate_impact needs a privileged group, but fairness.privileged names none of the sensitive columns (${columns})${named.length > 0 ? `; it names ${named.map((name) => JSON.stringify(name)).join(", ")}` : ""}.`,
    `Add the privileged group of a sensitive column, e.g. fairness.privileged: { ${sensitive[0]?.name ?? "column"}: <group> }, or remove disparate_impact.`,
    at(named.length > 0 ? ["fairness", "privileged"] : ["fairness", "metrics", "disparate_impact"]),
  );
}
