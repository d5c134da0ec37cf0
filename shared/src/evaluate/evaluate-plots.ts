/** One model's curve read at the shared grid, with the area that summarizes it. */
export interface GridCurve {
  /** ROC AUC or average precision. */
  area: number;
  /** The curve's value at each grid point (true positive rate or precision). */
  values: number[];
}

/** A model's binary confusion matrix at the classes the gate judged. */
export interface ConfusionCells {
  tn: number;
  fp: number;
  fn: number;
  tp: number;
}

/** One model's reliability bins (equal width on [0, 1]) and its Brier score. */
export interface ReliabilityBins {
  counts: number[];
  /** Observed positive rate per bin; null where the bin is empty. */
  observed: (number | null)[];
  /** Mean predicted probability per bin; null where the bin is empty. */
  predicted: (number | null)[];
  brier: number;
}

/** Per model, a value for each of a plot's shared bins or groups. */
export interface ModelPair<T> {
  candidate: T;
  baseline?: T;
}

/** The plots of a classification gate with scores: curves on one grid, confusion matrices, reliability bins. */
export interface ClassificationPlots {
  task: "classification";
  /** The positive label's one-vs-rest view: the class that became 1, and the class or classes that became 0. */
  positive_label: string;
  /** How predicted classes were decided: a prediction column, or score ≥ threshold. */
  classes_from: string;
  confusion: ModelPair<ConfusionCells>;
  /** Evenly spaced grid from 0 to 1 both curves are read at. */
  grid?: number[];
  roc?: ModelPair<GridCurve>;
  precision_recall?: ModelPair<GridCurve>;
  /** Edges of the reliability bins, 0 to 1. */
  reliability_edges?: number[];
  reliability?: ModelPair<ReliabilityBins>;
  /** Why a plot is missing (no scores, one class only), one sentence each. */
  omitted: string[];
}

/** The plots of a regression gate: residuals on common bins, predicted vs actual by decile of the prediction. */
export interface RegressionPlots {
  task: "regression";
  /** Edges of the residual (actual − predicted) bins, shared by both models. */
  residual_edges: number[];
  /** Residual counts per bin. */
  residuals: ModelPair<number[]>;
  /** Per decile of each model's own predictions: mean predicted and mean actual value. */
  deciles: ModelPair<{ mean_predicted: number[]; mean_actual: number[]; sizes: number[] }>;
}

/** The data behind evaluate-gate's plots, computed from the predictions the gate read; absent without predictions. */
export type EvaluatePlots = ClassificationPlots | RegressionPlots;
