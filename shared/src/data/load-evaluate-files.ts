import type { EvaluationPredictions } from "../gates/collect-significance-tasks.js";
import type { ExplanationInputs } from "../explain/evaluate-explanations.js";
import { nothingToJudgeError } from "../gates/evaluate-inputs.js";
import type { ExplanationFileInputs } from "./load-explanations.js";
import type { PairedPredictions } from "./pair-predictions.js";
import type { PredictionInputs, PredictionSources } from "./load-prediction-metrics.js";
import { mergeComputedMetrics } from "./merge-computed-metrics.js";
import { readMetricsFile } from "./read-metrics-file.js";
import type { MetricsFile } from "./read-metrics-file.js";
import type { FileAccess } from "./resolve-input-path.js";

export interface EvaluateFiles {
  candidate: MetricsFile;
  baseline?: MetricsFile;
  /** Set when metrics were computed from predictions files. */
  predictions?: PredictionSources;
  /** The predictions themselves, for significance and slices. */
  evaluation?: EvaluationPredictions;
  /** Set when candidate explanations were given. */
  explanations?: ExplanationInputs;
}

/** Metrics files and/or predictions files; at least one of `candidate` and `candidatePredictions`. */
export type EvaluateFileInputs = { candidate?: string | undefined; baseline?: string | undefined } & Partial<PredictionInputs> & ExplanationFileInputs;

/**
 * Reads evaluate-gate's metrics files and predictions files, computing metrics from the predictions and merging
 * them into each model's metrics: the only file I/O of a metrics evaluation.
 * @throws InputError when neither a candidate metrics file nor candidate predictions are given. DataError from
 * the readers, and when one metric comes from both a metrics file and predictions.
 */
export async function loadEvaluateFiles(inputs: EvaluateFileInputs, access: FileAccess): Promise<EvaluateFiles> {
  const candidateFile = inputs.candidate === undefined ? undefined : await readMetricsFile(inputs.candidate, access, "candidate");
  const baselineFile = inputs.baseline === undefined ? undefined : await readMetricsFile(inputs.baseline, access, "baseline");
  const { candidatePredictions } = inputs;
  if (candidatePredictions === undefined) {
    if (!candidateFile) throw nothingToJudgeError();
    const explanations = await loadExplanationsWhenGiven(inputs, access);
    return { candidate: candidateFile, ...(baselineFile && { baseline: baselineFile }), ...(explanations && { explanations }) };
  }
  // Loaded only when predictions are given: the table readers (csv-parse, hyparquet) would double the
  // bundle every metrics-file run parses at start-up.
  const { loadPredictionMetrics } = await import("./load-prediction-metrics.js");
  const computed = await loadPredictionMetrics({ ...inputs, candidatePredictions }, access);
  const candidate = mergeComputedMetrics(candidateFile, "candidate", computed.candidate);
  const baseline = computed.baseline ? mergeComputedMetrics(baselineFile, "baseline", computed.baseline) : baselineFile;
  const explanations = await loadExplanationsWhenGiven(inputs, access, computed.paired);
  return { candidate, ...(baseline && { baseline }), predictions: computed.sources, evaluation: computed.evaluation, ...(explanations && { explanations }) };
}

/** Loaded only when explanations are given, like the predictions readers, for the same start-up reason. */
async function loadExplanationsWhenGiven(inputs: ExplanationFileInputs, access: FileAccess, paired?: PairedPredictions): Promise<ExplanationInputs | undefined> {
  if (inputs.candidateExplanations === undefined) return undefined;
  const { loadExplanations } = await import("./load-explanations.js");
  return loadExplanations(inputs, access, paired);
}
