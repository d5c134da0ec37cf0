// bias-check on 1,000,000 predictions with 2 sensitive columns (5 regions × 4 segments, intersections included) and
// 1,000 bootstrap resamples, side by side with the same computation in numpy (shared/tools/bench-fairness.py).
// Ours runs the built CLI (`modelgate bias --format json`, end to end: CSV read, tally, intervals, report); numpy
// reads the same CSV with pandas. Wall time and peak RSS of each process by /usr/bin/time.
// Also the end of npm run bench unless BENCH_SKIP_FAIRNESS=1. BENCH_FAIRNESS_ROWS overrides the row count.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { mulberry32 } from "./mulberry32.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const rows = Number(process.env.BENCH_FAIRNESS_ROWS ?? 1_000_000);
const resamples = 1000;
const python = process.env.BENCH_STATS_PYTHON ?? "/usr/bin/python3";
const asRoot = process.getuid?.() === 0;

function ensurePython() {
  if (spawnSync(python, ["-c", "import numpy, pandas"]).status === 0) return;
  const apt = (args) =>
    spawnSync(asRoot ? "apt-get" : "sudo", asRoot ? args : ["apt-get", ...args], { stdio: "inherit" });
  apt(["update"]);
  apt(["install", "-y", "python3-pandas", "python3-numpy"]);
}

function writeData(dir) {
  const random = mulberry32(20240601);
  const regions = ["north", "south", "east", "west", "centre"];
  const segments = ["a", "b", "c", "d"];
  const lines = ["label,prediction,region,segment"];
  for (let i = 0; i < rows; i++) {
    const r = Math.floor(random() * 5);
    const label = random() < 0.3 + 0.04 * r ? 1 : 0;
    const prediction = random() < (label ? 0.7 : 0.2) + 0.02 * r ? 1 : 0;
    lines.push(`${label},${prediction},${regions[r]},${segments[Math.floor(random() * 4)]}`);
  }
  writeFileSync(path.join(dir, "predictions.csv"), `${lines.join("\n")}\n`);
  writeFileSync(
    path.join(dir, "modelgate.yml"),
    `version: 1\nfairness:\n  sensitive: [region, segment]\n  resamples: ${resamples}\n  intersections: gate\n  metrics:\n    demographic_parity_difference: { max: 0.2 }\n    demographic_parity_ratio: { min: 0.8 }\n    equalized_odds_difference: { max: 0.2 }\n`,
  );
}

function timed(command, args, cwd) {
  const run = spawnSync("/usr/bin/time", ["-f", "%e %M", command, ...args], {
    cwd,
    encoding: "utf8",
    maxBuffer: 1 << 28,
  });
  const [seconds, kilobytes] = run.stderr.trim().split("\n").at(-1).split(" ").map(Number);
  return { seconds, peakMb: kilobytes / 1024, stdout: run.stdout, status: run.status, stderr: run.stderr };
}

ensurePython();
const dir = mkdtempSync(path.join(tmpdir(), "modelgate-bench-fairness-"));
writeData(dir);
const ours = timed(
  process.execPath,
  [path.join(root, "shared/dist/cli/index.js"), "bias", "--predictions", "predictions.csv", "--format", "json"],
  dir,
);
const numpy = timed(
  python,
  [path.join(root, "shared/tools/bench-fairness.py"), path.join(dir, "predictions.csv"), String(resamples)],
  dir,
);
if (ours.status > 1 || numpy.status !== 0) throw new Error(`bench failed:\n${ours.stderr}\n${numpy.stderr}`);
const result = JSON.parse(ours.stdout);
const reference = JSON.parse(numpy.stdout);
const find = (grouping, metric) =>
  result.checks.find(
    (c) => c.name === `${metric} [${grouping}]:${metric === "demographic_parity_ratio" ? "min" : "max"}`,
  );
console.log(
  `\nbias-check, ${rows.toLocaleString("en")} predictions, 2 sensitive columns + intersection, ${resamples} resamples`,
);
console.log(`| side | wall s | peak RSS MB |\n|---|---:|---:|`);
console.log(
  `| modelgate bias (Node ${process.versions.node}, CLI end to end) | ${ours.seconds.toFixed(2)} | ${ours.peakMb.toFixed(0)} |`,
);
console.log(
  `| numpy ${"(pandas read " + reference.read_seconds.toFixed(2) + " s)"} | ${numpy.seconds.toFixed(2)} | ${numpy.peakMb.toFixed(0)} |`,
);
const speed = numpy.seconds / ours.seconds;
console.log(`speed ratio ${speed.toFixed(2)}× numpy (target ≥ 1 ${speed >= 1 ? "✓" : "✗"})`);
console.log(`\n| grouping · metric | ours | numpy | our 95% CI | numpy 95% CI |\n|---|---:|---:|---|---|`);
for (const grouping of ["region", "segment", "region × segment"]) {
  for (const [metric, key] of [
    ["demographic_parity_difference", "dpd"],
    ["demographic_parity_ratio", "dpr"],
    ["equalized_odds_difference", "eod"],
  ]) {
    const check = find(grouping, metric);
    const ci = reference.intervals[grouping][key];
    console.log(
      `| ${grouping} · ${metric} | ${check?.value?.toFixed(6)} | ${reference.values[grouping][key].toFixed(6)} | [${check?.ci?.map((x) => x.toFixed(4)).join(", ")}] | [${ci.map((x) => x.toFixed(4)).join(", ")}] |`,
    );
  }
}
rmSync(dir, { recursive: true, force: true });
