// Writes train/customers.csv: 400 synthetic customers, the same bytes on every run (a fixed LCG, no Math.random).
// Re-run: node shared/examples/churn/train/make-data.mjs
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

let state = 20240601;
const next = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
const rows = ["tenure_months,monthly_charges,support_calls,churned"];
for (let i = 0; i < 400; i++) {
  const tenure = Math.floor(next() * 72);
  const charges = Math.round((20 + next() * 100) * 100) / 100;
  const calls = Math.floor(next() * 8);
  const risk = -1.5 - 0.05 * tenure + 0.02 * charges + 0.45 * calls;
  rows.push(`${tenure},${charges},${calls},${next() < 1 / (1 + Math.exp(-risk)) ? 1 : 0}`);
}
writeFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), "customers.csv"), `${rows.join("\n")}\n`);
