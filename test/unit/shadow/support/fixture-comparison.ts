import type { LatencyJudge } from "../../../../shared/src/shadow/compare-latency.js";
import { compareShadowLogs } from "../../../../shared/src/shadow/compare-shadow-logs.js";
import { readShadowLabels } from "../../../../shared/src/shadow/read-shadow-labels.js";
import type { ShadowComparison } from "../../../../shared/src/shadow/shadow-comparison.js";
import { access, readFixtureLogs } from "./load-fixtures.js";

/** The fixture logs compared as the action compares them, with duplicate-ids "last". */
export async function fixtureComparison(judge: LatencyJudge = "bootstrap"): Promise<ShadowComparison> {
  const { production, shadow } = await readFixtureLogs();
  return compareShadowLogs(production, shadow, {
    duplicates: "last",
    latency: { judge, confidence: judge === "kayenta" ? 0.98 : 0.95, resamples: 1000, seed: 3 },
    labels: await readShadowLabels("labels.csv", access, "request_id", "label"),
  });
}
