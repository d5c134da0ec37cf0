import type { PredictionSources } from "../data/load-prediction-metrics.js";
import type { MetricsFile } from "../data/read-metrics-file.js";
import { PolicyError } from "../errors/modelgate-error.js";
import { evaluateExplanations } from "../explain/evaluate-explanations.js";
import type { ExplanationInputs } from "../explain/evaluate-explanations.js";
import type { Policy } from "../policy/policy-schema.js";
import { computeChange } from "./compute-change.js";
import { evaluateMetricRules } from "./evaluate-metric-rules.js";
import type { EvaluateCheck, GateResult, PolicyProvenance, UngatedMetric } from "./gate-result.js";
import { readMetricValue } from "./read-metric-value.js";
import { verdictOrder, worstVerdict } from "./verdict.js";

export interface EvaluateGateInput {
  policy: Policy;
  policyProvenance: PolicyProvenance;
  /** Distinguishes several evaluate gates in one PR; defaults to the policy's model. */
  key?: string;
  candidate: MetricsFile;
  baseline?: MetricsFile;
  /** Set when some metrics were computed from predictions files; `candidate`/`baseline` already hold them. */
  predictions?: PredictionSources;
  /** Both models' explanations, when given; summarized in the result and gated by `evaluate.explanations`. */
  explanations?: ExplanationInputs;
  /** Line lookup in the deciding policy file, so each check can say where its rule is written. */
  policyLineOf?: (path: ReadonlyArray<string>) => number | undefined;
  /** Sentences about how the policy was chosen, shown with the result. */
  notes?: readonly string[];
}

/**
 * Judges a candidate's metrics against a baseline under the policy's `evaluate:` rules (contract §3).
 * Pure: files are already read; the result carries everything every surface renders.
 * @throws PolicyError when the policy has no `evaluate:` section, since the gate could not decide anything.
 */
export function evaluateGate(input: EvaluateGateInput): GateResult {
  const { policy, candidate, baseline, predictions } = input;
  if (!policy.evaluate) {
    throw new PolicyError(
      `${input.policyProvenance.file} has no evaluate: section, so evaluate-gate has no rule to apply.`,
      `Add an evaluate: section with metrics and their rules, e.g. evaluate: { metrics: { accuracy: { direction: higher, min: 0.8 } } }.`,
      { file: input.policyProvenance.file, path: "evaluate" },
    );
  }
  const model = policy.model ?? "default";
  const checks: EvaluateCheck[] = [];
  for (const [metric, rules] of Object.entries(policy.evaluate.metrics)) {
    const candidateReading = readMetricValue(candidate.values, metric, candidate.name);
    const baselineReading = readMetricValue(baseline?.values, metric, baseline?.name);
    for (const check of evaluateMetricRules(metric, rules, candidateReading, baselineReading)) {
      const line = input.policyLineOf?.(["evaluate", "metrics", metric, check.rule]);
      checks.push(line === undefined ? check : { ...check, policy_line: line });
    }
  }
  const explained = evaluateExplanations(policy.evaluate.explanations, input.explanations ?? { showExamples: false }, input.policyLineOf);
  checks.push(...explained.checks);
  // Stable sort: failed first, then warnings, then passes, each in policy order.
  checks.sort((a, b) => verdictOrder(a.verdict) - verdictOrder(b.verdict));
  const notes = [...(input.notes ?? []), ...(predictions?.notes ?? []), ...explained.notes];
  if (!baseline) notes.push("No baseline was given: rules against the baseline are warnings and only absolute bounds decide.");
  return {
    action: "evaluate-gate",
    key: input.key ?? model,
    verdict: worstVerdict(checks.map((c) => c.verdict)),
    checks,
    ungated: listUngatedMetrics(policy, candidate, baseline),
    subject: {
      model,
      candidate_sha256: candidate.sha256,
      ...(baseline ? { baseline_sha256: baseline.sha256 } : {}),
      ...(predictions ? { eval_data_sha256: predictions.evalDataSha256 } : {}),
    },
    policy: input.policyProvenance,
    files: {
      candidate: candidate.name,
      baseline: baseline?.name ?? null,
      ...(predictions ? { candidate_predictions: predictions.candidate } : {}),
      ...(predictions?.baseline !== undefined ? { baseline_predictions: predictions.baseline } : {}),
    },
    notes,
    ...(explained.summary && { explanations: explained.summary }),
  };
}

function listUngatedMetrics(policy: Policy, candidate: MetricsFile, baseline?: MetricsFile): UngatedMetric[] {
  const gated = new Set(Object.keys(policy.evaluate?.metrics ?? {}));
  const names = new Set<string>();
  for (const values of [candidate.values, baseline?.values]) {
    for (const [name, leaf] of values ?? []) if (!gated.has(name) && typeof leaf === "number") names.add(name);
  }
  return [...names].sort().map((metric) => {
    const value = numberOrNull(candidate.values.get(metric));
    const base = numberOrNull(baseline?.values.get(metric));
    return { metric, value, baseline: base, ...computeChange(value, base) };
  });
}

function numberOrNull(leaf: unknown): number | null {
  return typeof leaf === "number" && Number.isFinite(leaf) ? leaf : null;
}
