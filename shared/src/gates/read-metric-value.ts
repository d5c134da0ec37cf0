import type { MetricLeaf } from "../data/flatten-metrics.js";
import { formatNumber } from "../report/format-number.js";

/** A metric looked up in one metrics file: a usable number, or why it is not one. */
export type MetricReading = { ok: true; value: number } | { ok: false; problem: string };

/** Looks a policy metric up in a flattened metrics file and says why it cannot be used when it cannot. */
export function readMetricValue(values: ReadonlyMap<string, MetricLeaf> | undefined, metric: string): MetricReading {
  if (!values) return { ok: false, problem: "no file" };
  if (!values.has(metric)) return { ok: false, problem: "is missing" };
  const leaf = values.get(metric);
  if (typeof leaf !== "number") return { ok: false, problem: `is not a number (${JSON.stringify(leaf).slice(0, 40)})` };
  if (!Number.isFinite(leaf)) return { ok: false, problem: `is not finite (${formatNumber(leaf)})` };
  return { ok: true, value: leaf };
}
