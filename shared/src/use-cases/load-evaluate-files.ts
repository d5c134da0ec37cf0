import type { EvaluationPredictions } from "../evaluate/collect-significance-tasks.js";
import type { ExplanationInputs } from "../explain/evaluate-explanations.js";
import { nothingToJudgeError } from "../evaluate/evaluate-inputs.js";
import type { ExplanationFileInputs } from "../explain/load-explanations.js";
import type { PairedPredictions } from "../data/predictions/pair-predictions.js";
import type { PredictionInputs, PredictionSources } from "../evaluate/load-prediction-metrics.js";
import { mergeComputedMetrics } from "../evaluate/merge-computed-metrics.js";
import { readMetricsFile } from "../data/metrics/read-metrics-file.js";
import type { MetricsFile } from "../data/metrics/read-metrics-file.js";
import type { FileAccess } from "../data/files/resolve-input-path.js";
import { digestInputFile } from "../data/files/digest-input-file.js";
import type { DigestedFile } from "../data/files/digest-input-file.js";
import type { RegistryBaseline, RegistrySpec } from "./read-registry-baseline.js";
import type { RegistryStore } from "../registry/registry-store.js";
import type { RegistryBaselineSource } from "../evaluate/to-missing-baseline.js";
import path from "node:path";

export interface EvaluateFiles {
  candidate: MetricsFile;
  baseline?: MetricsFile;
  /** Set when metrics were computed from predictions files. */
  predictions?: PredictionSources;
  /** The predictions themselves, for significance and slices. */
  evaluation?: EvaluationPredictions;
  /** Set when candidate explanations were given. */
  explanations?: ExplanationInputs;
  /** Sentences about where the files came from (e.g. why a registry baseline cannot be paired). */
  notes?: string[];
  /** Set when the baseline is a registry version: a rule it cannot feed fails rather than warns. */
  registryBaseline?: RegistryBaselineSource;
  /** The evaluation data file named by `eval-data`, known by its digest. */
  evalData?: DigestedFile;
}

/** Metrics files and/or predictions files; at least one of `candidate` and `candidatePredictions`. */
export type EvaluateFileInputs = {
  candidate?: string | undefined;
  baseline?: string | undefined;
  /** The evaluation data the metrics were computed on; only its digest is read. */
  evalData?: string | undefined;
} & Partial<PredictionInputs> &
  ExplanationFileInputs;

/**
 * Reads evaluate-gate's metrics files and predictions files, computing metrics from the predictions and merging
 * them into each model's metrics: the only file I/O of a metrics evaluation.
 * @throws InputError when neither a candidate metrics file nor candidate predictions are given. DataError from
 * the readers, and when one metric comes from both a metrics file and predictions.
 */
export async function loadEvaluateFiles(
  inputs: EvaluateFileInputs,
  access: FileAccess,
  openRegistry?: () => Promise<RegistryStore>,
): Promise<EvaluateFiles> {
  const candidateFile =
    inputs.candidate === undefined ? undefined : await readMetricsFile(inputs.candidate, access, "candidate");
  const registry = await readRegistryBaselineWhenNamed(inputs, openRegistry);
  try {
    return await loadWithBaseline(inputs, access, candidateFile, registry);
  } finally {
    // The registry version's predictions were copied to a temporary folder to be read: removed once read.
    if (registry?.predictions)
      await (await import("./read-registry-baseline.js")).removeStoredPredictions(registry.predictions);
  }
}

