// The automatic slice search of evaluate-gate on 1,000,000 paired predictions with 10 feature columns (6 categorical
// of 3–12 values, 4 numeric cut at quintiles), a regression planted in one two-predicate slice: wall time of the search
// alone (encode, scan the lattice, test, adjust), at depth 2 (the default) and depth 3, and the process's peak RSS.
// Also the end of npm run bench unless BENCH_SKIP_SLICES=1. BENCH_SLICES_ROWS overrides the row count.
// Usage: node shared/tools/bench-slices.mjs
import { register } from "node:module";
import { mulberry32 } from "./mulberry32.mjs";

register("./ts-loader-hooks.mjs", import.meta.url);
const { searchSlices } = await import("../src/evaluate/slice-search/search-slices.ts");

const rows = Number(process.env.BENCH_SLICES_ROWS ?? 1_000_000);
const random = mulberry32(20261206);
const CATEGORICAL = [3, 4, 5, 6, 8, 12];

function textColumn(name, values) {
  const codes = new Int32Array(rows);
  for (let i = 0; i < rows; i++) codes[i] = Math.floor(random() * values);
  return {
    kind: "string",
    name,
    codes,
    dictionary: Array.from({ length: values }, (_, v) => `${name}${v}`),
    missing: 0,
  };
}
function numberColumn(name) {
  const values = new Float64Array(rows);
  for (let i = 0; i < rows; i++) values[i] = Math.round(random() * 100000) / 100;
  return { kind: "number", name, values, missing: 0, nonNumeric: 0, nonFinite: 0 };
}

const features = new Map();
CATEGORICAL.forEach((values, i) => features.set(`c${i}`, textColumn(`c${i}`, values)));
for (let i = 0; i < 4; i++) features.set(`x${i}`, numberColumn(`x${i}`));
// Both models err on 10% of examples; the candidate on 30% where c1 = c10 and x0 ≥ 800 (about 5,000 examples).
const c1 = features.get("c1").codes;
const x0 = features.get("x0").values;
const labels = new Float64Array(rows).fill(1);
const baselinePredictions = new Float64Array(rows);
const candidatePredictions = new Float64Array(rows);
for (let i = 0; i < rows; i++) {
  baselinePredictions[i] = random() < 0.1 ? 0 : 1;
  candidatePredictions[i] = random() < (c1[i] === 0 && x0[i] >= 800 ? 0.3 : 0.1) ? 0 : 1;
}
const predictions = (name, values, withFeatures) => ({
  task: "classification",
  input: `${name}-predictions`,
  name: `${name}.csv`,
  sha256: "0".repeat(64),
  rows,
  labels,
  predictions: values,
  warnings: [],
  ...(withFeatures && { features }),
});
const evaluation = {
  candidate: predictions("candidate", candidatePredictions, true),
  baseline: predictions("baseline", baselinePredictions, false),
};

console.log(
  `\nSlice search (evaluate-gate), ${rows.toLocaleString("en")} paired predictions × ${features.size} feature columns, Node ${process.version}:`,
);
console.log("| depth | seconds | family (slices covered by Holm) | tested | found | top slice | adjusted p |");
console.log("|---:|---:|---:|---:|---:|---|---:|");
for (const depth of [2, 3]) {
  const policy = { metrics: { accuracy: { direction: "higher", "max-regression": 0.01 } }, "slice-search": { depth } };
  const start = process.hrtime.bigint();
  const { summary } = searchSlices(policy, evaluation, "modelgate.yml");
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const top = summary.slices[0];
  console.log(
    `| ${depth} | ${seconds.toFixed(2)} | ${summary.family} | ${summary.tested} | ${summary.found} | ${top?.slice ?? "—"} | ${top ? top.p_value_adjusted.toExponential(2) : "—"} |`,
  );
}
console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (the data itself included).`);
