import { judgeKayenta, type KayentaJudgement } from "../stats/kayenta-judge.js";
import { percentileOfSorted } from "../stats/numpy-percentile.js";
import { computePercentileRatios, type PercentileRatio } from "../stats/percentile-ratio-bootstrap.js";
import type { JoinedLogs } from "./join-shadow-logs.js";
import type { ShadowLog } from "./shadow-log.js";
import { gather } from "../stats/gather.js";

export const LATENCY_PERCENTS = [50, 95, 99] as const;

export type LatencyJudge = "bootstrap" | "kayenta";

export interface LatencyOptions {
  judge: LatencyJudge;
  /** Coverage of the intervals (bootstrap two-sided; Kayenta's Mann–Whitney). */
  confidence: number;
  resamples: number;
  seed: number;
}

/** Latency of the two models on the paired requests: each percentile's ratio shadow/production, or Kayenta's judgement. */
export type LatencyComparison =
  | { judge: "bootstrap"; compared: number; ratios: PercentileRatio[] }
  | {
      judge: "kayenta";
      compared: number;
      judgement: KayentaJudgement;
      production: Record<string, number>;
      shadow: Record<string, number>;
    };

/**
 * Compares latencies on the requests both models served. "bootstrap" (default): p50, p95 and p99 of each, with a
 * seeded paired bootstrap interval of each ratio shadow/production. "kayenta": Kayenta's Mann–Whitney classifier with
 * the shadow as experiment, production as control and direction "increase" (only slower counts against it).
 */
export function compareLatency(
  production: ShadowLog,
  shadow: ShadowLog,
  joined: JoinedLogs,
  options: LatencyOptions,
): LatencyComparison | undefined {
  const a = production.latencies;
  const b = shadow.latencies;
  if (!a || !b) return undefined;
  const control = gather(a, joined.productionRows);
  const treatment = gather(b, joined.shadowRows);
  const compared = control.length;
  if (options.judge === "kayenta") {
    const judgement = judgeKayenta(control, treatment, {
      confidence: options.confidence,
      direction: "increase",
      seed: options.seed,
    });
    const percentiles = (values: Float64Array) => {
      const sorted = Float64Array.from(values).sort();
      return Object.fromEntries(
        LATENCY_PERCENTS.map((percent) => [`p${percent}`, percentileOfSorted(sorted, percent)]),
      );
    };
    return { judge: "kayenta", compared, judgement, production: percentiles(control), shadow: percentiles(treatment) };
  }
  const ratios = computePercentileRatios(control, treatment, {
    percents: LATENCY_PERCENTS,
    resamples: options.resamples,
    seed: options.seed,
    confidence: options.confidence,
  });
  return { judge: "bootstrap", compared, ratios };
}