async function loadWithBaseline(
  inputs: EvaluateFileInputs,
  access: FileAccess,
  candidateFile: MetricsFile | undefined,
  registry: RegistryBaseline | undefined,
): Promise<EvaluateFiles> {
  const evalData =
    inputs.evalData === undefined ? undefined : await digestInputFile(inputs.evalData, access, "eval-data");
  let baselineFile = registry
    ? registry.metrics
    : inputs.baseline === undefined
      ? undefined
      : await readMetricsFile(inputs.baseline, access, "baseline");
  const notes = registry?.note ? [registry.note] : [];
  const { candidatePredictions } = inputs;
  const fromRegistry = inputs.baselinePredictions === undefined ? registry?.predictions : undefined;
  const paired = inputs.baselinePredictions !== undefined || fromRegistry !== undefined;
  const registryBaseline: RegistryBaselineSource | undefined = registry && {
    label: registry.label,
    predictions: paired ? "paired" : registry.storesPredictions ? "stored" : "none",
  };
  if (candidatePredictions === undefined) {
    if (!candidateFile) throw nothingToJudgeError();
    const explanations = await loadExplanationsWhenGiven(inputs, access);
    return {
      candidate: candidateFile,
      ...(baselineFile && { baseline: baselineFile }),
      ...(explanations && { explanations }),
      notes,
      ...(registryBaseline && { registryBaseline }),
      ...(evalData && { evalData }),
    };
  }
  // Loaded only when predictions are given: the table readers (csv-parse, hyparquet) would double the
  // bundle every metrics-file run parses at start-up.
  const { loadPredictionMetrics } = await import("../evaluate/load-prediction-metrics.js");
  // The registry version's own evaluation predictions, when it stores them, pair with the candidate's.
  const named = { evalDataNamed: evalData !== undefined };
  const predictionInputs = fromRegistry
    ? {
        ...inputs,
        ...named,
        candidatePredictions,
        baselinePredictions: fromRegistry.path,
        baselinePredictionsName: fromRegistry.name,
      }
    : { ...inputs, ...named, candidatePredictions };
  // An empty allowedRoots means "anywhere" (the CLI): adding the temporary folder would confine the candidate to it.
  const confined = access.allowedRoots.length > 0;
  const readAccess =
    fromRegistry && confined
      ? { ...access, allowedRoots: [...access.allowedRoots, path.dirname(fromRegistry.path)] }
      : access;
  const computed = await loadPredictionMetrics(predictionInputs, readAccess);
  const candidate = mergeComputedMetrics(candidateFile, "candidate", computed.candidate);
  // Metrics computed from the stored predictions replace the record's numbers of the same name.
  if (fromRegistry && baselineFile && computed.baseline)
    baselineFile = withoutMetrics(baselineFile, computed.baseline.metrics);
  const baseline = computed.baseline ? mergeComputedMetrics(baselineFile, "baseline", computed.baseline) : baselineFile;
  const explanations = await loadExplanationsWhenGiven(inputs, access, computed.paired);
  const evaluation =
    registry && !computed.evaluation.baseline && registry.note
      ? {
          ...computed.evaluation,
          baselineMissing: `it compares both models on the same examples, and ${registry.label} stores no evaluation predictions; promote versions with their predictions (promote's predictions input), or give baseline-predictions.`,
        }
      : computed.evaluation;
  return {
    candidate,
    ...(baseline && { baseline }),
    predictions: computed.sources,
    evaluation,
    ...(explanations && { explanations }),
    notes,
    ...(registryBaseline && { registryBaseline }),
    ...(evalData && { evalData }),
  };
}

/** `baseline: registry:<model>#<stage>`, read through the registry; undefined for a plain or git: baseline. */
async function readRegistryBaselineWhenNamed(
  inputs: EvaluateFileInputs,
  openRegistry?: () => Promise<RegistryStore>,
): Promise<RegistryBaseline | undefined> {
  if (inputs.baseline === undefined || !inputs.baseline.startsWith("registry:")) return undefined;
  // Loaded only for registry baselines: the registry code reads tags through git or the API.
  const { parseRegistrySpec, readRegistryBaseline } = await import("./read-registry-baseline.js");
  const spec = parseRegistrySpec(inputs.baseline, "baseline") as RegistrySpec;
  return readRegistryBaseline(
    spec,
    "baseline",
    openRegistry ? await openRegistry() : undefined,
    inputs.candidatePredictions !== undefined && inputs.baselinePredictions === undefined,
  );
}

function withoutMetrics(file: MetricsFile, computed: ReadonlyMap<string, number>): MetricsFile {
  return { ...file, values: new Map([...file.values].filter(([name]) => !computed.has(name))) };
}

/** Loaded only when explanations are given, like the predictions readers, for the same start-up reason. */
async function loadExplanationsWhenGiven(
  inputs: ExplanationFileInputs,
  access: FileAccess,
  paired?: PairedPredictions,
): Promise<ExplanationInputs | undefined> {
  if (inputs.candidateExplanations === undefined) return undefined;
  const { loadExplanations } = await import("../explain/load-explanations.js");
  return loadExplanations(inputs, access, paired);
}
