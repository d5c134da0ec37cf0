import type { BiasResult, FairnessCheck } from "./bias-result.js";
import type { PolicyProvenance } from "../core/result-base.js";
import { verdictOrder, worstVerdict } from "../core/verdict.js";
import { findUnreachableWarnings } from "../core/find-unreachable-warnings.js";
import { PolicyError } from "../core/modelgate-error.js";
import type { FairnessPolicy } from "./fairness-policy-schema.js";
import { assessFairness } from "./assess-fairness.js";
import { checkPrivileged } from "./check-privileged.js";
import type { AssessFairnessOptions, FairnessAssessment } from "./assess-fairness.js";
import { decideFairnessSignificance } from "./decide-fairness-significance.js";
import { evaluateFairnessRule } from "./evaluate-fairness-rule.js";
import { FAIRNESS_METRICS } from "./fairness-metrics.js";
import type { SensitiveColumn } from "./group-cells.js";
import type { FavorableClass } from "./group-rates.js";
import type { MetricSpec } from "./measure-grouping.js";
import { ownEntry } from "../core/own-entry.js";

/** One model's 0/1 labels and predictions (1 = the positive label), and the file they came from. */
export interface ModelPredictions {
  name: string;
  sha256: string;
  labels: Float64Array;
  predictions: Float64Array;
}

export interface BiasCheckInput {
  /** The policy's model and fairness: section (the parts bias-check reads). */
  policy: { model?: string | undefined; fairness?: FairnessPolicy | undefined };
  policyProvenance: PolicyProvenance;
  key?: string | undefined;
  candidate: ModelPredictions;
  /** The baseline's predictions of the same examples, in the candidate's row order. */
  baseline?: ModelPredictions | undefined;
  /** The candidate file's sensitive columns, one value per row. */
  sensitive: readonly SensitiveColumn[];
  positiveLabel: string;
  favorableLabel: string;
  favorable: FavorableClass;
  policyLineOf?: ((path: ReadonlyArray<string>) => number | undefined) | undefined;
  notes?: readonly string[] | undefined;
}

/** The metrics every report shows, beside those the policy gates. */
const SHOWN: readonly MetricSpec[] = [
  { metric: "demographic_parity_difference", method: "between_groups", agg: "worst_case" },
  { metric: "demographic_parity_ratio", method: "between_groups", agg: "worst_case" },
  { metric: "equalized_odds_difference", method: "between_groups", agg: "worst_case" },
  { metric: "equal_opportunity_difference", method: "between_groups", agg: "worst_case" },
  { metric: "disparate_impact", method: "between_groups", agg: "worst_case" },
];

const specKey = (spec: MetricSpec) =>
  `${spec.metric}|${spec.method}|${spec.metric.startsWith("equalized_odds") ? spec.agg : ""}`;

/**
 * Judges a candidate's predictions against the policy's `fairness:` rules, per sensitive column (and their
 * intersection when `intersections: gate`), and against the baseline's values of the same metrics; a max-regression
 * rule with `significance:` on the paired bootstrap interval of the change (`decideFairnessSignificance`). Pure.
 * @throws PolicyError when the policy has no `fairness:` section, or its disparate_impact rule has no privileged group.
 */
export function biasCheck(input: BiasCheckInput): BiasResult {
  const fairness = input.policy.fairness;
  if (!fairness) {
    throw new PolicyError(
      `${input.policyProvenance.file} has no fairness: section, so bias-check has no rule to apply.`,
      "Add a fairness: section with metrics and their rules, e.g. fairness: { metrics: { demographic_parity_ratio: { min: 0.8 } } }.",
      { file: input.policyProvenance.file, path: "fairness" },
    );
  }
  checkPrivileged(fairness, input.sensitive, input.policyProvenance.file, input.policyLineOf);
  const specs = toSpecs(fairness);
  const options: AssessFairnessOptions = {
    favorable: input.favorable,
    minGroupSize: fairness["min-group-size"],
    privileged: fairness.privileged,
    specs,
    bootstrap: { resamples: fairness.resamples, seed: fairness.seed, confidence: fairness.confidence },
  };
  const candidate = assessFairness(input.candidate.labels, input.candidate.predictions, input.sensitive, options);
  const baseline = input.baseline
    ? assessFairness(input.baseline.labels, input.baseline.predictions, input.sensitive, {
        ...options,
        bootstrap: undefined,
      })
    : null;
  const checks = toChecks(fairness, candidate, baseline, input.policyLineOf);
  const paired = input.baseline && {
    labels: input.candidate.labels,
    candidate: input.candidate.predictions,
    baseline: input.baseline.predictions,
    sensitive: input.sensitive,
    favorable: input.favorable,
  };
  const significance = decideFairnessSignificance(fairness, checks, paired, input.policyProvenance.file);
  checks.sort((a, b) => verdictOrder(a.verdict) - verdictOrder(b.verdict));
  const model = input.policy.model ?? "default";
  return {
    action: "bias-check",
    key: input.key ?? model,
    verdict: worstVerdict(checks.map((c) => c.verdict)),
    checks,
    policy: input.policyProvenance,
    notes: [
      ...(input.notes ?? []),
      ...findUnreachableWarnings(fairness.metrics, "fairness.metrics"),
      ...toNotes(fairness, candidate, input.baseline !== undefined),
    ],
    subject: {
      model,
      eval_data_sha256: input.candidate.sha256,
      ...(input.baseline && { baseline_sha256: input.baseline.sha256 }),
    },
    files: { candidate: input.candidate.name, baseline: input.baseline?.name ?? null },
    settings: {
      sensitive: input.sensitive.map((column) => column.name),
      positive_label: input.positiveLabel,
      favorable_label: input.favorableLabel,
      min_group_size: fairness["min-group-size"],
      intersections: fairness.intersections,
      bootstrap:
        fairness.resamples > 0
          ? { resamples: fairness.resamples, seed: fairness.seed, confidence: fairness.confidence }
          : null,
    },
    candidate,
    baseline,
    ...(significance && { significance }),
  };
}

