import { createWriteStream, existsSync, mkdtempSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parquetWriteFile } from "hyparquet-writer";
import { beforeAll, describe, expect, it } from "vitest";
import { nodeBinaries, repoRoot } from "./support/node-binaries.js";
import { spawnCollect } from "./support/run-action-bundle.js";

// profile build reads a file of 8 MiB or more in two parts, the second on a worker thread from the reader's bundle when
// the machine has two cores or more. Pinned to one core (taskset), the same bundle reads both parts on the main
// thread: the split depends on the file alone, so both runs must print the same bytes.
const CLI = path.join(repoRoot, "shared/dist/cli/index.js");
const WORKER = path.join(repoRoot, "shared/dist/cli/reference-worker/index.js");
const ROWS = 300_000; // ~9 MiB
const env = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp" };

/** A few rows of numbers. */
function writeCsvRows(file: string, rows: number): void {
  writeFileSync(file, `x,y\n${Array.from({ length: rows }, (_, i) => `${i},${i % 7}`).join("\n")}\n`);
}

/** Numbers, a category, and a column numeric until its last row (read again as text in both parts). */
async function writeCsv(file: string, tail = ""): Promise<void> {
  const out = createWriteStream(file);
  out.write("x,y,group,late\n");
  let chunk = "";
  for (let i = 0; i < ROWS; i++) {
    const late = i === ROWS - 1 ? "n/a" : String(i % 7);
    chunk += `${((i * 7919) % 100_003) / 97},${(i * 31) % 1000},${["red", "green", "blue"][i % 3]},${late}\n`;
    if (chunk.length > 1 << 16) {
      out.write(chunk);
      chunk = "";
    }
  }
  out.end(chunk + tail);
  await new Promise<void>((resolve) => out.on("finish", () => resolve()));
}

let dir = "";
beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build (npm test does).`);
  dir = mkdtempSync(path.join(tmpdir(), "mg-profile-parts-"));
  await writeCsv(path.join(dir, "data.csv"));
  await writeCsv(path.join(dir, "ragged.csv"), "1,2\n");
  await writeCsv(path.join(dir, "quoted.csv"), '1,2,"blue, dark",3\n');
  const rows = 360_000;
  const number = (k: number) => Array.from({ length: rows }, (_, i) => Math.sin(i * 12.9898 + k) * 1e4);
  parquetWriteFile({
    filename: path.join(dir, "data.parquet"),
    rowGroupSize: 100_000,
    columnData: [
      { name: "x", type: "DOUBLE", data: number(0) },
      { name: "y", type: "INT32", data: Array.from({ length: rows }, (_, i) => (i * 31) % 1000) },
      { name: "group", type: "STRING", data: Array.from({ length: rows }, (_, i) => ["red", "green", "blue"][i % 3]!) },
      { name: "u", type: "DOUBLE", data: number(1) },
      { name: "v", type: "DOUBLE", data: number(2) },
    ],
  });
  // Loaded before the bundle on every thread: a worker says how it was started and from which script (the CLI starts
  // it before its job is known), and which job it then gets as its first message.
  writeFileSync(
    path.join(dir, "tell-workers.mjs"),
    'import { isMainThread, parentPort, workerData } from "node:worker_threads";\n' +
      "if (!isMainThread) {\n" +
      "  process.stderr.write(`worker ${workerData?.kind} ${process.argv[1]}\\n`);\n" +
      "  const once = parentPort.once.bind(parentPort);\n" +
      "  parentPort.once = (event, listener) =>\n" +
      '    once(event, event !== "message" ? listener : (job) => {\n' +
      "      process.stderr.write(`worker job ${job.kind}\\n`);\n" +
      "      listener(job);\n" +
      "    });\n" +
      "}\n",
  );
  writeCsvRows(path.join(dir, "small.csv"), 1000);
}, 120_000);

describe.each(nodeBinaries())("profile build of a large file in two parts, $label", ({ path: node }) => {
  const both = async (file: string) => {
    const args = ["--import", "./tell-workers.mjs", CLI, "profile", "build", file];
    const [parallel, sequential] = await Promise.all([
      spawnCollect(node, args, env, dir),
      spawnCollect("taskset", ["-c", "0", node, ...args], env, dir),
    ]);
    return { parallel, sequential };
  };

  it("reads the second half of a CSV on a worker thread, and prints the bytes a read on one core prints", async () => {
    expect(statSync(path.join(dir, "data.csv")).size).toBeGreaterThan(8 * 2 ** 20);
    const { parallel, sequential } = await both("data.csv");
    expect(parallel.exitCode).toBe(0);
    expect(parallel.stderr).toBe(`worker modelgate-pending-reader-job ${WORKER}\nworker job modelgate-profile-part\n`);
    expect(sequential.stderr).toBe("");
    expect(parallel.stdout).toBe(sequential.stdout);
    const profile = JSON.parse(parallel.stdout);
    expect(profile.rows).toBe(ROWS);
    const byName = new Map(profile.columns.map((column: { name: string }) => [column.name, column]));
    expect(byName.get("group")).toMatchObject({
      kind: "string",
      missing: 0,
      values: [
        ["blue", ROWS / 3],
        ["green", ROWS / 3],
        ["red", ROWS / 3],
      ],
    });
    expect(byName.get("late")).toMatchObject({ kind: "string", missing: 0 });
    expect(byName.get("x")).toMatchObject({ kind: "number", missing: 0, moments: [{ count: ROWS }] });
  }, 120_000);

  it("reads a Parquet file's later row groups on a worker thread, the same bytes as on one core", async () => {
    expect(statSync(path.join(dir, "data.parquet")).size).toBeGreaterThan(8 * 2 ** 20);
    const { parallel, sequential } = await both("data.parquet");
    expect(parallel.exitCode).toBe(0);
    expect(parallel.stderr).toBe(`worker modelgate-pending-reader-job ${WORKER}\nworker job modelgate-profile-part\n`);
    expect(parallel.stdout).toBe(sequential.stdout);
    expect(JSON.parse(parallel.stdout).rows).toBe(360_000);
  }, 120_000);

  it("reports a ragged row in the second half with its line in the file, as on one core", async () => {
    const { parallel, sequential } = await both("ragged.csv");
    expect(parallel.exitCode).toBe(1);
    expect(parallel.stderr).toContain(`ragged.csv line ${ROWS + 2} has 2 fields; the header has 4`);
    expect(parallel.stderr.replace(/^worker .*\n/gm, "")).toBe(sequential.stderr);
  }, 120_000);

  it("starts no worker for a file under 8 MiB", async () => {
    const { parallel, sequential } = await both("small.csv");
    expect(parallel.exitCode).toBe(0);
    expect(parallel.stderr).toBe("");
    expect(parallel.stdout).toBe(sequential.stdout);
  }, 120_000);

  it("reads a file with quotes whole, as on one core", async () => {
    const { parallel, sequential } = await both("quoted.csv");
    expect(parallel.exitCode).toBe(0);
    expect(parallel.stdout).toBe(sequential.stdout);
    expect(JSON.parse(parallel.stdout).rows).toBe(ROWS + 1);
  }, 120_000);
});
