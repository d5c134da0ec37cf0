import { formatIsoTime } from "../core/format-iso-time.js";
import { computeScoreHistogram } from "./score-histogram.js";
import type { ShadowComparison } from "./shadow-comparison.js";
import type { ShadowSummary, TimeWindow } from "./shadow-result.js";

const SHOWN_FLIPS = 20;

/** The comparison as counts and statistics for the result JSON and the report (no raw rows). */
export function toShadowSummary(comparison: ShadowComparison): ShadowSummary {
  const { joined, classes, scores, latency, labels, distribution, production, shadow } = comparison;
  const joinedCount = joined.productionRows.length;
  const window = (w: { first: number; last: number; sorted: boolean } | undefined): TimeWindow | undefined =>
    w && { first: formatIsoTime(w.first), last: formatIsoTime(w.last), sorted: w.sorted };
  const productionWindow = window(production.window);
  const shadowWindow = window(shadow.window);
  const { scoreKs: ks } = distribution;
  return {
    requests: {
      production: joined.productionRequests,
      shadow: joined.shadowRequests,
      joined: joinedCount,
      only_production: joined.onlyProduction,
      only_shadow: joined.onlyShadow,
      coverage: joinedCount / joined.productionRequests,
      reverse_coverage: joinedCount / joined.shadowRequests,
      duplicate_policy: joined.policy,
      duplicates: {
        production: { rows: joined.duplicates.production.rows, ids: joined.duplicates.production.ids },
        shadow: { rows: joined.duplicates.shadow.rows, ids: joined.duplicates.shadow.ids },
      },
    },
    windows: {
      ...(productionWindow && { production: productionWindow }),
      ...(shadowWindow && { shadow: shadowWindow }),
    },
    ...(classes && {
      classes: {
        compared: classes.compared,
        unanswered: classes.unanswered,
        agreement: classes.agreement,
        flip_rate: classes.flipRate,
        flips: classes.flips.slice(0, SHOWN_FLIPS),
        classes: classes.classes,
      },
    }),
    ...(scores && {
      scores: {
        compared: scores.compared,
        mean_delta: scores.meanDelta,
        mean_abs_delta: scores.meanAbsDelta,
        p50_abs_delta: scores.p50AbsDelta,
        p95_abs_delta: scores.p95AbsDelta,
        ...(ks && { ks: { statistic: ks.statistic, p_value: ks.pValue, method: ks.method } }),
        ...(distribution.scoreWasserstein !== undefined && { wasserstein: distribution.scoreWasserstein }),
        ...(distribution.scorePsi !== undefined && { psi: distribution.scorePsi }),
        histogram: computeScoreHistogram(scores.production, scores.shadow),
      },
    }),
    ...(distribution.predictionPsi !== undefined && { prediction_psi: distribution.predictionPsi }),
    ...(latency && { latency: toLatencySummary(latency) }),
    slices: comparison.slices.map((s) => ({
      column: s.column,
      value: s.value,
      compared: s.compared,
      flips: s.flips,
      flip_rate: s.flipRate,
    })),
    ...(labels && {
      labels: {
        labelled: labels.labelled,
        production_accuracy: labels.productionAccuracy,
        shadow_accuracy: labels.shadowAccuracy,
        mcnemar_b: labels.mcnemar.b,
        mcnemar_c: labels.mcnemar.c,
        mcnemar_p_value: labels.mcnemar.pValue,
      },
    }),
  };
}

function toLatencySummary(latency: NonNullable<ShadowComparison["latency"]>): NonNullable<ShadowSummary["latency"]> {
  if (latency.judge === "bootstrap") {
    return {
      judge: "bootstrap",
      compared: latency.compared,
      percentiles: latency.ratios.map((r) => ({
        percent: r.percent,
        production: r.control,
        shadow: r.treatment,
        // An infinite ratio (production's percentile 0, the shadow's not) is null, as JSON has no ∞.
        ratio: r.interval.ok && Number.isFinite(r.interval.estimate) ? r.interval.estimate : null,
        ci: r.interval.ok && Number.isFinite(r.interval.high) ? [r.interval.low, r.interval.high] : null,
      })),
    };
  }
  const { judgement } = latency;
  return {
    judge: "kayenta",
    compared: latency.compared,
    percentiles: Object.keys(latency.production).map((key) => ({
      percent: Number(key.slice(1)),
      production: latency.production[key] as number,
      shadow: latency.shadow[key] as number,
      ratio: null,
      ci: null,
    })),
    kayenta: {
      classification: judgement.classification,
      reason: judgement.reason,
      mean_ratio: judgement.meanRatio,
      p_value: judgement.test?.pValue ?? null,
      estimate: judgement.test?.estimate ?? null,
      ci: judgement.test ? [judgement.test.low, judgement.test.high] : null,
    },
  };
}
