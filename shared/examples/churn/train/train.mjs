// A tiny churn trainer: logistic regression by stochastic gradient descent, shuffled by a generator
// seeded from MODELGATE_SEED, so the same seed and data give the same model bytes.
// Usage: node train.mjs [--unseeded]   (--unseeded shuffles with Math.random: a run that does not repeat)
// Reads customers.csv beside it and params.json; writes out/model.json and out/metrics.json.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const params = JSON.parse(readFileSync(path.join(here, "params.json"), "utf8"));
const seed = Number(process.env.MODELGATE_SEED ?? 0);
let state = seed >>> 0;
const seeded = () => {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
};
const random = process.argv.includes("--unseeded") ? Math.random : seeded;

const [, ...lines] = readFileSync(path.join(here, "customers.csv"), "utf8").trim().split("\n");
const rows = lines.map((l) => l.split(",").map(Number));
const scale = [72, 120, 8];
const x = rows.map((r) => r.slice(0, 3).map((v, j) => v / scale[j]));
const y = rows.map((r) => r[3]);
const split = Math.floor(rows.length * 0.75);
const weights = [0, 0, 0, 0];
const predict = (xi) => 1 / (1 + Math.exp(-(weights[0] + xi.reduce((s, v, j) => s + v * weights[j + 1], 0))));
const order = Array.from({ length: split }, (_, i) => i);
for (let epoch = 0; epoch < params.epochs; epoch++) {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  for (const i of order) {
    const error = predict(x[i]) - y[i];
    weights[0] -= params.learning_rate * error;
    for (let j = 0; j < 3; j++) weights[j + 1] -= params.learning_rate * error * x[i][j];
  }
}
let correct = 0;
for (let i = split; i < rows.length; i++) correct += (predict(x[i]) >= 0.5 ? 1 : 0) === y[i] ? 1 : 0;
mkdirSync(path.join(here, "out"), { recursive: true });
writeFileSync(path.join(here, "out/model.json"), `${JSON.stringify({ features: ["tenure_months", "monthly_charges", "support_calls"], scale, weights })}\n`);
writeFileSync(path.join(here, "out/metrics.json"), `${JSON.stringify({ accuracy: correct / (rows.length - split), test_rows: rows.length - split })}\n`);
console.log(`trained ${params.epochs} epochs with seed ${seed}: test accuracy ${(correct / (rows.length - split)).toFixed(4)}`);
