import { DataError, InputError } from "../../core/modelgate-error.js";
import { DEFAULT_PREDICTION_COLUMNS } from "./predictions.js";
import type { PredictionColumnNames, PredictionColumnSource, Predictions, PredictionTask } from "./predictions.js";
import { readTable } from "../table/read-table.js";
import type { FileAccess } from "../files/resolve-input-path.js";
import type { ColumnRequest } from "../table/column-request.js";
import type { Table, TableColumn } from "../table/table.js";
import { toBinaryLabels } from "./to-binary-labels.js";
import { toFiniteValues } from "./to-finite-values.js";
import { toPredictionIds } from "./to-prediction-ids.js";
import { toScores } from "./to-scores.js";

export interface ReadPredictionsOptions {
  /** The action input or CLI flag that named the file; every error names it. */
  input: string;
  task: PredictionTask;
  /** Column names from `label-column` etc.; an absent one takes the contract's default. */
  columns?: Partial<PredictionColumnNames>;
  /** The class that counts as positive (`positive-label`); default "1". */
  positiveLabel?: string;
  /** Scores ≥ threshold are predicted positive when there is no prediction column (`threshold`); default 0.5. */
  threshold?: number;
  /** Columns to slice the evaluation by (policy `evaluate.slices`), read as text; each must exist. */
  sliceColumns?: readonly string[];
  /** Further columns to read as text beside the prediction columns (sensitive attributes); absent ones are left out. */
  extraColumns?: readonly string[];
  /**
   * Feature columns for the automatic slice search, read as numbers when every present cell is numeric, else as
   * text: the named ones (each must exist), or "others" for every column the prediction roles do not use.
   */
  featureColumns?: "others" | readonly string[];
}

const COLUMN_INPUTS = {
  label: "label-column",
  prediction: "prediction-column",
  score: "score-column",
  id: "id-column",
} as const;

/**
 * Reads one predictions file (contract §4) with only its label, prediction, score and id columns. Classification
 * labels and predictions become 0/1 against the positive label, as sklearn's pos_label; without a prediction
 * column, predictions are score ≥ threshold. Regression labels and predictions are read as numbers.
 * @throws InputError when two column inputs name one column. DataError naming the input, file and column: every
 * readTable error, no rows, a missing label column, no prediction (nor, for classification, score) column, missing or
 * non-numeric values, more than two classes, scores outside [0, 1], missing or duplicated ids.
 */
export async function readPredictions(
  spec: string,
  access: FileAccess,
  options: ReadPredictionsOptions,
): Promise<Predictions> {
  const { input, task, positiveLabel = "1", threshold = 0.5 } = options;
  const names: PredictionColumnNames = { ...DEFAULT_PREDICTION_COLUMNS, ...options.columns };
  const sliceColumns = [...new Set(options.sliceColumns ?? [])];
  const extraColumns = options.extraColumns ?? [];
  const roles = toRequests(names, task);
  // Slice and extra columns are read as text; one request per column, and none for a column a role already reads.
  const textRequests = [...new Set([...sliceColumns, ...extraColumns])]
    .filter((name) => !roles.some((r) => r.name === name))
    .map((name): ColumnRequest => ({ name, required: false, as: "string" }));
  const fixed = [...roles, ...textRequests];
  const featureColumns = options.featureColumns;
  const table = await readTable(spec, access, {
    input,
    columns:
      featureColumns === undefined
        ? fixed
        : (fileColumns) => [...fixed, ...featureRequests(fileColumns, fixed, roles, featureColumns)],
  });
  const source = (key: keyof PredictionColumnNames): PredictionColumnSource => ({
    input,
    file: spec,
    column: names[key],
    columnInput: COLUMN_INPUTS[key],
  });
  if (table.rows === 0) {
    // Metrics of no examples are undefined; the gate would report each as "missing", which points at the policy.
    throw new DataError(
      `Input "${input}": ${spec} has a header but no rows, so there are no predictions to measure.`,
      `Point ${input} at predictions with at least one row, or check the step that writes ${spec}.`,
      {
        input,
        file: spec,
      },
    );
  }
  const label = table.columns.get(names.label);
  if (!label) {
    throw missingColumn(
      table,
      source("label"),
      `no label column "${names.label}"`,
      `Set label-column to the column of true labels`,
    );
  }
  const prediction = table.columns.get(names.prediction);
  const score = task === "classification" ? table.columns.get(names.score) : undefined;
  const idColumn = table.columns.get(names.id);
  const ids = idColumn ? toPredictionIds(idColumn, source("id")) : undefined;
  const slices = sliceColumns.length > 0 ? readSliceColumns(table, sliceColumns, spec, input) : undefined;
  const extra = new Map(
    extraColumns.flatMap((name) => {
      const column = table.columns.get(name);
      return column ? [[name, column] as const] : [];
    }),
  );
  const file = {
    task,
    input,
    name: table.name,
    sha256: table.sha256,
    rows: table.rows,
    warnings: table.warnings,
    fileColumns: table.fileColumns,
    ...(ids && { ids }),
    ...(slices && { slices }),
    ...(extraColumns.length > 0 && { extra }),
    ...(featureColumns !== undefined && { features: readFeatureColumns(table, roles, featureColumns, spec, input) }),
  };
  if (task === "regression") {
    if (!prediction) {
      throw missingColumn(
        table,
        source("prediction"),
        `no prediction column "${names.prediction}"`,
        "Set prediction-column to the column of predicted values",
      );
    }
    return {
      ...file,
      labels: toFiniteValues(label, source("label")),
      predictions: toFiniteValues(prediction, source("prediction")),
    };
  }
  if (!prediction && !score) {
    throw missingColumn(
      table,
      source("prediction"),
      `neither a prediction column "${names.prediction}" nor a score column "${names.score}"`,
      "Set prediction-column to the column of predicted classes, or score-column to the column of positive-class probabilities",
    );
  }
  const labels = toBinaryLabels(label, positiveLabel, source("label"));
  const scores = score ? toScores(score, source("score")) : undefined;
  const predictions = prediction
    ? toBinaryLabels(prediction, positiveLabel, source("prediction"), labels.negative).values
    : Float64Array.from(scores ?? [], (value) => (value >= threshold ? 1 : 0));
  const negativeLabel = labels.negative;
  const classes = {
    positiveLabel,
    classesFrom: prediction ? `the prediction column "${names.prediction}"` : `score ≥ ${threshold}`,
  };
  return {
    ...file,
    labels: labels.values,
    predictions,
    ...(scores && { scores }),
    ...(negativeLabel !== undefined && { negativeLabel }),
    ...classes,
  };
}

