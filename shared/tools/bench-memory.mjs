// Hostile inputs (npm run bench; BENCH_SKIP_MEMORY=1 skips it): wall time and peak RSS (GNU time -v) of the gates on
// files built to exhaust memory or time, each run under a wall-clock cap. Under the default limits every row must end
// in seconds, decided or refused with the limit named, and stay under 2 GiB resident (the last column says so).
// BENCH_MEMORY_CLI=<path of another build's shared/dist/cli/index.js> measures that build instead: main's, for the
// "before" figures. BENCH_MEMORY_DIR keeps the generated inputs between runs (the largest take minutes to write);
// BENCH_MEMORY_TIMEOUT caps each run (seconds, default 60); BENCH_MEMORY_ONLY=name,name runs only those rows.
import { spawnSync } from "node:child_process";
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createGzip } from "node:zlib";
import { mulberry32 } from "./mulberry32.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const cli = path.resolve(process.env.BENCH_MEMORY_CLI ?? path.join(root, "shared/dist/cli/index.js"));
const timeout = Number(process.env.BENCH_MEMORY_TIMEOUT ?? 60);
const only = process.env.BENCH_MEMORY_ONLY?.split(",");
if (!existsSync(cli)) throw new Error(`${cli} is missing: run node shared/tools/build.mjs cli first`);
const keep = process.env.BENCH_MEMORY_DIR;
const dir = keep ?? mkdtempSync(path.join(tmpdir(), "modelgate-bench-memory-"));
mkdirSync(dir, { recursive: true });

/** Writes `lines()`'s text to `file` (gzip when it ends in .gz), unless a kept folder already has it. */
async function writeText(file, produce) {
  const target = path.join(dir, file);
  if (existsSync(target)) return;
  const partial = `${target}.partial`;
  const out = createWriteStream(partial);
  const sink = file.endsWith(".gz") ? createGzip({ level: 6 }) : undefined;
  sink?.pipe(out);
  const writer = sink ?? out;
  let chunk = "";
  const write = async (text) => {
    chunk += text;
    if (chunk.length < 1 << 20) return;
    if (!writer.write(chunk)) await new Promise((resolve) => writer.once("drain", resolve));
    chunk = "";
  };
  await produce(write);
  writer.end(chunk);
  await new Promise((resolve) => out.on("finish", resolve));
  renameSync(partial, target);
}

/**
 * Valid rows of small integers, each row most often a copy of the previous one: gzip shrinks them about 100:1, the
 * shape of a gzip bomb that is also a well-formed table.
 */
async function bomb(file, rows, columns) {
  await writeText(file, async (write) => {
    const next = mulberry32(19);
    await write(`${Array.from({ length: columns }, (_, k) => `c${k}`).join(",")}\n`);
    let line = "";
    for (let i = 0; i < rows; i++) {
      if (i === 0 || next() < 0.03)
        line = `${Array.from({ length: columns }, () => Math.floor(next() * 1000)).join(",")}\n`;
      await write(line);
    }
  });
}

async function wide(file, columns, rows, cell) {
  await writeText(file, async (write) => {
    const next = mulberry32(7);
    await write(`${Array.from({ length: columns }, (_, k) => `c${k}`).join(",")}\n`);
    for (let i = 0; i < rows; i++) await write(`${Array.from({ length: columns }, () => cell(next)).join(",")}\n`);
  });
}

/** `rows` rows of a text id column (all distinct) and a small integer: the most memory per row a table can take. */
async function distinctIds(file, rows) {
  await writeText(file, async (write) => {
    await write("id,x\n");
    for (let i = 0; i < rows; i++) await write(`u${i.toString(36).padStart(8, "0")},${i % 7}\n`);
  });
}

/** A small .gz that inflates to `bytes` of blank lines after a header: no row, only time. */
async function blankLines(file, bytes) {
  await writeText(file, async (write) => {
    await write("x\n");
    const block = "\n".repeat(1 << 20);
    for (let written = 0; written < bytes; written += block.length) await write(block);
  });
}

