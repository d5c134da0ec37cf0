import { compareClasses } from "../../../../shared/src/shadow/compare-classes.js";
import { compareLabels } from "../../../../shared/src/shadow/compare-labels.js";
import { compareLatency, type LatencyJudge } from "../../../../shared/src/shadow/compare-latency.js";
import { compareScores } from "../../../../shared/src/shadow/compare-scores.js";
import { compareSlices } from "../../../../shared/src/shadow/compare-slices.js";
import { joinShadowLogs } from "../../../../shared/src/shadow/join-shadow-logs.js";
import { readShadowLabels } from "../../../../shared/src/shadow/read-shadow-labels.js";
import type { ShadowComparison } from "../../../../shared/src/shadow/shadow-comparison.js";
import { access, readFixtureLogs } from "./load-fixtures.js";

/** The fixture logs compared piece by piece (distribution statistics left out: they have their own tests). */
export async function fixtureComparison(judge: LatencyJudge = "bootstrap"): Promise<ShadowComparison> {
  const { production, shadow } = await readFixtureLogs();
  const joined = joinShadowLogs(production, shadow, "last");
  const classes = compareClasses(production, shadow, joined)!;
  const labels = compareLabels(production, shadow, joined, await readShadowLabels("labels.csv", access, "request_id", "label"))!;
  return {
    production,
    shadow,
    joined,
    classes,
    scores: compareScores(production, shadow, joined)!,
    latency: compareLatency(production, shadow, joined, { judge, confidence: judge === "kayenta" ? 0.98 : 0.95, resamples: 1000, seed: 3 })!,
    slices: compareSlices(production, joined, classes),
    labels,
    distribution: {},
  };
}
