import type { ClassComparison } from "./compare-classes.js";
import type { LabelComparison } from "./compare-labels.js";
import type { LatencyComparison } from "./compare-latency.js";
import type { ScoreComparison } from "./compare-scores.js";
import type { SliceDisagreement } from "./compare-slices.js";
import type { JoinedLogs } from "./join-shadow-logs.js";
import type { ShadowLog } from "./shadow-log.js";

/** Every comparison of the two logs, computed once; checks and reports read from here. */
export interface ShadowComparison {
  production: ShadowLog;
  shadow: ShadowLog;
  joined: JoinedLogs;
  classes?: ClassComparison;
  scores?: ScoreComparison;
  latency?: LatencyComparison;
  slices: SliceDisagreement[];
  labels?: LabelComparison;
  /** Distribution statistics of the paired scores and predicted classes, when they could be computed. */
  distribution: {
    scoreKs?: { statistic: number; pValue: number; method: string };
    scoreWasserstein?: number;
    scorePsi?: number;
    predictionPsi?: number;
  };
}
