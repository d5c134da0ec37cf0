// Writes the validate-data example: a reference batch, a clean new batch from the same distribution, and a
// drifted batch (pricier, shifted plan mix, a new plan, some missing charges). Deterministic (seeded).
// Re-run: node shared/examples/churn/data/make-data.mjs
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { mulberry32 as random } from "../../../tools/mulberry32.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));

function batch(seed, rows, firstId, drift) {
  const next = random(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  const pick = (levels, weights) => {
    let u = next() * weights.reduce((a, b) => a + b, 0);
    for (let i = 0; i < levels.length; i++) if ((u -= weights[i]) < 0) return levels[i];
    return levels[levels.length - 1];
  };
  const lines = ["customer_id,tenure_months,monthly_charges,plan,contract,support_calls,signup_date"];
  for (let i = 0; i < rows; i++) {
    const tenure = Math.min(72, Math.floor(next() * 73));
    const charges = (drift ? 1.25 : 1) * Math.max(5, 55 + 18 * normal());
    const plan = drift ? pick(["basic", "pro", "team", "enterprise"], [0.3, 0.3, 0.3, 0.1]) : pick(["basic", "pro", "team"], [0.5, 0.3, 0.2]);
    const contract = pick(["monthly", "yearly"], drift ? [0.65, 0.35] : [0.6, 0.4]);
    const calls = Math.min(4, Math.floor(-Math.log(1 - next()) * 1.2));
    const day = new Date(Date.UTC(2023, 0, 1) + Math.floor(next() * 700) * 86_400_000).toISOString().slice(0, 10);
    const missing = drift && next() < 0.03;
    lines.push([firstId + i, tenure, missing ? "" : charges.toFixed(2), plan, contract, calls, day].join(","));
  }
  writeFileSync(path.join(here, `${drift ? "batch-drifted" : firstId === 1 ? "reference" : "batch-clean"}.csv`), `${lines.join("\n")}\n`);
}

batch(1, 2000, 1, false);
batch(7, 1500, 2001, false);
batch(3, 1500, 3501, true);
