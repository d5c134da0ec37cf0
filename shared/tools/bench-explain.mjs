// Explanation summaries end to end (the built CLI reading two per-example attribution tables and comparing them)
// side by side with pandas + NumPy computing the same importances, directions and ranks (shared/tools/bench-explain.py,
// Debian's python3-pandas under /usr/bin/python3). Part of npm run bench unless BENCH_SKIP_EXPLAIN=1;
// BENCH_EXPLAIN_QUICK=1 divides the rows by 10. Prints wall time, peak RSS and the largest difference in importance.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync, closeSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const python = process.env.BENCH_STATS_PYTHON ?? "/usr/bin/python3";
const rows = process.env.BENCH_EXPLAIN_QUICK === "1" ? 10_000 : 100_000;
const FEATURES = 50;
const cli = path.join(root, "shared/dist/cli/index.js");

/** mulberry32: a small seeded generator, enough to make the benchmark's data reproducible. */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A SHAP-like table: `id` plus FEATURES columns, feature f scaled by 1/(f+1) and shifted so some means flip sign. */
function writeAttributions(file, seed, flip) {
  const random = mulberry32(seed);
  const fd = openSync(file, "w");
  const names = Array.from({ length: FEATURES }, (_, f) => `feature_${String(f).padStart(2, "0")}`);
  writeSync(fd, `id,${names.join(",")}\n`);
  let chunk = "";
  for (let i = 0; i < rows; i++) {
    const cells = names.map((_, f) => ((random() - 0.5 + (f % 3 === 0 ? flip : -flip) * 0.05) / (f + 1)).toFixed(6));
    chunk += `r${i},${cells.join(",")}\n`;
    if (chunk.length > 1 << 20) {
      writeSync(fd, chunk);
      chunk = "";
    }
  }
  writeSync(fd, chunk);
  closeSync(fd);
}

function hasPandas() {
  const probe = () => spawnSync(python, ["-c", "import pandas, numpy"], { stdio: "ignore" }).status === 0;
  if (probe()) return true;
  if (python === "/usr/bin/python3") {
    const sudo = process.getuid?.() === 0 ? [] : ["sudo", "-n"];
    console.error("bench:explain: installing python3-pandas (apt-get)…");
    const apt = (args) =>
      spawnSync(sudo[0] ?? "apt-get", [...sudo.slice(1), ...(sudo.length ? ["apt-get"] : []), ...args], {
        stdio: ["ignore", "ignore", "inherit"],
        env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
      });
    if (apt(["update"]).status === 0 && apt(["install", "-y", "python3-pandas"]).status === 0 && probe()) return true;
  }
  console.error(
    `bench:explain: pandas is unavailable under ${python}; install it with: sudo apt-get install -y python3-pandas`,
  );
  return false;
}

if (!existsSync(cli)) throw new Error(`${cli} is missing: run npm run build first`);
const dir = mkdtempSync(path.join(tmpdir(), "modelgate-bench-explain-"));
try {
  writeAttributions(path.join(dir, "candidate.csv"), 1, 1);
  writeAttributions(path.join(dir, "baseline.csv"), 2, -1);
  writeFileSync(path.join(dir, "metrics.json"), '{"accuracy": 0.9}');
  writeFileSync(
    path.join(dir, "modelgate.yml"),
    `version: 1\nevaluate:\n  metrics:\n    accuracy: { direction: higher, min: 0 }\n  explanations:\n    top-k: ${FEATURES}\n`,
  );
  // Peak RSS from the CLI's own process, reported on exit by a preloaded one-line module.
  const report =
    'data:text/javascript,process.on("exit",()=>process.stderr.write(`\\nmaxRssKiB=${process.resourceUsage().maxRSS}\\n`))';
  const start = process.hrtime.bigint();
  const ours = spawnSync(
    process.execPath,
    [
      "--import",
      report,
      cli,
      "evaluate",
      "--candidate",
      "metrics.json",
      "--candidate-explanations",
      "candidate.csv",
      "--baseline-explanations",
      "baseline.csv",
      "--format",
      "json",
    ],
    { cwd: dir, encoding: "utf8", maxBuffer: 1 << 26 },
  );
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (ours.status !== 0) throw new Error(`modelgate evaluate exited ${ours.status}: ${ours.stderr}`);
  const oursRss = Number(/maxRssKiB=(\d+)/.exec(ours.stderr)?.[1]);
  const summary = JSON.parse(ours.stdout).explanations;
  let pandas;
  if (hasPandas()) {
    const start2 = process.hrtime.bigint();
    const run = spawnSync(python, [path.join(root, "shared/tools/bench-explain.py"), "candidate.csv", "baseline.csv"], {
      cwd: dir,
      encoding: "utf8",
      maxBuffer: 1 << 26,
    });
    if (run.status !== 0) throw new Error(`bench-explain.py exited ${run.status}: ${run.stderr}`);
    pandas = {
      ...JSON.parse(run.stdout.trim().split("\n").at(-1)),
      wall: Number(process.hrtime.bigint() - start2) / 1e9,
    };
  }
  let maxDiff = 0;
  let ranksAgree = true;
  for (const row of summary.features) {
    for (const side of ["candidate", "baseline"]) {
      const theirs = pandas?.[side]?.[row.feature];
      if (!theirs || !row[side]) continue;
      maxDiff = Math.max(
        maxDiff,
        Math.abs(row[side].importance - theirs.importance) / theirs.importance,
        Math.abs(row[side].mean - theirs.mean) / Math.max(Math.abs(theirs.mean), 1e-300),
      );
      ranksAgree &&= row[side].rank === theirs.rank;
    }
  }
  const mib = (kib) => `${(kib / 1024).toFixed(0)} MiB`;
  console.log(
    `\n### Explanation summary: two ${rows.toLocaleString("en-US")} × ${FEATURES} attribution tables (CSV)\n`,
  );
  console.log(
    "| side | wall time (s) | computation (s) | peak RSS | importances, max relative difference | ranks agree |",
  );
  console.log("|---|---:|---:|---:|---:|---|");
  console.log(`| modelgate evaluate (CLI, ${process.version}) | ${seconds.toFixed(2)} | — | ${mib(oursRss)} | — | — |`);
  if (pandas)
    console.log(
      `| pandas ${pandas.pandas} + NumPy | ${pandas.wall.toFixed(2)} | ${pandas.seconds.toFixed(2)} | ${mib(pandas.maxRssKiB)} | ${maxDiff.toExponential(2)} | ${ranksAgree ? "✓" : "✗"} |`,
    );
  console.log(
    "\nOne run each. Ours is the whole CLI process (start-up, reading and summarizing both files, JSON output); pandas' wall time includes Python start-up, its computation excludes it.",
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
