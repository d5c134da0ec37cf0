// train-reproducibly side by side (npm run bench; BENCH_SKIP_TRAIN=1 skips it):
// (1) hashing throughput of a generated folder of mixed file sizes, `modelgate train --inputs <folder>` against
//     GNU `sha256sum` over the same files, both from a warm page cache; ours is the CLI run with the folder minus
//     the same run without it, so environment capture and start-up are not counted as hashing.
// (2) the manifest's overhead over the bare command for a small run (`node -e 0`).
// BENCH_TRAIN_MIB sets the folder size (default 256 MiB; 1024 for the 1 GiB of the spec on a fast disk).
import { Buffer } from "node:buffer";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const cli = path.join(root, "shared/dist/cli/index.js");
const mib = Number(process.env.BENCH_TRAIN_MIB ?? 256);
const RUNS = Number(process.env.BENCH_TRAIN_RUNS ?? 3);

/** Half the bytes in 16 MiB files, a quarter in 1 MiB files, a quarter in 16 KiB files, in nested folders. */
function makeFolder(folder) {
  const block = Buffer.alloc(1 << 20);
  let state = 12345;
  for (let i = 0; i < block.length; i++) block[i] = (state = (Math.imul(state, 1103515245) + 12345) >>> 0) >>> 24;
  const write = (file, bytes) => {
    mkdirSync(path.dirname(file), { recursive: true });
    const parts = [];
    for (let left = bytes; left > 0; left -= block.length) parts.push(block.subarray(0, Math.min(left, block.length)));
    writeFileSync(file, Buffer.concat(parts));
  };
  const total = mib << 20;
  for (let i = 0; i < total / 2 / (16 << 20); i++) write(path.join(folder, "large", `shard-${i}.bin`), 16 << 20);
  for (let i = 0; i < total / 4 / (1 << 20); i++)
    write(path.join(folder, "medium", String(i % 8), `part-${i}.parquet`), 1 << 20);
  for (let i = 0; i < total / 4 / (16 << 10); i++)
    write(path.join(folder, "small", String(i % 64), `row-${i}.json`), 16 << 10);
}

function time(command, args, options = {}) {
  const start = process.hrtime.bigint();
  const run = spawnSync(command, args, { stdio: "pipe", maxBuffer: 1 << 30, ...options });
  if (run.status !== 0) throw new Error(`${command} ${args.join(" ")} exited ${run.status}: ${run.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const work = mkdtempSync(path.join(tmpdir(), "modelgate-bench-train-"));
try {
  makeFolder(path.join(work, "data"));
  const train = (...extra) => [
    cli,
    "train",
    "--outputs",
    "out.txt",
    ...extra,
    "--",
    "node",
    "-e",
    "require('fs').writeFileSync('out.txt','x')",
  ];
  const sha = () => time("bash", ["-c", "find data -type f -print0 | xargs -0 sha256sum > /dev/null"], { cwd: work });
  const ours = () => time(process.execPath, train("--inputs", "data"), { cwd: work });
  const bare = () => time(process.execPath, train(), { cwd: work });
  sha(); // warm the page cache
  const samples = { sha: [], ours: [], bare: [], node: [] };
  for (let i = 0; i < RUNS; i++) {
    samples.sha.push(sha());
    samples.ours.push(ours());
    samples.bare.push(bare());
    samples.node.push(time(process.execPath, ["-e", "require('fs').writeFileSync('out.txt','x')"], { cwd: work }));
  }
  const hashMs = median(samples.ours) - median(samples.bare);
  console.log(`\n### train-reproducibly: hashing ${mib} MiB of mixed file sizes (median of ${RUNS})\n`);
  console.log("| tool | wall time | MiB/s |\n|---|---:|---:|");
  console.log(
    `| modelgate (hashing part of \`train --inputs data\`) | ${hashMs.toFixed(0)} ms | ${(mib / (hashMs / 1000)).toFixed(0)} |`,
  );
  console.log(
    `| sha256sum (find … \\| xargs -0 sha256sum) | ${median(samples.sha).toFixed(0)} ms | ${(mib / (median(samples.sha) / 1000)).toFixed(0)} |`,
  );
  console.log(
    `\nManifest overhead for a small run: bare command ${median(samples.node).toFixed(0)} ms, under \`modelgate train\` ${median(samples.bare).toFixed(0)} ms (+${(median(samples.bare) - median(samples.node)).toFixed(0)} ms: start-up, git, Python and nvidia-smi probes, hashing, manifest).`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
