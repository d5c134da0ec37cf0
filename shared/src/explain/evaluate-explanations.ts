import { compareExplanations } from "./compare-explanations.js";
import type { ExplanationPolicy } from "./explanation-policy-schema.js";
import type { ExplanationSummary } from "./explanation-summary.js";
import { evaluateExplanationRules } from "./evaluate-explanation-rules.js";
import type { ExplanationCheck } from "./evaluate-explanation-rules.js";
import type { Explanations } from "./explanations.js";
import { findChangedPredictions } from "./find-changed-predictions.js";
import type { PairedOutputs } from "./find-changed-predictions.js";

/** What the explanation part of evaluate-gate reads: files already read, predictions already paired. */
export interface ExplanationInputs {
  candidate?: Explanations | undefined;
  baseline?: Explanations | undefined;
  /** Both models' outputs paired by id, when both predictions files carry ids. */
  paired?: PairedOutputs | undefined;
  /** Why `paired` is absent although both predictions files were given (e.g. no id column), for the report. */
  pairedUnavailable?: string | undefined;
  /** List the largest-changed examples (contract §2: raw rows only with show-examples). */
  showExamples: boolean;
}

export interface ExplanationEvaluation {
  summary?: ExplanationSummary;
  checks: ExplanationCheck[];
  notes: string[];
}

/** Examples listed with show-examples, and reasons given per example. */
const EXAMPLES = 5;
const REASONS = 3;
const DEFAULT_TOP_K = 10;

/**
 * The explanation summary of an evaluation (the core of its report section) and the checks its policy asks
 * for, each pointing at its line in the policy when `policyLineOf` knows it. Features in one model only, and
 * per-example attributions that cannot be matched to the predictions, are always named in a note.
 */
export function evaluateExplanations(
  policy: ExplanationPolicy | undefined,
  inputs: ExplanationInputs,
  policyLineOf?: (path: ReadonlyArray<string>) => number | undefined,
): ExplanationEvaluation {
  const checks = policy ? evaluateExplanationRules(policy, inputs.candidate, inputs.baseline, policyLineOf) : [];
  if (!inputs.candidate) return { checks, notes: [] };
  const summary = compareExplanations(inputs.candidate, inputs.baseline, policy?.["top-k"] ?? DEFAULT_TOP_K);
  const notes: string[] = [];
  const { only_candidate: onlyCandidate, only_baseline: onlyBaseline } = summary;
  if (onlyCandidate.length > 0 || onlyBaseline.length > 0) {
    const parts = [
      ...(onlyCandidate.length > 0 ? [`${onlyCandidate.length} only in the candidate's (${list(onlyCandidate)})`] : []),
      ...(onlyBaseline.length > 0 ? [`${onlyBaseline.length} only in the baseline's (${list(onlyBaseline)})`] : []),
    ];
    notes.push(`The models' explanations name different features: ${parts.join(", ")}; their ranks are not compared.`);
  }
  if (inputs.paired) {
    const options = { examples: inputs.showExamples ? EXAMPLES : 0, reasons: REASONS };
    summary.changed_predictions = findChangedPredictions(
      inputs.paired,
      { candidate: inputs.candidate.local, baseline: inputs.baseline?.local },
      options,
    );
    for (const explanations of [inputs.candidate, inputs.baseline]) {
      const unmatched = describeUnmatched(explanations, inputs.paired.ids);
      if (unmatched) notes.push(unmatched);
    }
  } else if (inputs.pairedUnavailable) {
    notes.push(inputs.pairedUnavailable);
  }
  return { summary, checks, notes };
}

/** Why an example's reasons cannot come from these per-example attributions, or undefined when they can. */
function describeUnmatched(explanations: Explanations | undefined, ids: readonly string[]): string | undefined {
  const local = explanations?.local;
  if (!explanations || !local) return undefined;
  if (!local.ids)
    return `${explanations.name} has no id column, so its per-example attributions cannot be matched to the predictions' examples.`;
  const known = new Set(local.ids);
  if (ids.some((id) => known.has(id))) return undefined;
  return `${explanations.name} shares no example id with the predictions, so no example's reasons can be given from it.`;
}

function list(names: readonly string[]): string {
  return names.slice(0, 5).join(", ") + (names.length > 5 ? `, and ${names.length - 5} more` : "");
}
