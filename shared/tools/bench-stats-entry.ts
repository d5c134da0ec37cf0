// Child process of shared/tools/bench-stats.mjs (bundled by it with ncc into .bench/stats/): runs one case of our
// statistics on the data that bench-stats.mjs wrote, and prints one JSON line with the time (computation only,
// as bench-stats.py times SciPy), the interval and the process's peak RSS.
// Usage: node .bench/stats/index.js <data dir> <case: accuracy|auc-bootstrap|auc-delong> <n> <resamples> <method>
import { readFileSync } from "node:fs";
import path from "node:path";
import { computeDelong } from "../src/stats/delong.js";
import { percentileOfSorted } from "../src/stats/numpy-percentile.js";
import { computePairedBootstrap } from "../src/stats/paired-bootstrap.js";
import { computeRocAuc } from "../src/stats/roc-auc.js";
import { createSeededRandom } from "../src/stats/seeded-random.js";

const [dir = "", kind = "", nText = "", resamplesText = "", methodText = "percentile"] = process.argv.slice(2);
const n = Number(nText);
const resamples = Number(resamplesText);
const method = methodText === "bca" ? "bca" : "percentile";
const SEED = 12345;

function readU8(name: string): Uint8Array {
  const bytes = readFileSync(path.join(dir, name));
  return new Uint8Array(bytes.buffer, bytes.byteOffset, n);
}
function readF64(name: string): Float64Array {
  const bytes = readFileSync(path.join(dir, name));
  return new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + 8 * n));
}

/** Percentile bootstrap of AUC(candidate) − AUC(baseline) from library primitives (the library has DeLong for AUC). */
function aucBootstrap(y: Uint8Array, base: Float64Array, cand: Float64Array) {
  const random = createSeededRandom(SEED);
  const indices = new Uint32Array(n);
  const yb = new Uint8Array(n);
  const bb = new Float64Array(n);
  const cb = new Float64Array(n);
  const deltas = new Float64Array(resamples);
  for (let b = 0; b < resamples; b++) {
    random.fillInts(n, indices);
    for (let i = 0; i < n; i++) {
      const j = indices[i] as number;
      yb[i] = y[j] as number;
      bb[i] = base[j] as number;
      cb[i] = cand[j] as number;
    }
    const c = computeRocAuc(yb, cb);
    const a = computeRocAuc(yb, bb);
    deltas[b] = c.ok && a.ok ? c.value - a.value : Number.NaN;
  }
  deltas.sort();
  return { low: percentileOfSorted(deltas, 2.5), high: percentileOfSorted(deltas, 97.5) };
}

const y = readU8("y.u8");
let result: { low: number; high: number; estimate?: number };
if (kind === "accuracy") {
  // Predicted labels: right where the model is correct, the other label where it is not.
  const baseCorrect = readU8("base_correct.u8");
  const candCorrect = readU8("cand_correct.u8");
  const baseline = new Uint8Array(n);
  const candidate = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    baseline[i] = baseCorrect[i] ? (y[i] as number) : 1 - (y[i] as number);
    candidate[i] = candCorrect[i] ? (y[i] as number) : 1 - (y[i] as number);
  }
  const timed = process.hrtime.bigint();
  const interval = computePairedBootstrap(
    { metric: "accuracy", yTrue: y, baseline, candidate },
    { resamples, seed: SEED, method },
  );
  if (!interval.ok) throw new Error(interval.reason);
  result = { low: interval.low, high: interval.high, estimate: interval.estimate };
  const seconds = Number(process.hrtime.bigint() - timed) / 1e9;
  report(seconds);
} else {
  const base = readF64("base_score.f64");
  const cand = readF64("cand_score.f64");
  const timed = process.hrtime.bigint();
  if (kind === "auc-delong") {
    const comparison = computeDelong(y, base, cand);
    if (!comparison.ok) throw new Error(comparison.reason);
    result = { low: comparison.low, high: comparison.high, estimate: comparison.difference };
  } else {
    result = aucBootstrap(y, base, cand);
  }
  report(Number(process.hrtime.bigint() - timed) / 1e9);
}

function report(seconds: number): void {
  console.log(JSON.stringify({ seconds, ...result, maxRssKiB: process.resourceUsage().maxRSS }));
}