function toRequests(names: PredictionColumnNames, task: PredictionTask): ColumnRequest[] {
  const classes = task === "classification" ? "auto" : "number";
  const requests: (ColumnRequest & { key: keyof PredictionColumnNames })[] = [
    { key: "label", name: names.label, required: false, as: classes },
    { key: "prediction", name: names.prediction, required: false, as: classes },
    ...(task === "classification"
      ? [{ key: "score" as const, name: names.score, required: false, as: "number" as const }]
      : []),
    { key: "id", name: names.id, required: false, as: "string" },
  ];
  for (const [i, request] of requests.entries()) {
    const other = requests.slice(0, i).find((earlier) => earlier.name === request.name);
    if (other) {
      throw new InputError(
        `Inputs "${COLUMN_INPUTS[other.key]}" and "${COLUMN_INPUTS[request.key]}" both name the column "${request.name}".`,
        `Give ${COLUMN_INPUTS[request.key]} the name of a different column; each role needs its own column.`,
        { input: COLUMN_INPUTS[request.key] },
      );
    }
  }
  return requests.map(({ name, required, as }) => ({ name, required, as }));
}

/** Each slice column as text per row (null where missing); a column with no value at all cannot slice anything. */
function readSliceColumns(
  table: Table,
  names: readonly string[],
  spec: string,
  input: string,
): Map<string, readonly (string | null)[]> {
  const slices = new Map<string, readonly (string | null)[]>();
  for (const name of names) {
    const column = table.columns.get(name);
    if (!column) {
      throw missingColumn(
        table,
        { input, file: spec, column: name, columnInput: "evaluate.slices" },
        `no slice column "${name}"`,
        `Fix the column name under evaluate.slices in the policy`,
      );
    }
    const values =
      column.kind === "string"
        ? Array.from(column.codes, (code) => (code < 0 ? null : (column.dictionary[code] as string)))
        : Array.from(column.values, (v) => (Number.isNaN(v) ? null : String(v)));
    if (table.rows > 0 && values.every((v) => v === null)) {
      throw new DataError(
        `Input "${input}": the slice column "${name}" of ${spec} is empty in all ${table.rows} rows, so it cannot slice the evaluation.`,
        `Fill the column "${name}" in ${spec}, or remove it from evaluate.slices in the policy.`,
        { input, file: spec, path: name },
      );
    }
    slices.set(name, values);
  }
  return slices;
}

/** Requests for the feature columns the fixed requests do not already read (a slice column is read once, as text). */
function featureRequests(
  fileColumns: readonly string[],
  fixed: readonly ColumnRequest[],
  roles: readonly ColumnRequest[],
  wanted: "others" | readonly string[],
): ColumnRequest[] {
  const names =
    wanted === "others"
      ? [...new Set(fileColumns)].filter((name) => !roles.some((r) => r.name === name))
      : [...new Set(wanted)];
  return names
    .filter((name) => !fixed.some((r) => r.name === name))
    .map((name) => ({ name, required: false, as: "auto" }));
}

/** The feature columns as read, in file order ("others") or as named; a named one the file lacks is a DataError. */
function readFeatureColumns(
  table: Table,
  roles: readonly ColumnRequest[],
  wanted: "others" | readonly string[],
  spec: string,
  input: string,
): Map<string, TableColumn> {
  const names =
    wanted === "others"
      ? [...new Set(table.fileColumns)].filter((name) => !roles.some((r) => r.name === name))
      : [...new Set(wanted)];
  const features = new Map<string, TableColumn>();
  for (const name of names) {
    const column = table.columns.get(name);
    if (column) features.set(name, column);
    else if (wanted !== "others") {
      throw missingColumn(
        table,
        { input, file: spec, column: name, columnInput: "evaluate.slice-search.columns" },
        `no feature column "${name}"`,
        "Fix the column name under evaluate.slice-search.columns in the policy",
      );
    }
  }
  return features;
}

function missingColumn(table: Table, source: PredictionColumnSource, what: string, fix: string): DataError {
  const shown = table.fileColumns.slice(0, 20).map((name) => JSON.stringify(name));
  const more = table.fileColumns.length > 20 ? `, and ${table.fileColumns.length - 20} more` : "";
  return new DataError(
    `Input "${source.input}": ${source.file} has ${what}. Its columns: ${shown.join(", ")}${more}.`,
    `${fix}, or rename the column in ${source.file}.`,
    { input: source.input, file: source.file, path: source.column },
  );
}
