import { PolicyError } from "../../core/modelgate-error.js";
import type { Predictions } from "../../data/predictions/predictions.js";
import type { MeanMetric } from "../../stats/per-example-values.js";
import type { MetricPolicy } from "../evaluate-policy-schema.js";
import type { SliceLoss } from "./slice-search-policy-schema.js";

/** The loss a search ranks slices by, the metric it is the mean of, and the margin a slice may regress by. */
export interface ChosenLoss {
  loss: SliceLoss;
  /** The metric whose per-example values the loss averages (`accuracy` for 0/1 error, `mse` for squared error). */
  metric: string;
  direction: "higher" | "lower";
  /** Per-example values as `toPerExampleValues` defines them. */
  perExample: MeanMetric;
  margin: number;
  /** Where the margin comes from: `evaluate.slice-search.margin`, `evaluate.metrics.<metric>.max-regression`, or none (0). */
  marginSource: string;
  /** Sentences on the choice a reviewer should read (a gated metric that does not decompose; a margin of zero). */
  notes: string[];
}

const METRIC_OF: Record<SliceLoss, { metric: string; direction: "higher" | "lower"; perExample: MeanMetric }> = {
  error: { metric: "accuracy", direction: "higher", perExample: "accuracy" },
  "log-loss": { metric: "log_loss", direction: "lower", perExample: "log-loss" },
  brier: { metric: "brier", direction: "lower", perExample: "brier" },
  "absolute-error": { metric: "mae", direction: "lower", perExample: "absolute-error" },
  "squared-error": { metric: "mse", direction: "lower", perExample: "squared-error" },
};
const LOSS_OF_METRIC: Record<string, SliceLoss> = {
  accuracy: "error",
  log_loss: "log-loss",
  brier: "brier",
  mae: "absolute-error",
  mse: "squared-error",
};
const NEEDS_SCORES = new Set<SliceLoss>(["log-loss", "brier"]);
const CLASSIFICATION = new Set<SliceLoss>(["error", "log-loss", "brier"]);

/**
 * Picks the per-example loss: the policy's `loss`, else that of the first gated metric that is a mean of per-example
 * values (accuracy → 0/1 error, log_loss, brier, mae → absolute error), else log loss (classification with scores),
 * 0/1 error (without) or squared error (regression). Metrics such as roc_auc, f1, rmse and r2 do not decompose per
 * example, so a note says which loss ranks the slices in their stead. The margin is the policy's `margin`, else the
 * loss metric's `max-regression`, else 0 (with a note).
 * @throws PolicyError when the loss does not fit the predictions (log loss without scores, error on regression).
 */
export function chooseSliceLoss(
  metrics: Readonly<Record<string, MetricPolicy>>,
  asked: { loss?: SliceLoss; margin?: number },
  predictions: Predictions,
  file: string,
): ChosenLoss {
  const classification = predictions.task === "classification";
  const gated = Object.keys(metrics);
  const fromMetric = gated
    .map((m) => LOSS_OF_METRIC[m])
    .find((loss) => loss !== undefined && fits(loss, classification, predictions.scores !== undefined));
  const loss =
    asked.loss ?? fromMetric ?? (classification ? (predictions.scores ? "log-loss" : "error") : "squared-error");
  if (!fits(loss, classification, predictions.scores !== undefined)) {
    const why = classification
      ? `${predictions.name} has no score column`
      : `${predictions.name} holds regression predictions`;
    throw new PolicyError(
      `${file}: evaluate.slice-search.loss is ${loss}, but ${why}.`,
      classification
        ? "Use loss: error, or give the score column (score-column) for log-loss and brier."
        : "Use loss: absolute-error or squared-error for regression.",
      { file, path: "evaluate.slice-search.loss" },
    );
  }
  const { metric, direction, perExample } = METRIC_OF[loss];
  const notes: string[] = [];
  const undecomposed = gated.filter((m) => LOSS_OF_METRIC[m] === undefined);
  if (asked.loss === undefined && fromMetric === undefined && undecomposed.length > 0) {
    notes.push(
      `${undecomposed.join(", ")} do${undecomposed.length === 1 ? "es" : ""} not decompose per example, so the slice search ranks slices by the paired change of ${describeLoss(loss)}.`,
    );
  }
  const rule = metrics[metric]?.["max-regression"];
  if (asked.margin !== undefined)
    return {
      loss,
      metric,
      direction,
      perExample,
      margin: asked.margin,
      marginSource: "evaluate.slice-search.margin",
      notes,
    };
  if (rule !== undefined)
    return {
      loss,
      metric,
      direction,
      perExample,
      margin: rule,
      marginSource: `evaluate.metrics.${metric}.max-regression`,
      notes,
    };
  notes.push(
    `The slice search tests each slice against a margin of 0: evaluate.metrics has no ${metric} max-regression; set one, or evaluate.slice-search.margin.`,
  );
  return { loss, metric, direction, perExample, margin: 0, marginSource: "none", notes };
}

function fits(loss: SliceLoss, classification: boolean, scores: boolean): boolean {
  return classification ? CLASSIFICATION.has(loss) && (scores || !NEEDS_SCORES.has(loss)) : !CLASSIFICATION.has(loss);
}

/** "0/1 error (accuracy)", "log loss", ... for sentences. */
export function describeLoss(loss: SliceLoss): string {
  const names: Record<SliceLoss, string> = {
    error: "0/1 error (accuracy)",
    "log-loss": "log loss",
    brier: "the Brier score",
    "absolute-error": "absolute error (mae)",
    "squared-error": "squared error (mse)",
  };
  return names[loss];
}
