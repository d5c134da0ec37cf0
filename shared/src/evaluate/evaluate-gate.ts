import type { PredictionSources } from "./load-prediction-metrics.js";
import type { MetricsFile } from "../data/metrics/read-metrics-file.js";
import { PolicyError } from "../core/modelgate-error.js";
import { evaluateExplanations } from "../explain/evaluate-explanations.js";
import type { ExplanationInputs } from "../explain/evaluate-explanations.js";
import type { EvaluatePolicy } from "./evaluate-policy-schema.js";
import { computeChange } from "../core/compute-change.js";
import { evaluateMetricRules } from "./evaluate-metric-rules.js";
import { toMissingBaseline } from "./to-missing-baseline.js";
import type { RegistryBaselineSource } from "./to-missing-baseline.js";
import { findUnreachableWarnings } from "../core/find-unreachable-warnings.js";
import type { EvaluationPredictions } from "./collect-significance-tasks.js";
import { collectSignificanceTasks } from "./collect-significance-tasks.js";
import { computeEvaluatePlots } from "./compute-evaluate-plots.js";
import { evaluateSlices } from "./evaluate-slices.js";
import type { EvaluatedSlice } from "./evaluate-slices.js";
import type { EvaluateCheck, GateResult, SignificanceSettings, SliceSummary } from "./gate-result.js";
import type { PolicyProvenance } from "../core/result-base.js";
import type { UngatedMetric } from "../core/check.js";
import { judgeSignificance } from "./judge-significance.js";
import type { SignificanceTask } from "./judge-significance.js";
import { readMetricValue } from "./read-metric-value.js";
import { verdictOrder, worstVerdict } from "../core/verdict.js";
import { searchSlices } from "./slice-search/search-slices.js";

/** scipy.stats.bootstrap's default number of resamples, and the seed when the policy names none. */
const DEFAULT_RESAMPLES = 9999;
const DEFAULT_SEED = 0;

export interface EvaluateGateInput {
  /** The policy's model and evaluate: section (the parts evaluate-gate reads). */
  policy: { model?: string | undefined; evaluate?: EvaluatePolicy | undefined };
  policyProvenance: PolicyProvenance;
  /** Distinguishes several evaluate gates in one PR; defaults to the policy's model. */
  key?: string;
  candidate: MetricsFile;
  baseline?: MetricsFile;
  /** Set when some metrics were computed from predictions files; `candidate`/`baseline` already hold them. */
  predictions?: PredictionSources;
  /** The predictions themselves (the baseline's paired to the candidate's rows): significance and slices read them. */
  evaluation?: EvaluationPredictions;
  /** Both models' explanations, when given; summarized in the result and gated by `evaluate.explanations`. */
  explanations?: ExplanationInputs;
  /** Line lookup in the deciding policy file, so each check can say where its rule is written. */
  policyLineOf?: (path: ReadonlyArray<string>) => number | undefined;
  /** Sentences about how the policy was chosen, shown with the result. */
  notes?: readonly string[];
  /** The evaluation data named by `eval-data`: its digest is the subject's, in place of the predictions file's. */
  evalData?: { name: string; sha256: string };
  /** Set when the baseline is a registry version (`registry:<model>#<stage>`): what it is and whether it stores predictions. */
  registryBaseline?: RegistryBaselineSource;
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
  const evaluate = policy.evaluate;
  const file = input.policyProvenance.file;
  const checks: EvaluateCheck[] = [];
  const missing = toMissingBaseline(evaluate, input.registryBaseline);
  for (const [metric, rules] of Object.entries(evaluate.metrics)) {
    const candidateReading = readMetricValue(candidate.values, metric, candidate.name, candidate.undefinedMetrics);
    const baselineReading = readMetricValue(baseline?.values, metric, baseline?.name, baseline?.undefinedMetrics);
    for (const check of evaluateMetricRules(metric, rules, candidateReading, baselineReading, missing)) {
      const line = input.policyLineOf?.(["evaluate", "metrics", metric, check.rule]);
      checks.push(line === undefined ? check : { ...check, policy_line: line });
    }
  }
  const explained = evaluateExplanations(
    evaluate.explanations,
    input.explanations ?? { showExamples: false },
    input.policyLineOf,
  );
  checks.push(...explained.checks);
  const slices = evaluate.slices
    ? evaluateSlices(evaluate, requireSlicePredictions(input.evaluation, file), missing)
    : [];
  const significance = decideSignificanceFamily(checks, slices, input);
  const search = searchSlices(evaluate, input.evaluation, file);
  if (search?.check) checks.push(search.check);
  // Stable sort: failed first, then warnings, then passes, each in policy order.
  const allChecks = [...checks, ...slices.flatMap((s) => s.checks)].sort(
    (a, b) => verdictOrder(a.verdict) - verdictOrder(b.verdict),
  );
  const notes = [
    ...(input.notes ?? []),
    ...(predictions?.notes ?? []),
    ...explained.notes,
    ...(search?.notes ?? []),
    ...policyWarnings(evaluate),
  ];
  if (!baseline)
    notes.push(
      missing.verdict === "fail"
        ? "No baseline was given: rules against the baseline fail (evaluate.on-missing-baseline: fail)."
        : "No baseline was given: rules against the baseline are warnings and only absolute bounds decide.",
    );
  const small = slices.filter((s) => !s.gated);
  if (small.length > 0)
    notes.push(
      `${small.length} slice${small.length === 1 ? " is" : "s are"} smaller than the minimum size and reported without gating.`,
    );
  const checksOut = allChecks;
  return {
    action: "evaluate-gate",
    key: input.key ?? model,
    verdict: worstVerdict(checksOut.map((c) => c.verdict)),
    checks: checksOut,
    ungated: listUngatedMetrics(policy, candidate, baseline),
    subject: {
      model,
      candidate_sha256: candidate.sha256,
      ...(baseline ? { baseline_sha256: baseline.sha256 } : {}),
      ...evalDataDigest(input),
    },
    ...(significance && { significance }),
    ...(evaluate.slices && { slices: summarizeSlices(slices) }),
    ...(search?.summary && { slice_search: search.summary }),
    policy: input.policyProvenance,
    files: {
      candidate: candidate.name,
      baseline: baseline?.name ?? null,
      ...(predictions ? { candidate_predictions: predictions.candidate } : {}),
      ...(predictions?.baseline !== undefined ? { baseline_predictions: predictions.baseline } : {}),
      ...(input.evalData && { eval_data: input.evalData.name }),
    },
    notes,
    ...(explained.summary && { explanations: explained.summary }),
    ...(input.evaluation && { plots: computeEvaluatePlots(input.evaluation) }),
  };
}

