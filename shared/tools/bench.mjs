// Cold start of each built bundle as a ratio to `node -e 0`, and bundle sizes (npm run bench).
// Each action runs a complete gate on the built-in example as a push event (no API calls), which is
// what every run pays before any network: loading the bundle, parsing inputs and files, writing outputs.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, statSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const RUNS = Number(process.env.BENCH_RUNS ?? 21);
const example = path.join(root, "shared/examples/churn");

/** Inputs per action for a representative run on the built-in example. */
const SCENARIOS = {
  "evaluate-gate": { candidate: "candidate-better.json", baseline: "baseline.json", policy: "modelgate.yml" },
};

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(args, env, cwd) {
  const samples = [];
  for (let i = 0; i < RUNS + 2; i++) {
    const start = process.hrtime.bigint();
    const run = spawnSync(process.execPath, args, { env, cwd, stdio: "pipe" });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (run.status !== 0) throw new Error(`${args.join(" ")} exited ${run.status}: ${run.stdout}${run.stderr}`);
    if (i >= 2) samples.push(ms); // two warm-up runs fill the OS file cache
  }
  return median(samples);
}

function bundleBytes(folder) {
  return readdirSync(folder)
    .filter((f) => f.endsWith(".js"))
    .reduce((sum, f) => sum + statSync(path.join(folder, f)).size, 0);
}

const rows = [];
const baseline = time(["-e", "0"], { PATH: process.env.PATH }, root);
for (const [action, inputs] of Object.entries(SCENARIOS)) {
  const bundle = path.join(root, "actions", action, "dist/index.js");
  if (!existsSync(bundle)) throw new Error(`${bundle} is missing: run npm run build first`);
  const workspace = mkdtempSync(path.join(tmpdir(), "modelgate-bench-"));
  cpSync(example, workspace, { recursive: true });
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
  const ms = time([bundle], env, workspace);
  rows.push({ action, ms, ratio: ms / baseline, bytes: bundleBytes(path.dirname(bundle)), entryBytes: statSync(bundle).size });
}
const cli = path.join(root, "shared/dist/cli/index.js");
const cliMs = time([cli, "evaluate", "--candidate", "candidate-better.json", "--baseline", "baseline.json", "--format", "json"], { PATH: process.env.PATH }, example);
rows.push({ action: "cli (evaluate)", ms: cliMs, ratio: cliMs / baseline, bytes: bundleBytes(path.dirname(cli)), entryBytes: statSync(cli).size });

console.log(`node ${process.version}, ${RUNS} runs each, median; node -e 0: ${baseline.toFixed(1)} ms`);
console.log("| bundle | cold start | × node -e 0 | target | entry bundle | with lazy chunks |");
console.log("|---|---:|---:|---:|---:|---:|");
for (const r of rows) {
  const ok = r.ratio <= 2.5 ? "≤ 2.5 ✓" : "≤ 2.5 ✗";
  console.log(`| ${r.action} | ${r.ms.toFixed(1)} ms | ${r.ratio.toFixed(2)} | ${ok} | ${(r.entryBytes / 1024).toFixed(0)} KiB | ${(r.bytes / 1024).toFixed(0)} KiB |`);
}
