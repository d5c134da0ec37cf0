/** One leaf of a metrics file after flattening; strings and booleans are kept so the policy can name them. */
export type MetricLeaf = number | string | boolean | null;

export interface FlattenedMetrics {
  values: ReadonlyMap<string, MetricLeaf>;
}

/** Two different places in a metrics file that flatten to the same dotted key. */
export class DuplicateMetricKeyError extends Error {
  constructor(readonly key: string) {
    super(`two entries flatten to the same metric name "${key}"`);
  }
}

/**
 * Flattens a parsed metrics document into dotted keys, the way DVC names nested metrics:
 * `{"test": {"acc": 0.9}}` → `test.acc`; list items get their index (`folds.0.auc`).
 * Strings spelling a non-finite number (`NaN`, `.nan`, `Infinity`, `-inf`), as Python's json and
 * YAML writers emit them, become the JS number so the gate reports them as non-finite.
 * @throws DuplicateMetricKeyError when `{"a.b": 1, "a": {"b": 2}}` makes a name ambiguous.
 */
export function flattenMetrics(document: unknown): FlattenedMetrics {
  const values = new Map<string, MetricLeaf>();
  const visit = (node: unknown, prefix: string): void => {
    if (Array.isArray(node)) {
      node.forEach((item, index) => visit(item, join(prefix, String(index))));
      return;
    }
    if (node !== null && typeof node === "object" && !(node instanceof Date)) {
      for (const [key, child] of Object.entries(node)) visit(child, join(prefix, key));
      return;
    }
    if (values.has(prefix)) throw new DuplicateMetricKeyError(prefix);
    values.set(prefix, toLeaf(node));
  };
  visit(document, "");
  return { values };
}

function join(prefix: string, key: string): string {
  return prefix === "" ? key : `${prefix}.${key}`;
}

const NON_FINITE: Record<string, number> = {
  nan: Number.NaN,
  ".nan": Number.NaN,
  infinity: Number.POSITIVE_INFINITY,
  "+infinity": Number.POSITIVE_INFINITY,
  inf: Number.POSITIVE_INFINITY,
  ".inf": Number.POSITIVE_INFINITY,
  "+.inf": Number.POSITIVE_INFINITY,
  "-infinity": Number.NEGATIVE_INFINITY,
  "-inf": Number.NEGATIVE_INFINITY,
  "-.inf": Number.NEGATIVE_INFINITY,
};

function toLeaf(value: unknown): MetricLeaf {
  if (typeof value === "number" || typeof value === "boolean" || value === null) return value;
  if (typeof value === "bigint") return Number(value);
  if (value instanceof Date) return value.toISOString();
  const text = String(value);
  const spelled = text.trim().toLowerCase();
  // An own-key test: "constructor" or "__proto__" as a value would otherwise find Object.prototype's.
  return Object.hasOwn(NON_FINITE, spelled) ? NON_FINITE[spelled]! : text;
}
