import * as z from "zod/mini";
import { InputError } from "../core/modelgate-error.js";
import { booleanInput, CommonInputShape, parseInputs } from "../core/parse-inputs.js";
import type { GetInput } from "../core/parse-inputs.js";
import { PredictionColumnInputShape } from "../data/predictions/prediction-column-inputs.js";

export const EvaluateInputShape = {
  ...CommonInputShape,
  candidate: z.optional(z.string()),
  baseline: z.optional(z.string()),
  "candidate-predictions": z.optional(z.string()),
  "baseline-predictions": z.optional(z.string()),
  // The evaluation data the metrics were computed on: its digest is the subject's eval_data_sha256 (model history).
  "eval-data": z.optional(z.string()),
  task: z._default(z.enum(["classification", "regression"]), "classification"),
  ...PredictionColumnInputShape,
  // Explanations (contract §4): global or per-example attributions of each model.
  "candidate-explanations": z.optional(z.string()),
  "baseline-explanations": z.optional(z.string()),
  // Contract §2 privacy: example rows (ids, outputs, reasons) reach the report only when asked for.
  "show-examples": z._default(booleanInput, false),
};

export type EvaluateInputs = ReturnType<typeof readEvaluateInputs>;

/**
 * evaluate-gate's inputs, parsed in one place.
 * @throws InputError for any refused input, when neither candidate nor candidate-predictions is set, and when
 * baseline-predictions (or baseline-explanations) is set without candidate-predictions (candidate-explanations).
 */
export function readEvaluateInputs(getInput: GetInput) {
  const inputs = parseInputs(EvaluateInputShape, getInput);
  if (inputs.candidate === undefined && inputs.candidatePredictions === undefined) {
    throw nothingToJudgeError();
  }
  if (inputs.baselinePredictions !== undefined && inputs.candidatePredictions === undefined) {
    throw new InputError(
      `Input "baseline-predictions" is set but "candidate-predictions" is not; baseline predictions are compared with the candidate's.`,
      `Set candidate-predictions to the candidate's predictions of the same examples, or remove baseline-predictions.`,
      { input: "candidate-predictions" },
    );
  }
  if (inputs.baselineExplanations !== undefined && inputs.candidateExplanations === undefined) {
    throw new InputError(
      `Input "baseline-explanations" is set but "candidate-explanations" is not; the baseline's explanations are compared with the candidate's.`,
      `Set candidate-explanations to the candidate's explanations, or remove baseline-explanations.`,
      { input: "candidate-explanations" },
    );
  }
  return inputs;
}

/** Neither a metrics file nor predictions for the candidate: the gate has nothing to judge. */
export function nothingToJudgeError(): InputError {
  return new InputError(
    `Inputs "candidate" and "candidate-predictions" are both empty, so there is nothing to judge.`,
    `Set candidate (a metrics file) or candidate-predictions (a predictions file), or both, in the step's with: block.`,
    { input: "candidate" },
  );
}
