// Writes the example's evaluation predictions (deterministic: a seeded generator, no dependencies).
// Usage: node shared/examples/churn/make-predictions.mjs
//   predictions/baseline.csv            the production model on 4,000 held-out customers
//   predictions/candidate-noise.csv     a retrain whose accuracy differs from the baseline's by chance only
//   predictions/candidate-regressed.csv a candidate that got clearly worse for customers in the west region
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { mulberry32 as generator } from "../../tools/mulberry32.mjs";

const folder = path.join(path.dirname(fileURLToPath(import.meta.url)), "predictions");

const normal = (random) => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
const sigmoid = (x) => 1 / (1 + Math.exp(-x));

const N = 4000;
const REGIONS = ["north", "south", "east", "west"];
const random = generator(20261123);
const customers = Array.from({ length: N }, (_, i) => {
  const signal = normal(random);
  return {
    id: `c${String(i + 1).padStart(5, "0")}`,
    region: REGIONS[Math.floor(random() * REGIONS.length)],
    plan: random() < 0.35 ? "pro" : "basic",
    signal,
    label: random() < sigmoid(2.2 * signal - 0.9) ? 1 : 0,
  };
});

/** Each model sees the true signal through its own noise; `extra` adds noise for some customers. */
function score(seed, noise, extra = () => 0) {
  const own = generator(seed);
  return customers.map((c) => sigmoid(2.2 * (c.signal + noise * normal(own) + extra(c) * normal(own)) - 0.9));
}

function write(file, scores) {
  const lines = ["id,region,plan,label,score,prediction"];
  customers.forEach((c, i) => {
    const s = scores[i];
    lines.push(`${c.id},${c.region},${c.plan},${c.label},${s.toFixed(6)},${s >= 0.5 ? 1 : 0}`);
  });
  writeFileSync(path.join(folder, file), `${lines.join("\n")}\n`);
}

write("baseline.csv", score(1, 0.55));
write("candidate-noise.csv", score(2, 0.55));
write("candidate-regressed.csv", score(3, 0.55, (c) => (c.region === "west" ? 1.1 : 0)));
