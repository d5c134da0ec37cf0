import type { Predictions } from "../data/predictions/predictions.js";
import { PolicyError } from "../core/modelgate-error.js";
import type { MetricPolicy } from "./evaluate-policy-schema.js";
import { SIGNIFICANCE_RULES } from "./evaluate-policy-schema.js";
import type { EvaluateCheck } from "./gate-result.js";
import type { SignificanceTask } from "./judge-significance.js";
import { SIGNIFICANCE_METRICS, significanceValues } from "./significance-metric.js";
import type { SignificanceRuleKind } from "../stats/to-significance-margin.js";
import { ownEntry } from "../core/own-entry.js";

/** Both models' predictions of the same examples, row i the same example (`pairPredictions`), or only the candidate's. */
export interface EvaluationPredictions {
  candidate: Predictions;
  baseline?: Predictions;
  /** Why there are no baseline predictions when the baseline's source says (a registry version that stores none). */
  baselineMissing?: string;
}

const KINDS: readonly string[] = SIGNIFICANCE_RULES;

/**
 * The significance tasks among one set of checks: every baseline rule whose metric has `significance:` and whose
 * plain check compared two values. A rule that cannot be tested (a metric without a paired test, a method that does
 * not fit it) is a policy error naming the key; a rule without both models' predictions becomes a task that fails
 * and says why. `policyPath` locates the metrics in the policy (`evaluate.metrics` or a slice's `metrics`).
 */
export function collectSignificanceTasks(
  checks: readonly EvaluateCheck[],
  metrics: Readonly<Record<string, MetricPolicy>>,
  evaluation: EvaluationPredictions | undefined,
  policyFile: string,
  policyPath: string,
): { index: number; task: SignificanceTask }[] {
  const tasks: { index: number; task: SignificanceTask }[] = [];
  checks.forEach((check, index) => {
    const rules = ownEntry(metrics, check.metric);
    if (!rules || rules.significance === undefined || !KINDS.includes(check.rule)) return;
    const spec = requireTestable(check.metric, rules, policyFile, `${policyPath}.${check.metric}`);
    // A missing candidate already fails the plain check; a missing baseline value makes it a warning (contract §3).
    if (check.value === null || check.baseline === null) return;
    tasks.push({
      index,
      task: {
        check,
        rules,
        kind: check.rule as SignificanceRuleKind,
        metric: spec.metric,
        data: pairedData(spec, evaluation),
      },
    });
  });
  return tasks;
}

function requireTestable(metric: string, rules: MetricPolicy, file: string, path: string) {
  const spec = ownEntry(SIGNIFICANCE_METRICS, metric);
  if (!spec) {
    throw new PolicyError(
      `${file}: ${path} asks for significance, but ${metric} has no paired test.`,
      `Use significance on ${Object.keys(SIGNIFICANCE_METRICS).join(", ")} (computed from candidate-predictions and baseline-predictions), or remove significance from ${metric}.`,
      { file, path: `${path}.significance` },
    );
  }
  if (rules.method !== undefined && rules.method !== spec.method) {
    throw new PolicyError(
      `${file}: ${path}.method is ${rules.method}, but ${metric} is tested with ${spec.method === "delong" ? "DeLong's test" : "the paired bootstrap"}.`,
      `Set method: ${spec.method} or leave method out.`,
      { file, path: `${path}.method` },
    );
  }
  return spec;
}

function pairedData(
  spec: (typeof SIGNIFICANCE_METRICS)[string],
  evaluation: EvaluationPredictions | undefined,
): SignificanceTask["data"] {
  if (!evaluation?.baseline) {
    if (evaluation?.baselineMissing !== undefined) return { missing: evaluation.baselineMissing };
    const which = evaluation ? "baseline-predictions" : "candidate-predictions and baseline-predictions";
    return {
      missing: `it compares both models on the same examples, so it needs ${which} (the metrics files alone give no per-example data).`,
    };
  }
  const candidate = significanceValues(spec, evaluation.candidate);
  const baseline = significanceValues(spec, evaluation.baseline);
  if (typeof candidate === "string") return { missing: candidate };
  if (typeof baseline === "string") return { missing: baseline };
  return { yTrue: evaluation.candidate.labels, candidate, baseline };
}
