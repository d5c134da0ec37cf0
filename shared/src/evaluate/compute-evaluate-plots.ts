import type { Predictions } from "../data/predictions/predictions.js";
import { computeBrierScore } from "../stats/brier-score.js";
import { computeCalibrationBins } from "../stats/calibration-bins.js";
import { computeConfusionMatrix } from "../stats/confusion-matrix.js";
import { computeDecileMeans } from "../stats/decile-means.js";
import { computeHistogram } from "../stats/histogram.js";
import { equalWidthEdges, interpolateRocOnGrid, stepPrecisionOnGrid, unitGrid } from "../stats/interpolate-curve.js";
import { computePrecisionRecallCurve } from "../stats/precision-recall-curve.js";
import { computeRocAuc } from "../stats/roc-auc.js";
import { computeRocCurve } from "../stats/roc-curve.js";
import type { EvaluationPredictions } from "./collect-significance-tasks.js";
import type {
  ClassificationPlots,
  EvaluatePlots,
  GridCurve,
  ModelPair,
  RegressionPlots,
  ReliabilityBins,
} from "./evaluate-plots.js";

/** Points of the grid ROC and PR curves are read at: every 0.05 from 0 to 1. */
export const CURVE_GRID_POINTS = 21;
/** Equal-width bins of the reliability diagram and the residual histogram. */
export const PLOT_BINS = 10;

/**
 * The data of evaluate-gate's plots from the predictions it read, each model on the same grid or bins so the report
 * can draw both as series of one chart. Classification: confusion matrices at the classes judged; with scores, ROC
 * curves interpolated linearly and precision–recall curves as steps onto `CURVE_GRID_POINTS` (scikit-learn's
 * roc_curve and precision_recall_curve, AUC and average precision), reliability bins as calibration_curve(n_bins=10)
 * with Brier. Regression: histograms of actual − predicted on common equal-width bins, and decile means.
 */
export function computeEvaluatePlots(evaluation: EvaluationPredictions): EvaluatePlots {
  return evaluation.candidate.task === "regression" ? regressionPlots(evaluation) : classificationPlots(evaluation);
}

function pair<T>(evaluation: EvaluationPredictions, f: (p: Predictions) => T): ModelPair<T> {
  const { candidate, baseline } = evaluation;
  return { candidate: f(candidate), ...(baseline && { baseline: f(baseline) }) };
}

function classificationPlots(evaluation: EvaluationPredictions): ClassificationPlots {
  const { candidate } = evaluation;
  const confusion = pair(evaluation, (p) => {
    const m = computeConfusionMatrix(p.labels, p.predictions);
    return { tn: m.trueNegatives, fp: m.falsePositives, fn: m.falseNegatives, tp: m.truePositives };
  });
  const plots: ClassificationPlots = {
    task: "classification",
    positive_label: candidate.positiveLabel ?? "1",
    classes_from: candidate.classesFrom ?? "the prediction column",
    confusion,
    omitted: [],
  };
  const models = [evaluation.candidate, ...(evaluation.baseline ? [evaluation.baseline] : [])];
  const unscored = models.find((p) => p.scores === undefined);
  if (unscored) {
    plots.omitted.push(
      `ROC, precision–recall and reliability plots need scores; ${unscored.name} has no score column.`,
    );
    return plots;
  }
  const grid = unitGrid(CURVE_GRID_POINTS);
  const roc = curves(models, (p) => {
    const curve = computeRocCurve(p.labels, p.scores!);
    if (!curve.ok) return curve;
    const values = interpolateRocOnGrid(curve.fpr, curve.tpr, grid);
    const auc = computeRocAuc(p.labels, p.scores!);
    return auc.ok ? { ok: true as const, area: auc.value, values: [...values] } : auc;
  });
  const pr = curves(models, (p) => {
    const curve = computePrecisionRecallCurve(p.labels, p.scores!);
    if (!curve.ok) return curve;
    return {
      ok: true as const,
      area: curve.averagePrecision,
      values: [...stepPrecisionOnGrid(curve.precision, curve.recall, grid)],
    };
  });
  if (roc.ok || pr.ok) plots.grid = [...grid];
  if (roc.ok) plots.roc = roc.pair;
  else plots.omitted.push(`No ROC curve: ${roc.reason}`);
  if (pr.ok) plots.precision_recall = pr.pair;
  else plots.omitted.push(`No precision–recall curve: ${pr.reason}`);
  const reliability = pair(evaluation, (p): ReliabilityBins => {
    const bins = computeCalibrationBins(p.labels, p.scores!, PLOT_BINS);
    plots.reliability_edges = bins.edges;
    return {
      counts: bins.counts,
      observed: bins.observed,
      predicted: bins.predicted,
      brier: computeBrierScore(p.labels, p.scores!),
    };
  });
  plots.reliability = reliability;
  return plots;
}

type CurveOutcome = { ok: true; area: number; values: number[] } | { ok: false; reason: string };

/** Both models' curves, or the first reason one of them is undefined (both are drawn or neither). */
function curves(
  models: Predictions[],
  f: (p: Predictions) => CurveOutcome,
): { ok: true; pair: ModelPair<GridCurve> } | { ok: false; reason: string } {
  const outcomes = models.map(f);
  const failed = outcomes.find((o): o is { ok: false; reason: string } => !o.ok);
  if (failed) return failed;
  const [candidate, baseline] = outcomes.map((o) => ({
    area: (o as { area: number }).area,
    values: (o as { values: number[] }).values,
  }));
  return { ok: true, pair: { candidate: candidate!, ...(baseline && { baseline }) } };
}

function regressionPlots(evaluation: EvaluationPredictions): RegressionPlots {
  const residuals = pair(evaluation, (p) => Float64Array.from(p.labels, (y, i) => y - p.predictions[i]!));
  const all = [residuals.candidate, ...(residuals.baseline ? [residuals.baseline] : [])];
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  for (const values of all) for (const v of values) [low, high] = [Math.min(low, v), Math.max(high, v)];
  // numpy.histogram widens an empty range to ±0.5 the same way.
  if (low === high) [low, high] = [low - 0.5, high + 0.5];
  const edges = equalWidthEdges(low, high, PLOT_BINS);
  return {
    task: "regression",
    residual_edges: [...edges],
    residuals: {
      candidate: computeHistogram(residuals.candidate, edges),
      ...(residuals.baseline && { baseline: computeHistogram(residuals.baseline, edges) }),
    },
    deciles: pair(evaluation, (p) => {
      const d = computeDecileMeans(p.labels, p.predictions);
      return { mean_predicted: d.meanPredicted, mean_actual: d.meanActual, sizes: d.sizes };
    }),
  };
}
