import { DataError, InputError } from "../core/modelgate-error.js";
import type { ModelPredictions } from "../fairness/bias-check.js";
import type { SensitiveColumn } from "../fairness/group-cells.js";
import type { FavorableClass } from "../fairness/group-rates.js";
import { pairPredictions } from "../data/predictions/pair-predictions.js";
import type { Predictions } from "../data/predictions/predictions.js";
import { readPredictions } from "../data/predictions/read-predictions.js";
import type { ReadPredictionsOptions } from "../data/predictions/read-predictions.js";
import type { FileAccess } from "../data/files/resolve-input-path.js";
import type { RegistryStore } from "../registry/registry-store.js";
import path from "node:path";

export interface BiasFileInputs {
  predictions: string;
  /** A predictions file, or `registry:<model>#<stage>`: the evaluation predictions that version was promoted with. */
  baselinePredictions?: string | undefined;
  /** Sensitive columns, from the input or the policy. */
  sensitive: readonly string[];
  labelColumn: string;
  predictionColumn: string;
  scoreColumn: string;
  idColumn: string;
  positiveLabel: string;
  threshold: number;
  favorableLabel?: string | undefined;
}

export interface BiasFiles {
  candidate: ModelPredictions;
  baseline?: ModelPredictions;
  sensitive: SensitiveColumn[];
  favorable: FavorableClass;
  favorableLabel: string;
  notes: string[];
}

/**
 * Reads the candidate's predictions with its sensitive columns (and the baseline's, paired to the same examples):
 * the only file I/O of bias-check. Only the needed columns are read, so repeated names elsewhere are a warning.
 * @throws InputError when a sensitive column is also a label/prediction/score/id column. DataError naming the input,
 * file and column: every reader error, a missing sensitive column (the file's columns listed), a sensitive cell
 * without a value, a sensitive column with one group only, a favourable label that is neither class, baseline rows
 * that are not the candidate's examples, a registry version that stores no evaluation predictions. InputError when
 * the baseline names the registry and none is reachable; RegistryError from the registry.
 */
export async function loadBiasFiles(
  inputs: BiasFileInputs,
  access: FileAccess,
  openRegistry?: () => Promise<RegistryStore>,
): Promise<BiasFiles> {
  const roles = {
    "label-column": inputs.labelColumn,
    "prediction-column": inputs.predictionColumn,
    "score-column": inputs.scoreColumn,
    "id-column": inputs.idColumn,
  };
  for (const name of inputs.sensitive) {
    const role = Object.entries(roles).find(([, column]) => column === name);
    if (role) {
      throw new InputError(
        `Sensitive column "${name}" is also the ${role[0]}; a group attribute cannot be a label, prediction, score or id.`,
        `Name a different column in sensitive (or in the policy's fairness.sensitive), or set ${role[0]} to another column.`,
        { input: "sensitive" },
      );
    }
  }
  const options = (input: string, extraColumns: readonly string[]): ReadPredictionsOptions => ({
    input,
    task: "classification",
    columns: {
      label: inputs.labelColumn,
      prediction: inputs.predictionColumn,
      score: inputs.scoreColumn,
      id: inputs.idColumn,
    },
    positiveLabel: inputs.positiveLabel,
    threshold: inputs.threshold,
    extraColumns,
  });
  const candidate = await readPredictions(inputs.predictions, access, options("predictions", inputs.sensitive));
  const sensitive = inputs.sensitive.map((name) => toSensitive(candidate, name));
  const favorableLabel = inputs.favorableLabel ?? inputs.positiveLabel;
  const favorable = toFavorableClass(candidate, favorableLabel, inputs.positiveLabel);
  const notes = candidate.warnings.map((warning) => `${candidate.name}: ${warning}`);
  const files: BiasFiles = { candidate: toModel(candidate), sensitive, favorable, favorableLabel, notes };
  if (inputs.baselinePredictions === undefined) return files;
  const fromRegistry = await readRegistryPredictionsWhenNamed(inputs.baselinePredictions, openRegistry);
  // An empty allowedRoots means "anywhere" (the CLI): adding the temporary folder would confine the candidate to it.
  const readAccess =
    fromRegistry && access.allowedRoots.length > 0
      ? { ...access, allowedRoots: [...access.allowedRoots, path.dirname(fromRegistry.path)] }
      : access;
  const read = await readPredictions(
    fromRegistry?.path ?? inputs.baselinePredictions,
    readAccess,
    options("baseline-predictions", []),
  ).finally(async () => {
    if (fromRegistry) await (await import("./read-registry-baseline.js")).removeStoredPredictions(fromRegistry);
  });
  const baseline = fromRegistry ? { ...read, name: fromRegistry.name } : read;
  const paired = pairPredictions(candidate, baseline);
  notes.push(...baseline.warnings.map((warning) => `${baseline.name}: ${warning}`));
  notes.push(
    `Baseline ${baseline.name} paired with the candidate by ${paired.pairedBy}; groups are the candidate file's.`,
  );
  return { ...files, baseline: toModel(paired.baseline) };
}

