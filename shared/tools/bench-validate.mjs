// validate-data on a generated 1,000,000-row × 10-column CSV (6 numeric, 4 categorical) against a reference of the
// same size, side by side with a pandas + SciPy script doing the same work (bench-validate.py): schema, quality and
// drift on every column. Prints wall time, peak RSS (GNU time) and the largest difference between the two sides'
// drift statistics; then the same validation on the data as Parquet, and MiB/s of reading alone, CSV and Parquet, each
// against its target (✓/✗). BENCH_VALIDATE_ROWS overrides the row count;
// BENCH_SKIP_VALIDATE=1 (in bench.mjs) skips it. Installs Debian's python3-pandas/python3-scipy when missing.
// BENCH_VALIDATE_READING_ONLY=1 measures reading alone (profile build) and skips the rest, pandas too;
// BENCH_READING_RUNS sets how many runs of reading alone give its median (default 5).
// BENCH_VALIDATE_RESULT=<file> keeps the result JSON (to check that a change leaves it byte-identical).
import { spawnSync } from "node:child_process";
import { createWriteStream, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { mulberry32 } from "./mulberry32.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const rows = Number(process.env.BENCH_VALIDATE_ROWS ?? 1_000_000);
const python = process.env.BENCH_VALIDATE_PYTHON ?? "/usr/bin/python3";
const cli = path.join(root, "shared/dist/cli/index.js");
const readingOnly = process.env.BENCH_VALIDATE_READING_ONLY === "1";
if (!existsSync(cli)) throw new Error(`${cli} is missing: run node shared/tools/build.mjs cli first`);

function ensurePython() {
  if (spawnSync(python, ["-c", "import scipy, pandas"]).status === 0) return;
  const sudo = process.getuid?.() === 0 ? [] : ["sudo"];
  const install = [...sudo, "apt-get", "install", "-y", "python3-pandas", "python3-scipy"];
  console.log(`installing: ${install.join(" ")}`);
  const done = spawnSync(install[0], install.slice(1), { stdio: "inherit" });
  if (done.status !== 0) throw new Error("could not install python3-pandas and python3-scipy");
}

async function writeCsv(file, seed, shift) {
  const next = mulberry32(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  const levels = [
    ["a", "b", "c", "d"],
    ["x", "y", "z"],
    ["red", "green", "blue", "black", "white"],
    ["yes", "no"],
  ];
  const out = createWriteStream(file);
  out.write("n1,n2,n3,n4,n5,n6,c1,c2,c3,c4\n");
  let chunk = "";
  for (let i = 0; i < rows; i++) {
    const nums = [
      normal() + shift,
      10 + 3 * normal(),
      Math.exp(normal() * 0.5),
      Math.floor(next() * 1000),
      next() * 100,
      normal() * (1 + shift),
    ];
    const cats = levels.map((l) => l[Math.floor(Math.pow(next(), 1 + shift) * l.length)]);
    chunk += `${nums.map((v, k) => (k === 3 ? String(v) : v.toFixed(6))).join(",")},${cats.join(",")}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await new Promise((resolve) => out.once("drain", resolve));
      chunk = "";
    }
  }
  out.end(chunk);
  await new Promise((resolve) => out.on("finish", resolve));
}

/** The same rows as `writeCsv` with the same seed, as a Snappy Parquet file (hyparquet-writer, a dev dependency). */
async function writeParquet(file, seed, shift) {
  const { parquetWriteFile } = await import("hyparquet-writer");
  const next = mulberry32(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  const levels = [
    ["a", "b", "c", "d"],
    ["x", "y", "z"],
    ["red", "green", "blue", "black", "white"],
    ["yes", "no"],
  ];
  const numbers = Array.from({ length: 6 }, () => new Array(rows));
  const texts = Array.from({ length: 4 }, () => new Array(rows));
  for (let i = 0; i < rows; i++) {
    const nums = [
      normal() + shift,
      10 + 3 * normal(),
      Math.exp(normal() * 0.5),
      Math.floor(next() * 1000),
      next() * 100,
      normal() * (1 + shift),
    ];
    nums.forEach((v, k) => (numbers[k][i] = k === 3 ? v : Number(v.toFixed(6))));
    levels.forEach((l, k) => (texts[k][i] = l[Math.floor(Math.pow(next(), 1 + shift) * l.length)]));
  }
  const columnData = [
    ...numbers.map((data, k) => ({ name: `n${k + 1}`, type: k === 3 ? "INT32" : "DOUBLE", data })),
    ...texts.map((data, k) => ({ name: `c${k + 1}`, type: "STRING", data })),
  ];
  // SNAPPY (hyparquet-writer's default codec) in row groups of 100,000 rows, as pyarrow and Spark commonly write.
  await parquetWriteFile({ filename: file, columnData, rowGroupSize: 100_000 });
}

/** Runs a command under GNU time (in `env`); returns wall seconds, peak RSS in MiB and stdout. */
function measure(command, args, cwd, env = process.env) {
  const start = process.hrtime.bigint();
  const run = spawnSync("/usr/bin/time", ["-f", "%M", command, ...args], {
    cwd,
    env,
    encoding: "utf8",
    maxBuffer: 1 << 28,
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const rssKiB = Number(run.stderr.trim().split("\n").pop());
  return { seconds, rss: rssKiB / 1024, stdout: run.stdout, status: run.status, stderr: run.stderr };
}

if (!readingOnly) ensurePython();
const dir = mkdtempSync(path.join(tmpdir(), "modelgate-bench-validate-"));
await writeCsv(path.join(dir, "reference.csv"), 1, 0);
await writeCsv(path.join(dir, "current.csv"), 2, 0.05);
const schema = ["n1", "n2", "n3", "n5", "n6"].map(
  (n) => `    ${n}: { type: number, nullable: false, min: -1000, max: 1000 }`,
);
schema.push("    n4: { type: integer, min: 0, max: 999 }");
schema.push("    c1: { type: category, allowed: [a, b, c, d] }", "    c2: { type: category, allowed: [x, y, z] }");
schema.push(
  "    c3: { type: category, allowed: [red, green, blue, black, white] }",
  "    c4: { type: category, allowed: [yes, no] }",
);
writeFileSync(path.join(dir, "modelgate.yml"), `version: 1\nmodel: bench\ndata:\n  schema:\n${schema.join("\n")}\n`);
const mib = statSync(path.join(dir, "current.csv")).size / 2 ** 20;
if (readingOnly) {
  await writeParquet(path.join(dir, "current.parquet"), 2, 0.05);
  readingAlone();
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
}

const ours = measure(
  process.execPath,
  [cli, "validate", "--data", "current.csv", "--reference", "reference.csv", "--format", "json", "--fail-on", "never"],
  dir,
);
if (ours.status !== 0) throw new Error(`modelgate validate failed: ${ours.stderr}`);
const theirs = measure(
  python,
  [path.join(root, "shared/tools/bench-validate.py"), "reference.csv", "current.csv"],
  dir,
);
if (theirs.status !== 0) throw new Error(`bench-validate.py failed: ${theirs.stderr}`);
if (process.env.BENCH_VALIDATE_RESULT) writeFileSync(process.env.BENCH_VALIDATE_RESULT, ours.stdout);
const result = JSON.parse(ours.stdout);
const scipy = JSON.parse(theirs.stdout).drift;
let worst = 0;
for (const check of result.drift.columns)
  worst = Math.max(
    worst,
    Math.abs(check.statistic - scipy[check.metric]) / Math.max(1e-300, Math.abs(scipy[check.metric])),
  );

console.log(
  `\nvalidate-data: ${rows.toLocaleString("en")} rows × 10 columns, two CSVs of ${mib.toFixed(1)} MiB each (schema + quality + drift on every column)`,
);
console.log("| side | wall time | peak RSS |");
console.log("|---|---:|---:|");
console.log(
  `| modelgate validate (Node ${process.version}) | ${ours.seconds.toFixed(2)} s | ${ours.rss.toFixed(0)} MiB |`,
);
console.log(`| pandas + SciPy (${python}) | ${theirs.seconds.toFixed(2)} s | ${theirs.rss.toFixed(0)} MiB |`);
function mark(ok) {
  return ok ? "✓" : "✗";
}
const speed = theirs.seconds / ours.seconds;
const memory = ours.rss / theirs.rss;
console.log(
  `speed ratio ${speed.toFixed(2)}× (target ≥ 3 ${mark(speed >= 3)}), memory ratio ${memory.toFixed(2)} (target ≤ 0.5 ${mark(memory <= 0.5)}); largest relative difference of the drift statistics: ${worst.toExponential(2)}`,
);

// Reading alone: `modelgate profile build` reads every column and only counts and sketches it.
// The same data as Parquet, validated the same way: no slower than the CSVs, in at most half pandas' memory on the CSVs.
const parquet = path.join(dir, "current.parquet");
await writeParquet(parquet, 2, 0.05);
await writeParquet(path.join(dir, "reference.parquet"), 1, 0);
{
  const pq = measure(
    process.execPath,
    [
      cli,
      "validate",
      "--data",
      "current.parquet",
      "--reference",
      "reference.parquet",
      "--format",
      "json",
      "--fail-on",
      "never",
    ],
    dir,
  );
  if (pq.status !== 0) throw new Error(`modelgate validate (Parquet) failed: ${pq.stderr}`);
  const pqMemory = pq.rss / theirs.rss;
  console.log(
    `validate-data on the same data as Parquet (SNAPPY, 100,000-row groups): ${pq.seconds.toFixed(2)} s (${(pq.seconds / ours.seconds).toFixed(2)} of the CSV run, target ≤ 1 ${mark(pq.seconds <= ours.seconds)}), ${pq.rss.toFixed(0)} MiB (${pqMemory.toFixed(2)} of pandas on the CSVs, target ≤ 0.5 ${mark(pqMemory <= 0.5)})`,
  );
}
readingAlone();

/**
 * `profile build` of the CSV and of the same data as Parquet: MiB/s of file, whole process, the median of
 * `BENCH_READING_RUNS` (default 5) runs of each, the two files taking turns, with the range beside it. When the
 * environment sets NODE_EXTRA_CA_CERTS, Node loads that certificate file at the start of every process (30–40 ms on
 * a 2-core VM), a cost outside modelgate: each round then also runs both files without it, printed apart.
 */
function readingAlone() {
  const runs = Number(process.env.BENCH_READING_RUNS ?? 5);
  const pqMib = statSync(path.join(dir, "current.parquet")).size / 2 ** 20;
  const files = [
    { label: "CSV", file: "current.csv", mib, output: "current.profile.json", unit: "MiB/s" },
    { label: "Parquet", file: "current.parquet", mib: pqMib, output: "parquet.profile.json", unit: "MiB/s of file" },
  ];
  const { NODE_EXTRA_CA_CERTS: extraCerts, ...withoutCerts } = process.env;
  const settings = [{ env: process.env, note: "" }];
  if (extraCerts !== undefined) settings.push({ env: withoutCerts, note: ", without NODE_EXTRA_CA_CERTS" });
  // Every round runs each file in each environment, so a change in the machine's pace weighs on all of them alike.
  const seen = settings.map(() => files.map(() => []));
  for (let r = 0; r < runs; r++)
    for (const [e, { env }] of settings.entries())
      for (const [k, { file, output }] of files.entries()) {
        const run = measure(process.execPath, [cli, "profile", "build", file, "--output", output], dir, env);
        if (run.status !== 0) throw new Error(`modelgate profile build ${file} failed: ${run.stderr}`);
        seen[e][k].push(run);
      }
  for (const [e, { note }] of settings.entries())
    for (const [k, { label, mib: size, unit }] of files.entries()) {
      const seconds = seen[e][k].map((run) => run.seconds).sort((a, b) => a - b);
      const median = seconds[(seconds.length - 1) >> 1];
      const rate = size / median;
      const range = `${(size / seconds.at(-1)).toFixed(0)}–${(size / seconds[0]).toFixed(0)}`;
      const rss = Math.max(...seen[e][k].map((run) => run.rss));
      console.log(
        `reading alone (profile build, whole process, median of ${runs}${note}): ${label} ${rate.toFixed(1)} ${unit} (range ${range}; ${size.toFixed(1)} MiB in ${median.toFixed(2)} s, ${rss.toFixed(0)} MiB; target ≥ 100 ${mark(rate >= 100)})`,
      );
    }
}
rmSync(dir, { recursive: true, force: true });
