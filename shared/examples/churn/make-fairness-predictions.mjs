// Writes predictions-baseline.csv and predictions-candidate.csv for the bias-check part of the demo:
// 2,000 customers with a churn label, each model's prediction, and two group columns (region, age_band).
// The candidate predicts churn more often for the "rural" region (a disparity the policy catches).
// predictions-retrain.csv is the baseline retrained: its scores move by noise alone (a second generator, so the
// other two files keep their bytes), which shifts the groups' selection rates a little, by chance;
// predictions-rural.csv is the baseline with every rural customer's score raised by 0.15: a real disparity.
// policy-fairness.yml judges both against the baseline on the paired interval of the change.
// Deterministic (a fixed linear congruential generator): re-running gives the same bytes.
// Run: node shared/examples/churn/make-fairness-predictions.mjs
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

let state = 20240601;
const uniform = () => {
  state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
  return state / 4294967296;
};
const REGIONS = ["urban", "suburban", "rural"];
const AGES = ["18-34", "35-54", "55+"];
const rows = [];
for (let id = 1; id <= 2000; id++) {
  const region = REGIONS[Math.floor(uniform() * 3)];
  const age = AGES[Math.floor(uniform() * 3)];
  const label = uniform() < 0.3 ? 1 : 0;
  const noise = uniform();
  const baselineScore = Math.min(0.99, Math.max(0.01, 0.25 + 0.4 * label + 0.35 * (noise - 0.5)));
  const bias = region === "rural" ? 0.15 : 0;
  const candidateScore = Math.min(0.99, Math.max(0.01, 0.22 + 0.48 * label + 0.3 * (noise - 0.5) + bias));
  rows.push({ id, label, region, age, baselineScore, candidateScore });
}
let retrainState = 9;
const retrainUniform = () => {
  retrainState = (Math.imul(retrainState, 1664525) + 1013904223) >>> 0;
  return retrainState / 4294967296;
};
for (const row of rows) row.ruralScore = Math.min(0.99, row.baselineScore + (row.region === "rural" ? 0.15 : 0));
for (const row of rows) row.retrainScore = Math.min(0.99, Math.max(0.01, row.baselineScore + 0.2 * (retrainUniform() - 0.5)));
const folder = path.dirname(fileURLToPath(import.meta.url));
for (const model of ["baseline", "candidate", "retrain", "rural"]) {
  const lines = ["id,label,prediction,score,region,age_band"];
  for (const row of rows) {
    const score = row[`${model}Score`];
    lines.push(`c${row.id},${row.label},${score >= 0.5 ? 1 : 0},${score.toFixed(4)},${row.region},${row.age}`);
  }
  writeFileSync(path.join(folder, `predictions-${model}.csv`), `${lines.join("\n")}\n`);
}
