import type { ExplanationInputs } from "./evaluate-explanations.js";
import type { PairedOutputs } from "./find-changed-predictions.js";
import type { PairedPredictions } from "../data/predictions/pair-predictions.js";
import { readExplanations } from "./read-explanations.js";
import type { FileAccess } from "../data/files/resolve-input-path.js";

/** The explanation inputs of evaluate-gate (contract §4). */
export interface ExplanationFileInputs {
  candidateExplanations?: string | undefined;
  baselineExplanations?: string | undefined;
  idColumn?: string | undefined;
  showExamples?: boolean | undefined;
}

/**
 * Reads both models' explanations and, when both predictions files were paired by id, each example's two outputs
 * (scores when both files have them, else predictions) for the largest-changed predictions. Undefined when no
 * explanations are given.
 * @throws DataError from `readExplanations`, naming the input, file and fix.
 */
export async function loadExplanations(
  inputs: ExplanationFileInputs,
  access: FileAccess,
  paired?: PairedPredictions,
): Promise<ExplanationInputs | undefined> {
  if (inputs.candidateExplanations === undefined) return undefined;
  const idColumn = inputs.idColumn ?? "id";
  const candidate = await readExplanations(inputs.candidateExplanations, access, "candidate-explanations", idColumn);
  const baseline =
    inputs.baselineExplanations === undefined
      ? undefined
      : await readExplanations(inputs.baselineExplanations, access, "baseline-explanations", idColumn);
  const result: ExplanationInputs = { candidate, baseline, showExamples: inputs.showExamples ?? false };
  if (!paired) return result;
  const ids = paired.candidate.ids;
  if (paired.pairedBy !== "id" || !ids) {
    result.pairedUnavailable = `The largest-changed predictions are not listed: both predictions files need the id column "${idColumn}" to match examples with their explanations.`;
    return result;
  }
  const c = paired.candidate;
  const b = paired.baseline;
  const outputs: PairedOutputs =
    c.scores && b.scores
      ? { output: "score", ids, candidate: c.scores, baseline: b.scores }
      : { output: "prediction", ids, candidate: c.predictions, baseline: b.predictions };
  result.paired = outputs;
  return result;
}
