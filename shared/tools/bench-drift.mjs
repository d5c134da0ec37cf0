// Our drift statistics side by side with SciPy on two 1,000,000-value columns (npm run bench:drift; also the end of
// npm run bench unless BENCH_SKIP_DRIFT=1). Writes two seeded normal columns (the current shifted by 0.01) into a
// temp dir, runs ours (shared/tools/bench-drift-entry.ts bundled by ncc into .bench/drift/) and SciPy (Debian's
// python3-scipy under /usr/bin/python3 running shared/tools/bench-drift.py) once each in a child process, and prints
// each statistic's value and computation time on both sides, and both peak RSS.
// BENCH_DRIFT_N overrides the column length; BENCH_STATS_PYTHON overrides /usr/bin/python3.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { mulberry32 } from "./mulberry32.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const n = Number(process.env.BENCH_DRIFT_N ?? 1_000_000);
const python = process.env.BENCH_STATS_PYTHON ?? "/usr/bin/python3";
const entry = path.join(root, "shared/tools/bench-drift-entry.ts");
const bundleDir = path.join(root, ".bench/drift");
const bundle = path.join(bundleDir, "index.js");

function writeData(dir) {
  const random = mulberry32(20240602);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const reference = new Float64Array(n);
  const current = new Float64Array(n);
  for (let i = 0; i < n; i++) reference[i] = Math.round(normal() * 1e6) / 1e6;
  for (let i = 0; i < n; i++) current[i] = Math.round((normal() + 0.01) * 1e6) / 1e6;
  writeFileSync(path.join(dir, "reference.f64"), new Uint8Array(reference.buffer));
  writeFileSync(path.join(dir, "current.f64"), new Uint8Array(current.buffer));
}

/** Bundles the entry with ncc unless .bench/drift/index.js is newer than it and every file of shared/src/stats. */
function buildOurs() {
  const statsDir = path.join(root, "shared/src/stats");
  const sources = [entry, ...readdirSync(statsDir).map((f) => path.join(statsDir, f))];
  if (existsSync(bundle) && sources.every((f) => statSync(f).mtimeMs < statSync(bundle).mtimeMs)) return;
  const ncc = path.join(root, "node_modules/@vercel/ncc/dist/ncc/cli.js");
  const run = spawnSync(process.execPath, [ncc, "build", entry, "-o", bundleDir, "--quiet", "--target", "es2022"], {
    cwd: root,
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(`ncc failed (exit ${run.status}): ${run.stdout}${run.stderr}`);
}

/** Whether SciPy imports under `python`; installs Debian's python3-scipy when missing (apt-get, with sudo if not root). */
function ensureScipy() {
  const probe = () => spawnSync(python, ["-c", "import scipy"], { stdio: "ignore" }).status === 0;
  if (probe()) return true;
  if (python === "/usr/bin/python3") {
    console.error("bench:drift: installing python3-scipy (apt-get)…");
    const sudo = process.getuid?.() === 0 ? [] : ["sudo"];
    const apt = (args) =>
      spawnSync(sudo.length ? "sudo" : "apt-get", [...(sudo.length ? ["apt-get"] : []), ...args], {
        stdio: ["ignore", "ignore", "inherit"],
        env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
      });
    if (apt(["update"]).status === 0 && apt(["install", "-y", "python3-scipy"]).status === 0 && probe()) return true;
  }
  console.error(
    `bench:drift: SciPy is unavailable under ${python}; install it with: sudo apt-get install -y python3-scipy`,
  );
  return false;
}

function runChild(command, args) {
  const run = spawnSync(command, args, { cwd: root, encoding: "utf8", maxBuffer: 1 << 24 });
  if (run.status !== 0)
    throw new Error(`${command} ${args.join(" ")} exited ${run.status}: ${run.stdout}${run.stderr}`);
  return JSON.parse(run.stdout.trim().split("\n").at(-1));
}

const mib = (kib) => `${(kib / 1024).toFixed(0)} MiB`;
const value = (x) => (x === undefined ? "—" : Math.abs(x) < 1e-3 && x !== 0 ? x.toExponential(6) : x.toFixed(9));

buildOurs();
const hasScipy = ensureScipy();
const dir = mkdtempSync(path.join(tmpdir(), "modelgate-bench-drift-"));
try {
  writeData(dir);
  const ours = runChild(process.execPath, [bundle, dir, String(n)]);
  const scipy = hasScipy
    ? runChild(python, [path.join(root, "shared/tools/bench-drift.py"), dir, String(n)])
    : undefined;
  console.log(`\n### Drift statistics vs SciPy, ${n.toLocaleString("en-US")} vs ${n.toLocaleString("en-US")} values\n`);
  console.log("| statistic | ours | SciPy | ours (s) | SciPy (s) | ratio |");
  console.log("|---|---:|---:|---:|---:|---:|");
  for (const [name, mine] of Object.entries(ours.results)) {
    const theirs = scipy?.results[name];
    const ratio = theirs ? `${(theirs.seconds / mine.seconds).toFixed(2)}×` : "—";
    console.log(
      `| ${name} | ${value(mine.value)} | ${value(theirs?.value)} | ${mine.seconds.toFixed(3)} | ${theirs ? theirs.seconds.toFixed(3) : "unavailable"} | ${ratio} |`,
    );
  }
  console.log(
    `\nOne run each; seconds time the computation inside each child (data loading excluded), each statistic called ` +
      `on its own through the public API (every call sorts its inputs, except in the last row, where ours sorts each ` +
      `sample once and SciPy calls its three functions); ratio = SciPy ÷ ours. Peak RSS: ours ` +
      `${mib(ours.maxRssKiB)}, SciPy ${scipy ? `${mib(scipy.maxRssKiB)} (${scipy.scipy}, ${python})` : "unavailable"}.`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
