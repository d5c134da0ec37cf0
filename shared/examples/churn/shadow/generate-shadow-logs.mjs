// Writes the example's shadow logs deterministically: the churn model in production and the candidate in shadow
// mode answer the same 1,500 requests. Re-run from the repository root:
//   node shared/examples/churn/shadow/generate-shadow-logs.mjs
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const here = path.dirname(fileURLToPath(import.meta.url));
const REQUESTS = 1500;

// mulberry32: a small seeded generator, enough for example data.
let state = 20261123;
function random() {
  state = (state + 0x6d2b79f5) | 0;
  let t = Math.imul(state ^ (state >>> 15), 1 | state);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
const pick = (items) => items[Math.floor(random() * items.length)];

// The example churn model (logistic): production weights, and the candidate's, retrained with more weight on support calls.
const PRODUCTION = { bias: -1.2, tenure: -0.045, charges: 0.018, calls: 0.35, pro: -0.4 };
const CANDIDATE = { bias: -1.3, tenure: -0.043, charges: 0.019, calls: 0.42, pro: -0.45 };
const score = (w, c) => 1 / (1 + Math.exp(-(w.bias + w.tenure * c.tenure + w.charges * c.charges + w.calls * c.calls + w.pro * (c.plan === "pro" ? 1 : 0))));
const round = (x, digits) => Number(x.toFixed(digits));

const production = ["request_id,timestamp,prediction,score,latency_ms,country,plan"];
const shadow = [];
const labels = ["request_id,label"];
const start = Date.parse("2026-11-20T08:00:00Z");
for (let i = 0; i < REQUESTS; i++) {
  const customer = { tenure: Math.floor(random() * 72), charges: 20 + random() * 100, calls: Math.floor(-Math.log(1 - random()) * 2), plan: pick(["free", "pro"]), country: pick(["de", "fr", "us", "us", "br"]) };
  const id = `req-${String(i).padStart(5, "0")}`;
  const timestamp = new Date(start + i * 2000).toISOString();
  const p = round(score(PRODUCTION, customer), 4);
  const s = round(score(CANDIDATE, customer), 4);
  const latency = round(25 * Math.exp(0.35 * normal()), 2);
  production.push([id, timestamp, p >= 0.5 ? "churn" : "stay", p, latency, customer.country, customer.plan].join(","));
  // The shadow misses 2% of requests (timeouts) and is about 4% slower.
  if (random() >= 0.02) shadow.push(JSON.stringify({ request_id: id, timestamp, prediction: s >= 0.5 ? "churn" : "stay", score: s, latency_ms: round(latency * (1.04 + 0.03 * normal()), 2) }));
  if (random() < 0.6) labels.push(`${id},${random() < (p + s) / 2 ? "churn" : "stay"}`);
}
writeFileSync(path.join(here, "production.csv.gz"), gzipSync(`${production.join("\n")}\n`, { level: 9 }));
writeFileSync(path.join(here, "shadow.jsonl.gz"), gzipSync(`${shadow.join("\n")}\n`, { level: 9 }));
writeFileSync(path.join(here, "labels.csv"), `${labels.join("\n")}\n`);
