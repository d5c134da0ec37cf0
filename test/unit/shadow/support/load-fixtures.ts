import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { readShadowLog } from "../../../../shared/src/shadow/read-shadow-log.js";
import type { ShadowColumnNames, ShadowLog } from "../../../../shared/src/shadow/shadow-log.js";

export const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), "../fixtures");
export const access = { workspace: fixtures, allowedRoots: [] };

export const NAMES: ShadowColumnNames = {
  joinKey: "request_id",
  prediction: "prediction",
  score: "score",
  latency: "latency_ms",
  timestamp: "timestamp",
  slices: ["country", "plan"],
};

/** pandas' values for the fixture logs (compute-expected.py). */
export const expected = JSON.parse(readFileSync(path.join(fixtures, "expected.json"), "utf8")) as {
  production_requests: number;
  shadow_requests: number;
  production_duplicate_rows: number;
  joined: number;
  coverage: number;
  reverse_coverage: number;
  agreement: number;
  flip_rate: number;
  flips: { from: string; to: string; count: number }[];
  mean_delta: number;
  mean_abs_delta: number;
  p50_abs_delta: number;
  p95_abs_delta: number;
  score_ks: number;
  score_ks_pvalue: number;
  score_wasserstein: number;
  score_psi: number;
  prediction_psi: number;
  latency: Record<string, { production: number; shadow: number }>;
  latency_sum_last: number;
  latency_sum_first: number;
  slices: { column: string; value: string; compared: number; flips: number }[];
  labelled: number;
  production_accuracy: number;
  shadow_accuracy: number;
  mcnemar_b: number;
  mcnemar_c: number;
  mcnemar_pvalue: number;
};

export async function readFixtureLogs(): Promise<{ production: ShadowLog; shadow: ShadowLog }> {
  const production = await readShadowLog("production.csv", access, "production", NAMES);
  const shadow = await readShadowLog("shadow.jsonl", access, "shadow", { ...NAMES, slices: [] });
  return { production, shadow };
}