/** A Parquet file of one row group: 5 number and 5 text columns (hyparquet-writer, a dev dependency). */
async function parquetOneGroup(file, rows) {
  const target = path.join(dir, file);
  if (existsSync(target)) return;
  const { parquetWriteFile } = await import("hyparquet-writer");
  const next = mulberry32(23);
  const numbers = Array.from({ length: 5 }, (_, k) => ({
    name: `n${k}`,
    type: "DOUBLE",
    data: Float64Array.from({ length: rows }, () => next() * 1000),
  }));
  const texts = Array.from({ length: 5 }, (_, k) => ({
    name: `s${k}`,
    type: "STRING",
    data: Array.from({ length: rows }, () => `v${Math.floor(next() * 1000)}`),
  }));
  await parquetWriteFile({ filename: `${target}.partial`, columnData: [...numbers, ...texts], rowGroupSize: rows });
  renameSync(`${target}.partial`, target);
}

/** An evaluate policy with `count` metrics and candidate metrics that meet every rule. */
async function manyMetrics(count) {
  await writeText(`policy-${count}.yml`, async (write) => {
    await write("version: 1\nmodel: bench\nevaluate:\n  metrics:\n");
    for (let i = 0; i < count; i++) await write(`    metric_${i}: { direction: higher, min: 0.5 }\n`);
  });
  await writeText(`metrics-${count}.json`, async (write) => {
    await write("{\n");
    for (let i = 0; i < count; i++) await write(`  "metric_${i}": 0.9${i + 1 < count ? "," : ""}\n`);
    await write("}\n");
  });
}

/** Runs the CLI under GNU time -v and a hard wall-clock cap; returns seconds, peak RSS (MiB), status and the outcome. */
function measure(args) {
  const run = spawnSync(
    "/usr/bin/time",
    ["-v", "timeout", "--foreground", "-s", "KILL", String(timeout), process.execPath, cli, ...args],
    { cwd: dir, encoding: "utf8", maxBuffer: 1 << 30 },
  );
  const field = (name) => run.stderr.match(new RegExp(`${name}: (.+)`))?.[1]?.trim();
  const [m = "0", s = "0"] = (field("Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\)") ?? "0:0")
    .split(":")
    .slice(-2);
  const seconds = Number(m) * 60 + Number(s);
  const rss = Number(field("Maximum resident set size \\(kbytes\\)") ?? 0) / 1024;
  const killed = /Command (terminated by signal 9|exited with non-zero status 137)/.test(run.stderr);
  return { seconds, rss, killed, outcome: killed ? `killed after ${timeout} s, unfinished` : describe(run) };
}

/** The verdict of a JSON result, the first line of a refusal, or infer-schema's output size. */
function describe(run) {
  try {
    const result = JSON.parse(run.stdout);
    if (result.error) return `refused: ${result.error.message}`;
    return `${result.verdict}${result.notes?.length ? ` (${result.notes.join(" ").slice(0, 160)})` : ""}`;
  } catch {
    if (run.status === 0) return `exit 0, ${run.stdout.length} bytes out`;
    const error = run.stderr
      .split("\n")
      .find((line) => line.trim() !== "" && !/^\s*(Command being timed|User time)/.test(line));
    return `exit ${run.status}: ${error?.slice(0, 200) ?? ""}`;
  }
}

const mib = (file) =>
  (statSync(path.join(dir, file)).size / 2 ** 20).toFixed(
    file.endsWith(".gz") || statSync(path.join(dir, file)).size > 2 ** 20 ? 1 : 2,
  );
