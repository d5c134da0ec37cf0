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
 * for. Features in one model only are always named in a note: never a silent pass.
 */
export function evaluateExplanations(policy: ExplanationPolicy | undefined, inputs: ExplanationInputs): ExplanationEvaluation {
  const checks = policy ? evaluateExplanationRules(policy, inputs.candidate, inputs.baseline) : [];
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
    summary.changed_predictions = findChangedPredictions(inputs.paired, { candidate: inputs.candidate.local, baseline: inputs.baseline?.local }, options);
  } else if (inputs.pairedUnavailable) {
    notes.push(inputs.pairedUnavailable);
  }
  return { summary, checks, notes };
}

function list(names: readonly string[]): string {
  return names.slice(0, 5).join(", ") + (names.length > 5 ? `, and ${names.length - 5} more` : "");
}