/**
 * `baseline-predictions: registry:<model>#<stage>`: the evaluation predictions the stage's version was promoted with
 * (contract §5), digest-verified and written to a temporary file; undefined for a file. Fails closed when the
 * version stores none: a fairness regression needs the baseline's predictions of the same examples.
 */
async function readRegistryPredictionsWhenNamed(
  spec: string,
  openRegistry?: () => Promise<RegistryStore>,
): Promise<{ path: string; name: string } | undefined> {
  if (!spec.startsWith("registry:")) return undefined;
  // Loaded only for registry baselines: the registry code reads tags through git or the API.
  const { parseRegistrySpec, readRegistryBaseline } = await import("./read-registry-baseline.js");
  const parsed = parseRegistrySpec(spec, "baseline-predictions")!;
  const registry = await readRegistryBaseline(
    parsed,
    "baseline-predictions",
    openRegistry ? await openRegistry() : undefined,
    true,
  );
  if (registry.predictions) return registry.predictions;
  throw new DataError(
    `Input "baseline-predictions": ${registry.label} stores no evaluation predictions (no artifact was promoted with the role predictions), so bias-check has no baseline predictions of the same examples to compare with.`,
    "Promote versions with their evaluation predictions (promote's predictions input), or give baseline-predictions as a file.",
    { input: "baseline-predictions" },
  );
}

function toModel(predictions: Predictions): ModelPredictions {
  return {
    name: predictions.name,
    sha256: predictions.sha256,
    labels: predictions.labels,
    predictions: predictions.predictions,
  };
}

function toSensitive(predictions: Predictions, name: string): SensitiveColumn {
  const column = predictions.extra?.get(name);
  const where = { input: "sensitive", file: predictions.name, path: name };
  if (!column || column.kind !== "string") {
    const shown = (predictions.fileColumns ?? [])
      .slice(0, 20)
      .map((c) => JSON.stringify(c))
      .join(", ");
    throw new DataError(
      `Input "predictions": ${predictions.name} has no sensitive column "${name}". Its columns: ${shown}.`,
      `Set sensitive (or the policy's fairness.sensitive) to columns of ${predictions.name}, comma-separated, e.g. sensitive: race,sex.`,
      where,
    );
  }
  if (column.missing > 0) {
    const first = column.codes.findIndex((code) => code < 0) + 1;
    throw new DataError(
      `Input "predictions": ${column.missing} of ${predictions.rows} rows of ${predictions.name} have no value in sensitive column "${name}"; the first is data row ${first}.`,
      `Give every row a group in "${name}" (write an explicit value such as "unknown" for unrecorded ones), or drop those rows before this step.`,
      where,
    );
  }
  const used = new Set(column.codes);
  if (used.size < 2) {
    throw new DataError(
      `Input "predictions": sensitive column "${name}" of ${predictions.name} has only one group (${JSON.stringify(column.dictionary[column.codes[0] ?? 0] ?? "")}), so there is nothing to compare.`,
      `Choose a sensitive column with at least two groups, or evaluate on data that covers more than one group.`,
      where,
    );
  }
  return { name, codes: column.codes, dictionary: column.dictionary };
}

/** The predicted class (1 positive, 0 the other) whose text is the favourable label, compared as the reader compares classes. */
function toFavorableClass(predictions: Predictions, favorableLabel: string, positiveLabel: string): FavorableClass {
  const same = (a: string, b: string) =>
    a === b || (a.trim() !== "" && b.trim() !== "" && Number.isFinite(Number(a)) && Number(a) === Number(b));
  if (same(favorableLabel, positiveLabel)) return 1;
  if (predictions.negativeLabel !== undefined && same(favorableLabel, predictions.negativeLabel)) return 0;
  const classes = [positiveLabel, ...(predictions.negativeLabel === undefined ? [] : [predictions.negativeLabel])]
    .map((c) => JSON.stringify(c))
    .join(" and ");
  throw new DataError(
    `Input "favorable-label" is ${JSON.stringify(favorableLabel)}, which never occurs in ${predictions.name}: its classes are ${classes}.`,
    "Set favorable-label to the class that is the good outcome for the person (e.g. the low-risk or approved class), as written in the label column.",
    { input: "favorable-label", file: predictions.name },
  );
}
