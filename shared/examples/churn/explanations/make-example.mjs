// Writes the explanation example (predictions and per-example SHAP-style attributions of two churn models on the
// same 200 customers), deterministically: `node make-example.mjs` from this folder rewrites the same bytes.
// Attributions are in log-odds and sum, with the intercept, to each model's logit, as TreeSHAP's do.
import { writeFileSync } from "node:fs";

/** mulberry32: a tiny seeded generator, so the example needs no dependency. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = random(20261123);
const normal = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
const round = (x) => Math.round(x * 1e4) / 1e4;
const sigmoid = (x) => 1 / (1 + Math.exp(-x));

const n = 200;
const customers = Array.from({ length: n }, (_, i) => ({
  id: `cust-${String(i + 1).padStart(4, "0")}`,
  tenure: normal(),
  charges: normal(),
  contract: rand() < 0.5 ? 1 : -1,
  calls: normal(),
  region: normal(),
  login: normal(),
}));
// The baseline leans on monthly charges; tenure lowers churn risk. The candidate leans on support calls (a
// feature it added with days_since_login, dropping region), and tenure's average effect has turned positive.
const baseline = (c) => ({ monthly_charges: 0.9 * c.charges, tenure: -0.5 * c.tenure - 0.2, contract: 0.4 * c.contract, support_calls: 0.3 * c.calls, region: 0.15 * c.region });
const candidate = (c) => ({ support_calls: 1.1 * c.calls + 0.1, monthly_charges: 0.35 * c.charges, tenure: 0.3 * c.tenure + 0.15, contract: 0.45 * c.contract, days_since_login: 0.25 * c.login });
const truth = (c) => sigmoid(0.8 * c.calls + 0.6 * c.charges - 0.3 * c.tenure + 0.3 * c.contract - 0.4);
const labels = customers.map((c) => (rand() < truth(c) ? 1 : 0));

function write(model, attribute) {
  const rows = customers.map((c) => {
    const a = Object.fromEntries(Object.entries(attribute(c)).map(([k, v]) => [k, round(v)]));
    return { id: c.id, a, score: round(sigmoid(-0.4 + Object.values(a).reduce((s, v) => s + v, 0))) };
  });
  const features = Object.keys(rows[0].a);
  writeFileSync(`${model}-shap.csv`, [["id", ...features].join(","), ...rows.map((r) => [r.id, ...features.map((f) => r.a[f])].join(","))].join("\n") + "\n");
  writeFileSync(`${model}-predictions.csv`, ["id,label,score", ...rows.map((r, i) => `${r.id},${labels[i]},${r.score}`)].join("\n") + "\n");
}
write("baseline", baseline);
write("candidate", candidate);
