import { createWriteStream, existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { nodeBinaries, repoRoot } from "./support/node-binaries.js";
import { spawnCollect } from "./support/run-action-bundle.js";

// validate-data reads a reference of 8 MiB or more on a worker thread when the machine has two cores or more. Pinned
// to one core (taskset), the same bundle reads it on the main thread: both runs must print the same bytes.
const CLI = path.join(repoRoot, "shared/dist/cli/index.js");
const ROWS = 260_000; // ~9 MiB
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

let dir = "";
beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build (npm test does).`);
  dir = mkdtempSync(path.join(tmpdir(), "mg-ref-worker-"));
  await writeCsv(path.join(dir, "data.csv"), 1);
  await writeCsv(path.join(dir, "reference.csv"), 2);
  await writeCsv(path.join(dir, "ragged.csv"), 2, "1,2\n");
  writeFileSync(
    path.join(dir, "modelgate.yml"),
    "version: 1\nmodel: m\ndata:\n  schema:\n    x: { type: number }\n    group: { type: category, allowed: [red, green, blue] }\n",
  );
  writeFileSync(path.join(dir, "small.yml"), "version: 1\nmodel: m\nlimits:\n  memory: 8MiB\n");
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
    const { parallel, sequential } = await both(["--data", "data.csv", "--reference", "reference.csv"]);
    expect(parallel.exitCode).toBe(0);
    expect(parallel.stdout).toBe(sequential.stdout);
    expect(JSON.parse(parallel.stdout).drift.columns.length).toBe(3);
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
      "reference.csv (260000 rows) is larger than the memory limit",
    );
    expect(parallel.stdout).toBe(sequential.stdout);
  }, 120_000);
});