/** The policy's metrics (with their method and agg) first, then the always-shown ones not already among them. */
function toSpecs(fairness: FairnessPolicy): MetricSpec[] {
  const specs: MetricSpec[] = [];
  const seen = new Set<string>();
  const add = (spec: MetricSpec) => {
    if (!seen.has(specKey(spec))) specs.push(spec);
    seen.add(specKey(spec));
  };
  for (const metric of FAIRNESS_METRICS) {
    const rule = fairness.metrics[metric];
    if (rule) add({ metric, method: rule.method, agg: rule.agg });
  }
  SHOWN.forEach(add);
  return specs;
}

function toChecks(
  fairness: FairnessPolicy,
  candidate: FairnessAssessment,
  baseline: FairnessAssessment | null,
  policyLineOf: BiasCheckInput["policyLineOf"],
): FairnessCheck[] {
  const checks: FairnessCheck[] = [];
  for (const metric of FAIRNESS_METRICS) {
    const rule = fairness.metrics[metric];
    if (!rule) continue;
    const key = specKey({ metric, method: rule.method, agg: rule.agg });
    candidate.groupings.forEach((grouping, g) => {
      if (grouping.intersection && fairness.intersections === "report") return;
      if (
        metric === "disparate_impact" &&
        grouping.privileged === undefined &&
        ownEntry(fairness.privileged, grouping.name) === undefined
      )
        return;
      const find = (assessment: FairnessAssessment | null) =>
        assessment?.groupings[g]?.metrics.find((m) => specKey(m.spec) === key);
      for (const check of evaluateFairnessRule(
        metric,
        rule,
        grouping.name,
        find(candidate)!,
        find(baseline),
        baseline !== null,
      )) {
        const line = policyLineOf?.(["fairness", "metrics", metric, check.rule]);
        checks.push(line === undefined ? check : { ...check, policy_line: line });
      }
    });
  }
  return checks;
}

function toNotes(fairness: FairnessPolicy, candidate: FairnessAssessment, hasBaseline: boolean): string[] {
  const notes: string[] = [];
  for (const grouping of candidate.groupings) {
    const small = grouping.groups.filter((group) => !group.gated);
    if (small.length === 0) continue;
    const list = small
      .slice(0, 5)
      .map((group) => `${group.name} (${group.count})`)
      .join(", ");
    const more = small.length > 5 ? ` and ${small.length - 5} more` : "";
    notes.push(
      `Warning: ${small.length} group${small.length === 1 ? "" : "s"} of ${grouping.name} ha${small.length === 1 ? "s" : "ve"} fewer than ${fairness["min-group-size"]} rows and ` +
        `${small.length === 1 ? "is" : "are"} shown but not gated: ${list}${more}. Rates of small groups are unreliable.`,
    );
  }
  const fourFifths = (["demographic_parity_ratio", "disparate_impact"] as const).filter(
    (metric) => fairness.metrics[metric]?.min === 0.8,
  );
  if (fourFifths.length > 0) {
    notes.push(
      `The four-fifths rule (${fourFifths.join(", ")} ≥ 0.8) comes from US employment guidelines (29 CFR 1607.4(D)) as a rule of thumb for ` +
        "adverse impact in selection. Passing it does not establish that the model is fair: it compares selection rates only, ignores error rates " +
        "and base rates, says nothing about groups not listed, and small groups make it noisy. Failing it flags a disparity to investigate, not proof of discrimination.",
    );
  }
  if (!hasBaseline)
    notes.push(
      "No baseline predictions were given: regression rules are warnings and only the absolute bounds decide.",
    );
  return notes;
}
