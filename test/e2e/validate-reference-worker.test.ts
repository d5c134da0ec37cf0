import { createWriteStream, existsSync, mkdtempSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parquetWriteFile } from "hyparquet-writer";
import { beforeAll, describe, expect, it } from "vitest";
import { nodeBinaries, repoRoot } from "./support/node-binaries.js";
import { spawnCollect } from "./support/run-action-bundle.js";

// validate-data reads a reference of 8 MiB or more on a worker thread when the machine has two cores or more. Pinned
// to one core (taskset), the same bundle reads it on the main thread: both runs must print the same bytes.
const CLI = path.join(repoRoot, "shared/dist/cli/index.js");
const WORKER = path.join(repoRoot, "shared/dist/cli/reference-worker/index.js");
const ROWS = 340_000; // ~9 MiB: past the 8 MiB below which the reference is read on the main thread anyway
const env = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp" };

async function writeCsv(file: string, seed: number, tail = ""): Promise<void> {
  const out = createWriteStream(file);
  out.write("x,y,group\n");
  let chunk = "";
  for (let i = 0; i < ROWS; i++) {
    chunk += `${((i * 7919 + seed) % 100_003) / 97},${(i * 31 + seed) % 1000},${["red", "green", "blue"][(i + seed) % 3]}\n`;
    if (chunk.length > 1 << 16) {
      out.write(chunk);
      chunk = "";
    }
  }
  out.end(chunk + tail);
  await new Promise<void>((resolve) => out.on("finish", () => resolve()));
}

/** The same kind of rows as Parquet (SNAPPY, 100,000-row groups), with two more number columns to pass 8 MiB. */
function writeParquet(file: string, seed: number): void {
  const rows = 360_000;
  const number = (k: number) => Array.from({ length: rows }, (_, i) => Math.sin(i * 12.9898 + seed * 78.233 + k) * 1e4);
  parquetWriteFile({
    filename: file,
    rowGroupSize: 100_000,
    columnData: [
      { name: "x", type: "DOUBLE", data: number(0) },
      { name: "y", type: "INT32", data: Array.from({ length: rows }, (_, i) => (i * 31 + seed) % 1000) },
      {
        name: "group",
        type: "STRING",
        data: Array.from({ length: rows }, (_, i) => ["red", "green", "blue"][(i + seed) % 3]!),
      },
      { name: "u", type: "DOUBLE", data: number(1) },
      { name: "v", type: "DOUBLE", data: number(2) },
    ],
  });
}

let dir = "";
beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build (npm test does).`);
  dir = mkdtempSync(path.join(tmpdir(), "mg-ref-worker-"));
  await writeCsv(path.join(dir, "data.csv"), 1);
  await writeCsv(path.join(dir, "reference.csv"), 2);
  await writeCsv(path.join(dir, "ragged.csv"), 2, "1,2\n");
  writeParquet(path.join(dir, "data.parquet"), 1);
  writeParquet(path.join(dir, "reference.parquet"), 2);
  writeFileSync(
    path.join(dir, "modelgate.yml"),
    "version: 1\nmodel: m\ndata:\n  schema:\n    x: { type: number }\n    group: { type: category, allowed: [red, green, blue] }\n",
  );
  writeFileSync(path.join(dir, "small.yml"), "version: 1\nmodel: m\nlimits:\n  memory: 8MiB\n");
  // Loaded before the bundle on every thread: a worker says which job it runs and from which script.
  writeFileSync(
    path.join(dir, "tell-workers.mjs"),
    'import { isMainThread, workerData } from "node:worker_threads";\n' +
      "if (!isMainThread) process.stderr.write(`worker ${workerData?.kind} ${process.argv[1]}\\n`);\n",
  );
});

describe("validate-data's reference reader bundle", () => {
  it("is built beside the CLI's bundle and the action's, and refuses to run as a program", async () => {
    const action = path.join(repoRoot, "actions/validate-data/dist/reference-worker/index.js");
    expect(existsSync(action)).toBe(true);
    const run = await spawnCollect(process.execPath, [WORKER], env, dir);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain("reads validate-data's reference on a worker thread");
  }, 60_000);
});

describe.each(nodeBinaries())("validate-data's reference read on a worker thread, $label", ({ path: node }) => {
  const both = async (args: string[]) => {
    const full = [CLI, "validate", ...args, "--format", "json", "--fail-on", "never"];
    const [parallel, sequential] = await Promise.all([
      spawnCollect(node, full, env, dir),
      spawnCollect("taskset", ["-c", "0", node, ...full], env, dir),
    ]);
    return { parallel, sequential };
  };

  it("prints the same result as a read on one core", async () => {
    expect(statSync(path.join(dir, "reference.csv")).size).toBeGreaterThan(8 * 2 ** 20);
    const { parallel, sequential } = await both(["--data", "data.csv", "--reference", "reference.csv"]);
    expect(parallel.exitCode).toBe(0);
    expect(parallel.stdout).toBe(sequential.stdout);
    expect(JSON.parse(parallel.stdout).drift.columns.length).toBe(3);
  }, 120_000);

  it("reads the reference on a worker thread from the reader's own bundle, and on one core on the main thread", async () => {
    const args = ["--data", "data.csv", "--reference", "reference.csv", "--format", "json", "--fail-on", "never"];
    const full = ["--import", "./tell-workers.mjs", CLI, "validate", ...args];
    const [parallel, sequential] = await Promise.all([
      spawnCollect(node, full, env, dir),
      spawnCollect("taskset", ["-c", "0", node, ...full], env, dir),
    ]);
    expect(parallel.stderr).toBe(`worker modelgate-read-reference ${WORKER}\n`);
    expect(sequential.stderr).toBe("");
    expect(parallel.stdout).toBe(sequential.stdout);
  }, 120_000);

  it("prints the same result as a read on one core, from Parquet files", async () => {
    // Past the 8 MiB below which the reference is read on the main thread anyway.
    expect(statSync(path.join(dir, "reference.parquet")).size).toBeGreaterThan(8 * 2 ** 20);
    const { parallel, sequential } = await both(["--data", "data.parquet", "--reference", "reference.parquet"]);
    expect(parallel.exitCode).toBe(0);
    expect(parallel.stdout).toBe(sequential.stdout);
    expect(JSON.parse(parallel.stdout).drift.columns.length).toBe(5);
  }, 120_000);

  it("reports a bad reference with the same message as a read on one core", async () => {
    const { parallel, sequential } = await both(["--data", "data.csv", "--reference", "ragged.csv"]);
    expect(parallel.exitCode).toBe(1);
    expect(JSON.parse(parallel.stdout).error.message).toContain(`ragged.csv line ${ROWS + 2} has 2 fields`);
    expect(parallel.stdout).toBe(sequential.stdout);
  }, 120_000);

  it("streams a reference the memory limit cannot hold into its profile, as a read on one core does", async () => {
    const { parallel, sequential } = await both([
      "--data",
      "data.csv",
      "--reference",
      "reference.csv",
      "--policy",
      "small.yml",
    ]);
    expect(JSON.parse(parallel.stdout).notes.join(" ")).toContain(
      `reference.csv (${ROWS} rows) is larger than the memory limit`,
    );
    expect(parallel.stdout).toBe(sequential.stdout);
  }, 120_000);
});
