import type { TableColumn } from "../table/table.js";

/** What the predictions are of: 0/1 classes (with optional positive-class probabilities) or real numbers. */
export type PredictionTask = "classification" | "regression";

/** The column names the `label-column`, `prediction-column`, `score-column` and `id-column` inputs give (contract §4). */
export interface PredictionColumnNames {
  label: string;
  prediction: string;
  score: string;
  id: string;
}

/** The contract's default column names, used when an input is left empty. */
export const DEFAULT_PREDICTION_COLUMNS: PredictionColumnNames = {
  label: "label",
  prediction: "prediction",
  score: "score",
  id: "id",
};

/**
 * One model's predictions, one entry per example in file order. Classification labels and predictions are 0/1
 * (1 = the positive label); `scores` are P(positive) in [0, 1]. Every value is finite.
 */
export interface Predictions {
  task: PredictionTask;
  /** The action input or CLI flag that named the file. */
  input: string;
  /** The path exactly as the user gave it. */
  name: string;
  /** Hex SHA-256 of the file's bytes, for lineage. */
  sha256: string;
  rows: number;
  /** Unique example ids, when the file has the id column. */
  ids?: readonly string[];
  labels: Float64Array;
  predictions: Float64Array;
  /** Probability of the positive class (classification with a score column only). */
  scores?: Float64Array;
  /** Sentences about things that did not stop the read. */
  warnings: readonly string[];
  /** Slice columns as text per example (null where missing), when the policy slices the evaluation. */
  slices?: ReadonlyMap<string, readonly (string | null)[]>;
  /** Every column name in the file, in file order (for messages naming what the file does have). */
  fileColumns?: readonly string[];
  /** The text of the class that became 1 (classification): the positive label. */
  positiveLabel?: string;
  /** How predicted classes were decided (classification): "the prediction column \"pred\"" or "score ≥ 0.5". */
  classesFrom?: string;
  /** The text of the class that became 0 (classification), when one occurs in the label column. */
  negativeLabel?: string;
  /** The `extraColumns` the reader was asked for and the file has, as read (text). */
  extra?: ReadonlyMap<string, TableColumn>;
  /** Feature columns for the automatic slice search (`featureColumns`), numbers or text, in file order. */
  features?: ReadonlyMap<string, TableColumn>;
}

/** Where a column's values come from, for messages: the file's input, the file, the column and its column input. */
export interface PredictionColumnSource {
  input: string;
  file: string;
  column: string;
  /** The action input naming this column ("label-column", ...). */
  columnInput: string;
}
