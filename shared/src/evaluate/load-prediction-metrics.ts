import { computePredictionMetrics } from "./compute-prediction-metrics.js";
import type { EvaluationPredictions } from "./collect-significance-tasks.js";
import { digestExamples } from "../data/predictions/digest-examples.js";
import { pairPredictions } from "../data/predictions/pair-predictions.js";
import type { PairedPredictions } from "../data/predictions/pair-predictions.js";
import type { Predictions, PredictionTask } from "../data/predictions/predictions.js";
import { readPredictions } from "../data/predictions/read-predictions.js";
import type { ReadPredictionsOptions } from "../data/predictions/read-predictions.js";
import type { FileAccess } from "../data/files/resolve-input-path.js";

/** The predictions inputs of evaluate-gate (contract §4); absent column inputs take the contract's defaults. */
export interface PredictionInputs {
  candidatePredictions: string;
  baselinePredictions?: string | undefined;
  /** How reports name the baseline predictions when they are not a user's file (e.g. read from the registry). */
  baselinePredictionsName?: string | undefined;
  task?: PredictionTask | undefined;
  labelColumn?: string | undefined;
  predictionColumn?: string | undefined;
  scoreColumn?: string | undefined;
  idColumn?: string | undefined;
  positiveLabel?: string | undefined;
  threshold?: number | undefined;
  /** Columns the policy slices the evaluation by; read from the candidate's predictions. */
  sliceColumns?: readonly string[] | undefined;
  /** Feature columns of the automatic slice search, read from the candidate's predictions ("others": every other column). */
  featureColumns?: "others" | readonly string[] | undefined;
  /** `eval-data` names the evaluation data, whose digest the subject records: the examples' digest is not computed. */
  evalDataNamed?: boolean | undefined;
}

/** One model's metrics computed from one predictions file. */
export interface ComputedMetrics {
  /** The input that named the file ("candidate-predictions", "baseline-predictions"). */
  input: string;
  name: string;
  sha256: string;
  metrics: ReadonlyMap<string, number>;
  /** Metrics these predictions do not define (precision with no predicted positive, R² of constant labels), with why. */
  undefinedMetrics: ReadonlyMap<string, string>;
}

/** Which predictions files a gate's metrics came from, and what a reviewer should know about them. */
export interface PredictionSources {
  candidate: string;
  baseline?: string;
  /**
   * The evaluation data the gate judged (contract §2 subject) when no `eval-data` names it: the digest of the
   * candidate's examples and their labels, without its predictions (`digestExamples`). Absent when `eval-data`
   * names the data (`evalDataNamed`), whose file digest is recorded instead.
   */
  evalDataSha256?: string;
  /** Metrics that could not be computed and reader warnings, one sentence each. */
  notes: string[];
}

export interface LoadedPredictionMetrics {
  candidate: ComputedMetrics;
  baseline?: ComputedMetrics;
  sources: PredictionSources;
  /** The predictions, the baseline's paired to the candidate's rows: for significance and slices. */
  evaluation: EvaluationPredictions;
  /** Both models' predictions aligned example by example, when baseline predictions were given. */
  paired?: PairedPredictions;
}

/**
 * Reads the candidate's (and baseline's) predictions, checks that both cover the same examples with the same
 * labels, and computes each model's metrics as `computePredictionMetrics` defines them.
 * @throws InputError or DataError from `readPredictions` and `pairPredictions`, naming the input, file and fix.
 */
export async function loadPredictionMetrics(
  inputs: PredictionInputs,
  access: FileAccess,
): Promise<LoadedPredictionMetrics> {
  const options = (input: string): ReadPredictionsOptions => ({
    input,
    task: inputs.task ?? "classification",
    columns: {
      ...(inputs.labelColumn !== undefined && { label: inputs.labelColumn }),
      ...(inputs.predictionColumn !== undefined && { prediction: inputs.predictionColumn }),
      ...(inputs.scoreColumn !== undefined && { score: inputs.scoreColumn }),
      ...(inputs.idColumn !== undefined && { id: inputs.idColumn }),
    },
    ...(inputs.positiveLabel !== undefined && { positiveLabel: inputs.positiveLabel }),
    ...(inputs.threshold !== undefined && { threshold: inputs.threshold }),
  });
  const sliceColumns = inputs.sliceColumns ?? [];
  const candidate = await readPredictions(inputs.candidatePredictions, access, {
    ...options("candidate-predictions"),
    ...(sliceColumns.length > 0 && { sliceColumns }),
    ...(inputs.featureColumns !== undefined && { featureColumns: inputs.featureColumns }),
  });
  const read =
    inputs.baselinePredictions === undefined
      ? undefined
      : await readPredictions(inputs.baselinePredictions, access, options("baseline-predictions"));
  const baseline =
    read && inputs.baselinePredictionsName !== undefined ? { ...read, name: inputs.baselinePredictionsName } : read;
  const paired = baseline ? pairPredictions(candidate, baseline) : undefined;
  const notes: string[] = [];
  const computed = (predictions: Predictions): ComputedMetrics => {
    const { metrics, skipped } = computePredictionMetrics(predictions);
    for (const warning of predictions.warnings) notes.push(`${predictions.name}: ${warning}`);
    for (const { metric, reason } of skipped)
      notes.push(`${metric} was not computed from ${predictions.name}: ${reason}`);
    const undefinedMetrics = new Map(skipped.map(({ metric, reason }) => [metric, reason]));
    return { input: predictions.input, name: predictions.name, sha256: predictions.sha256, metrics, undefinedMetrics };
  };
  // The examples' digest hashes every label and id; with eval-data named it would be computed only to be ignored.
  const sources: PredictionSources = {
    candidate: candidate.name,
    ...(inputs.evalDataNamed !== true && { evalDataSha256: digestExamples(candidate) }),
    notes,
  };
  const pairedBy = paired ? ` and ${paired.baseline.name} (baseline), paired by ${paired.pairedBy}` : "";
  notes.push(
    `Metrics computed from ${inputs.task ?? "classification"} predictions: ${candidate.name} (candidate, ${candidate.rows} examples)${pairedBy}.`,
  );
  const result: LoadedPredictionMetrics = {
    candidate: computed(candidate),
    sources,
    evaluation: paired ? { candidate, baseline: paired.baseline } : { candidate },
  };
  if (paired) {
    result.baseline = computed(paired.baseline);
    sources.baseline = paired.baseline.name;
    result.paired = paired;
  }
  return result;
}