/**
 * The subject's evaluation-data digest: the file `eval-data` names, else the digest of the candidate predictions'
 * examples and labels without the model's outputs (so versions scored on the same examples compare); a metrics-only
 * run without `eval-data` records none.
 */
function evalDataDigest(input: EvaluateGateInput): { eval_data_sha256?: string } {
  const digest = input.evalData?.sha256 ?? input.predictions?.evalDataSha256;
  return digest === undefined ? {} : { eval_data_sha256: digest };
}

/** The evaluate section's warn bounds that can never fire, the gate's own metrics and each slice's. */
function policyWarnings(evaluate: EvaluatePolicy): string[] {
  const perSlice = (evaluate.slices ?? []).flatMap((slice, i) =>
    slice.metrics ? findUnreachableWarnings(slice.metrics, `evaluate.slices.${i}.metrics`) : [],
  );
  return [...findUnreachableWarnings(evaluate.metrics, "evaluate.metrics"), ...perSlice];
}

function requireSlicePredictions(evaluation: EvaluationPredictions | undefined, file: string): EvaluationPredictions {
  if (evaluation) return evaluation;
  throw new PolicyError(
    `${file}: evaluate.slices needs the candidate's predictions, which carry the slice columns; only metrics files were given.`,
    "Give candidate-predictions (and baseline-predictions to compare slices with the baseline), or remove evaluate.slices.",
    { file, path: "evaluate.slices" },
  );
}

/**
 * Replaces every baseline rule that has `significance:` (whole set and slices alike) by its decision on the paired
 * change, all of them one family for the multiple-testing adjustment. Undefined when no rule asks for significance.
 */
function decideSignificanceFamily(
  checks: EvaluateCheck[],
  slices: EvaluatedSlice[],
  input: EvaluateGateInput,
): SignificanceSettings | undefined {
  const evaluate = input.policy.evaluate!;
  const file = input.policyProvenance.file;
  const groups = [
    { checks, found: collectSignificanceTasks(checks, evaluate.metrics, input.evaluation, file, "evaluate.metrics") },
    ...slices.map((s) => ({
      checks: s.checks,
      found: collectSignificanceTasks(s.checks, s.rules, s.evaluation, file, s.policyPath),
    })),
  ];
  const tasks: SignificanceTask[] = groups.flatMap((g) => g.found.map((f) => f.task));
  if (tasks.length === 0) return undefined;
  const alphas = [...new Set(tasks.map((t) => t.rules.significance as number))];
  const multipleTesting = evaluate["multiple-testing"];
  if (alphas.length > 1 && tasks.length > 1 && multipleTesting !== "none") {
    throw new PolicyError(
      `${file}: the significance rules use different levels (${alphas.join(", ")}), so there is no one family-wise level for ${multipleTesting ?? "holm"} to hold.`,
      "Give every metric the same significance (e.g. 0.05), or set evaluate.multiple-testing: none to test each rule at its own level.",
      { file, path: "evaluate.multiple-testing" },
    );
  }
  const judged = judgeSignificance(
    tasks,
    {
      seed: evaluate.bootstrap?.seed ?? DEFAULT_SEED,
      resamples: evaluate.bootstrap?.resamples ?? DEFAULT_RESAMPLES,
      multipleTesting,
      onInconclusive: evaluate["on-inconclusive"],
    },
    alphas[0] as number,
  );
  let next = 0;
  for (const group of groups)
    for (const { index } of group.found) group.checks[index] = judged.checks[next++] as EvaluateCheck;
  return judged.settings;
}

/** Gated slices first, worst verdict first, then by the largest regression among their metrics; small slices last. */
function summarizeSlices(slices: EvaluatedSlice[]): SliceSummary[] {
  const worstRegression = new Map(
    slices.map((s) => [
      s.slice,
      Math.max(
        0,
        ...s.metrics.map((m) => ((s.rules[m.metric]?.direction ?? "higher") === "higher" ? -1 : 1) * (m.delta ?? 0)),
      ),
    ]),
  );
  const summaries = slices.map((s): SliceSummary => ({
    slice: s.slice,
    columns: s.columns,
    rows: s.rows,
    gated: s.gated,
    min_size: s.minSize,
    verdict: worstVerdict(s.checks.map((c) => c.verdict)),
    metrics: s.metrics,
  }));
  const regression = (s: SliceSummary) => worstRegression.get(s.slice) ?? 0;
  return summaries.sort(
    (a, b) =>
      Number(b.gated) - Number(a.gated) ||
      verdictOrder(a.verdict) - verdictOrder(b.verdict) ||
      regression(b) - regression(a),
  );
}

function listUngatedMetrics(
  policy: EvaluateGateInput["policy"],
  candidate: MetricsFile,
  baseline?: MetricsFile,
): UngatedMetric[] {
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
