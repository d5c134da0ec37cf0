// Writes the example's regression predictions (deterministic: a seeded generator, no dependencies): two models of
// next month's charges for the same 1,000 customers, the candidate tighter but biased high on the largest bills.
// Usage: node shared/examples/churn/make-regression-predictions.mjs
//   regression/baseline.csv   the production charges model
//   regression/candidate.csv  a retrain
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { mulberry32 as generator } from "../../tools/mulberry32.mjs";

const folder = path.join(path.dirname(fileURLToPath(import.meta.url)), "regression");
const normal = (random) => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());

const N = 1000;
const random = generator(20261206);
const actual = Array.from({ length: N }, () => Math.max(5, 70 + 25 * normal(random)));

function write(file, seed, noise, bias) {
  const own = generator(seed);
  const lines = ["id,label,prediction"];
  actual.forEach((y, i) => lines.push(`c${String(i + 1).padStart(5, "0")},${y.toFixed(2)},${(y + noise * normal(own) + bias(y)).toFixed(2)}`));
  writeFileSync(path.join(folder, file), `${lines.join("\n")}\n`);
}

write("baseline.csv", 1, 9, () => 0);
write("candidate.csv", 2, 7, (y) => (y > 100 ? 0.25 * (y - 100) : 0));
