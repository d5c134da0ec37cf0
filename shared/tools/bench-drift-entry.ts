// Child process of shared/tools/bench-drift.mjs (bundled by it with ncc into .bench/drift/): runs our drift
// statistics on the two columns bench-drift.mjs wrote and prints one JSON line: per statistic its value and seconds
// (computation only, as bench-drift.py times SciPy), then the process's peak RSS.
// Usage: node .bench/drift/index.js <data dir> <n>
import { readFileSync } from "node:fs";
import path from "node:path";
import { chiSquareContingency } from "../src/stats/chi-square.js";
import { jensenShannonDistance } from "../src/stats/jensen-shannon.js";
import { ksTwoSample, ksTwoSampleSorted } from "../src/stats/ks-two-sample.js";
import {
  binCounts,
  binCountsOfSorted,
  populationStabilityIndex,
  quantileBinEdges,
  quantileBinEdgesOfSorted,
} from "../src/stats/population-stability-index.js";
import { sortedSample } from "../src/stats/sorted-sample.js";
import { normedWasserstein, normedWassersteinOfSorted, wassersteinDistance } from "../src/stats/wasserstein.js";

const [dir = "", nText = ""] = process.argv.slice(2);
const n = Number(nText);

function readF64(name: string): Float64Array {
  const bytes = readFileSync(path.join(dir, name));
  return new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + 8 * n));
}

const reference = readF64("reference.f64");
const current = readF64("current.f64");
const results: Record<string, { value: number; seconds: number }> = {};
function time(name: string, compute: () => number): void {
  const start = process.hrtime.bigint();
  const value = compute();
  results[name] = { value, seconds: Number(process.hrtime.bigint() - start) / 1e9 };
}

let counts: number[][] = [];
time("ks statistic", () => ksTwoSample(reference, current).statistic);
time("ks p-value", () => ksTwoSample(reference, current).pValue);
time("wasserstein", () => wassersteinDistance(reference, current));
time("normed wasserstein", () => normedWasserstein(reference, current));
time("psi (deciles)", () => {
  const edges = quantileBinEdges(reference, 10);
  counts = [binCounts(reference, edges), binCounts(current, edges)];
  return populationStabilityIndex(counts[0] as number[], counts[1] as number[]).value;
});
time("jensen-shannon (deciles)", () => jensenShannonDistance(counts[0] as number[], counts[1] as number[]));
time("chi2 p-value (deciles)", () => chiSquareContingency(counts).pValue);
time("ks p + normed W + PSI, each sample sorted once", () => {
  const a = sortedSample(reference, "reference");
  const b = sortedSample(current, "current");
  const edges = quantileBinEdgesOfSorted(a, 10);
  const psi = populationStabilityIndex(binCountsOfSorted(a, edges), binCountsOfSorted(b, edges)).value;
  return ksTwoSampleSorted(a, b).pValue + normedWassersteinOfSorted(a, b) + psi;
});
console.log(JSON.stringify({ results, maxRssKiB: process.resourceUsage().maxRSS }));
