import type { MetricLeaf } from "../data/metrics/flatten-metrics.js";
import { formatNumber } from "../core/format-number.js";

/**
 * A metric looked up in one metrics file: a usable number, or why it is not one. `problem` is the
 * predicate of a sentence about the metric ("is missing from c.json"); `fix` says what to change.
 */
export type MetricReading =
  { ok: true; value: number } | { ok: false; problem: string; fix?: string; undefinedMetric?: true };

/**
 * Looks a policy metric up in a flattened metrics file and says why it cannot be used when it cannot,
 * naming `file` (as the user gave it) so the message points at what to fix. A metric computed from predictions
 * that leave it undefined (`undefinedReasons`: precision with no predicted positive, R² of constant labels) is
 * `undefinedMetric`, with the reason: the gate does not substitute scikit-learn's stand-in value.
 */
export function readMetricValue(
  values: ReadonlyMap<string, MetricLeaf> | undefined,
  metric: string,
  file = "the metrics file",
  undefinedReasons?: ReadonlyMap<string, string>,
): MetricReading {
  if (!values) return { ok: false, problem: "no file" };
  const undefinedReason = values.has(metric) ? undefined : undefinedReasons?.get(metric);
  if (undefinedReason !== undefined) {
    return {
      ok: false,
      problem: `cannot be computed from ${file}: ${undefinedReason.replace(/\.$/, "")}`,
      fix: `Remove this rule, or evaluate on examples where ${metric} is defined.`,
      undefinedMetric: true,
    };
  }
  if (!values.has(metric)) {
    return {
      ok: false,
      problem: `is missing from ${file}`,
      fix: `Check the metric name in the policy (nested keys become dotted names, e.g. test.accuracy) and that the evaluation writes ${metric} to ${file}.`,
    };
  }
  const leaf = values.get(metric);
  if (typeof leaf !== "number") {
    return {
      ok: false,
      problem: `in ${file} is not a number (${JSON.stringify(leaf).slice(0, 40)})`,
      fix: `Write ${metric} as a plain number in ${file}.`,
    };
  }
  if (!Number.isFinite(leaf)) {
    // Python's json.dump writes a failed metric (e.g. AUC with one class) as a bare NaN or Infinity token.
    return {
      ok: false,
      problem: `in ${file} is not finite (${formatNumber(leaf)})`,
      fix: `Find why the evaluation that wrote ${file} produced ${formatNumber(leaf)} for ${metric} (often an empty or one-class evaluation set) and write a finite number.`,
    };
  }
  return { ok: true, value: leaf };
}
