import type { Predictions } from "../data/predictions/predictions.js";
import type { EvaluatePolicy, MetricPolicy } from "./evaluate-policy-schema.js";
import type { EvaluationPredictions } from "./collect-significance-tasks.js";
import { computeChange } from "../core/compute-change.js";
import { computePredictionMetrics, type SkippedMetric } from "./compute-prediction-metrics.js";
import { evaluateMetricRules } from "./evaluate-metric-rules.js";
import type { MissingBaseline } from "./evaluate-metric-rules.js";
import type { EvaluateCheck } from "./gate-result.js";
import type { UngatedMetric } from "../core/check.js";
import { readMetricValue } from "./read-metric-value.js";
import { gather } from "../stats/gather.js";

/** Slices smaller than this are reported, not gated (issue default, like the fairness groups). */
export const DEFAULT_SLICE_MIN_SIZE = 30;

/** One slice's plain checks and what its significance checks need. */
export interface EvaluatedSlice {
  slice: string;
  columns: string[];
  rows: number;
  minSize: number;
  gated: boolean;
  metrics: UngatedMetric[];
  checks: EvaluateCheck[];
  rules: Readonly<Record<string, MetricPolicy>>;
  /** Where the slice's rules are written, e.g. `evaluate.slices.0.metrics` or `evaluate.metrics`. */
  policyPath: string;
  evaluation: EvaluationPredictions;
}

/**
 * Splits the evaluation set by every slice spec (one column, or the combination of several) and judges each slice
 * of at least `min-size` examples with the spec's rules (default: the gate's), computing both models' metrics on the
 * slice's examples exactly as for the whole set. Smaller slices get their metrics, not checks. Slices come in
 * spec order, then by slice value; missing values form their own slice, "(missing)".
 */
export function evaluateSlices(
  policy: EvaluatePolicy,
  evaluation: EvaluationPredictions,
  missing?: MissingBaseline,
): EvaluatedSlice[] {
  const out: EvaluatedSlice[] = [];
  for (const [specIndex, spec] of (policy.slices ?? []).entries()) {
    const columns = typeof spec.column === "string" ? [spec.column] : spec.column;
    const minSize = spec["min-size"] ?? policy["slice-min-size"] ?? DEFAULT_SLICE_MIN_SIZE;
    const rules = spec.metrics ?? policy.metrics;
    const policyPath = spec.metrics ? `evaluate.slices.${specIndex}.metrics` : "evaluate.metrics";
    for (const [slice, rows] of groupRows(evaluation.candidate, columns)) {
      out.push(judgeSlice({ slice, columns, rows, minSize, rules, policyPath }, evaluation, missing));
    }
  }
  return out;
}

interface SliceFrame {
  slice: string;
  columns: string[];
  rows: Int32Array;
  minSize: number;
  rules: Readonly<Record<string, MetricPolicy>>;
  policyPath: string;
}

function judgeSlice(frame: SliceFrame, evaluation: EvaluationPredictions, missing?: MissingBaseline): EvaluatedSlice {
  const candidate = subset(evaluation.candidate, frame.rows);
  const baseline = evaluation.baseline && subset(evaluation.baseline, frame.rows);
  const candidateMetrics = computePredictionMetrics(candidate);
  const baselineMetrics = baseline && computePredictionMetrics(baseline);
  const candidateValues = candidateMetrics.metrics;
  const baselineValues = baselineMetrics?.metrics;
  const reasons = (skipped: SkippedMetric[]) => new Map(skipped.map(({ metric, reason }) => [metric, reason]));
  const candidateUndefined = reasons(candidateMetrics.skipped);
  const baselineUndefined = baselineMetrics && reasons(baselineMetrics.skipped);
  const gated = frame.rows.length >= frame.minSize;
  const checks: EvaluateCheck[] = [];
  const metrics: UngatedMetric[] = [];
  for (const [metric, rules] of Object.entries(frame.rules)) {
    const value = candidateValues.get(metric) ?? null;
    const base = baselineValues?.get(metric) ?? null;
    metrics.push({ metric, value, baseline: base, ...computeChange(value, base) });
    if (!gated) continue;
    const name = `${candidate.name} [${frame.slice}]`;
    const candidateReading = readMetricValue(candidateValues, metric, name, candidateUndefined);
    const baselineReading = readMetricValue(
      baselineValues,
      metric,
      baseline && `${baseline.name} [${frame.slice}]`,
      baselineUndefined,
    );
    for (const check of evaluateMetricRules(metric, rules, candidateReading, baselineReading, missing)) {
      checks.push({ ...check, name: `${check.name}[${frame.slice}]`, slice: frame.slice });
    }
  }
  return {
    slice: frame.slice,
    columns: frame.columns,
    rows: frame.rows.length,
    minSize: frame.minSize,
    gated,
    metrics,
    checks,
    rules: frame.rules,
    policyPath: frame.policyPath,
    evaluation: baseline ? { candidate, baseline } : { candidate },
  };
}

/** Row numbers of each slice value tuple, in order of the sorted slice names. */
function groupRows(predictions: Predictions, columns: readonly string[]): [string, Int32Array][] {
  const values = columns.map((column) => predictions.slices?.get(column));
  const groups = new Map<string, number[]>();
  for (let row = 0; row < predictions.rows; row++) {
    const slice = columns.map((column, i) => `${column}=${values[i]?.[row] ?? "(missing)"}`).join(", ");
    let rows = groups.get(slice);
    if (!rows) groups.set(slice, (rows = []));
    rows.push(row);
  }
  return [...groups]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([slice, rows]) => [slice, Int32Array.from(rows)]);
}

function subset(predictions: Predictions, rows: Int32Array): Predictions {
  const take = (values: Float64Array) => gather(values, rows);
  const { ids, scores } = predictions;
  return {
    task: predictions.task,
    input: predictions.input,
    name: predictions.name,
    sha256: predictions.sha256,
    rows: rows.length,
    labels: take(predictions.labels),
    predictions: take(predictions.predictions),
    warnings: [],
    ...(ids && { ids: Array.from(rows, (row) => ids[row] as string) }),
    ...(scores && { scores: take(scores) }),
  };
}

/** Every column the policy slices by, each once, for the predictions reader. */
export function sliceColumnsOf(policy: EvaluatePolicy | undefined): string[] {
  return [
    ...new Set(
      (policy?.slices ?? []).flatMap((spec) => (typeof spec.column === "string" ? [spec.column] : spec.column)),
    ),
  ];
}