writeFileSync(path.join(dir, "modelgate.yml"), "version: 1\nmodel: bench\n");
const rows = [
  {
    name: "bomb-60m",
    what: () => `${mib("bomb-60m.csv.gz")} MiB .csv.gz inflating to 60M rows × 10 columns`,
    make: () => bomb("bomb-60m.csv.gz", 60_000_000, 10),
    args: ["validate", "--data", "bomb-60m.csv.gz", "--format", "json", "--fail-on", "never"],
  },
  {
    name: "bomb-40m",
    what: () => `${mib("bomb-40m.csv.gz")} MiB .csv.gz inflating to 40M rows × 4 columns`,
    make: () => bomb("bomb-40m.csv.gz", 40_000_000, 4),
    args: ["validate", "--data", "bomb-40m.csv.gz", "--format", "json", "--fail-on", "never"],
  },
  {
    name: "wide-validate",
    what: () => `${mib("wide-20000x5.csv")} MiB CSV, 20,000 columns × 5 rows (validate, itself as reference)`,
    make: () => wide("wide-20000x5.csv", 20_000, 5, (next) => String(Math.floor(next() * 100))),
    args: [
      "validate",
      "--data",
      "wide-20000x5.csv",
      "--reference",
      "wide-20000x5.csv",
      "--format",
      "json",
      "--fail-on",
      "never",
    ],
  },
  {
    name: "wide-infer",
    what: () => `${mib("wide-20000x5.csv")} MiB CSV, 20,000 columns × 5 rows (infer-schema)`,
    make: () => wide("wide-20000x5.csv", 20_000, 5, (next) => String(Math.floor(next() * 100))),
    args: ["infer-schema", "wide-20000x5.csv"],
  },
  {
    name: "wide-50",
    what: () => `${mib("wide-10000x50.csv")} MiB CSV, 10,000 columns × 50 rows (infer-schema)`,
    make: () => wide("wide-10000x50.csv", 10_000, 50, (next) => next().toFixed(17)),
    args: ["infer-schema", "wide-10000x50.csv"],
  },
  {
    name: "wide-text",
    what: () => `${mib("wide-text-10000x50.csv")} MiB CSV, 10,000 text columns × 50 rows (infer-schema)`,
    make: () =>
      wide(
        "wide-text-10000x50.csv",
        10_000,
        50,
        (next) => `${Math.floor(next() * 36 ** 5).toString(36)}-${Math.floor(next() * 1e12).toString(36)}`,
      ),
    args: ["infer-schema", "wide-text-10000x50.csv"],
  },
  {
    name: "ids-10m",
    what: () => `${mib("ids-10m.csv")} MiB CSV, 10M rows of distinct text ids (validate)`,
    make: () => distinctIds("ids-10m.csv", 10_000_000),
    args: ["validate", "--data", "ids-10m.csv", "--format", "json", "--fail-on", "never"],
  },
  {
    name: "reference-15m",
    what: () =>
      `a 100,000-row batch against a ${mib("bomb-15m.csv.gz")} MiB .csv.gz reference of 15M rows × 4 columns (validate)`,
    make: async () => {
      await bomb("bomb-15m.csv.gz", 15_000_000, 4);
      await bomb("batch-100k.csv", 100_000, 4);
    },
    args: [
      "validate",
      "--data",
      "batch-100k.csv",
      "--reference",
      "bomb-15m.csv.gz",
      "--format",
      "json",
      "--fail-on",
      "never",
    ],
  },
  {
    name: "blank-lines",
    what: () => `${mib("blank-lines.csv.gz")} MiB .csv.gz inflating to 3 GiB of blank lines (validate)`,
    make: () => blankLines("blank-lines.csv.gz", 3 * 2 ** 30),
    args: ["validate", "--data", "blank-lines.csv.gz", "--format", "json", "--fail-on", "never"],
  },
  {
    name: "parquet-group",
    what: () => `${mib("group-3m.parquet")} MiB Parquet, 3M rows × 10 columns in one row group (profile build)`,
    make: () => parquetOneGroup("group-3m.parquet", 3_000_000),
    args: ["profile", "build", "group-3m.parquet", "--output", "group-3m.profile.json"],
  },
  {
    name: "policy-20k",
    what: () => `policy of 20,000 metrics, ${mib("policy-20000.yml")} MiB (evaluate)`,
    make: () => manyMetrics(20_000),
    args: [
      "evaluate",
      "--candidate",
      "metrics-20000.json",
      "--policy",
      "policy-20000.yml",
      "--format",
      "json",
      "--fail-on",
      "never",
    ],
  },
  {
    name: "policy-50k",
    what: () => `policy of 50,000 metrics, ${mib("policy-50000.yml")} MiB (evaluate)`,
    make: () => manyMetrics(50_000),
    args: [
      "evaluate",
      "--candidate",
      "metrics-50000.json",
      "--policy",
      "policy-50000.yml",
      "--format",
      "json",
      "--fail-on",
      "never",
    ],
  },
].filter((row) => only === undefined || only.includes(row.name));

console.log(
  `\nHostile inputs (${path.relative(root, cli) || cli}, Node ${process.version}, each run capped at ${timeout} s; peak RSS from /usr/bin/time -v)`,
);
console.log("| input | wall time | peak RSS | < 2 GiB | outcome |");
console.log("|---|---:|---:|:---:|---|");
for (const row of rows) {
  await row.make();
  const { seconds, rss, killed, outcome } = measure(row.args);
  console.log(
    `| ${row.what()} | ${seconds.toFixed(1)} s | ${rss.toFixed(0)} MiB | ${rss < 2048 && !killed ? "✓" : "✗"} | ${outcome.replaceAll("|", "\\|")} |`,
  );
}
if (keep === undefined) rmSync(dir, { recursive: true, force: true });
