// shadow-compare end to end against pandas (part of npm run bench; BENCH_SKIP_SHADOW=1 skips it): writes two seeded
// CSV logs of BENCH_SHADOW_ROWS requests (default 1,000,000; the shadow in another order, missing 1%), then runs the
// built CLI (`modelgate shadow`) and shared/tools/bench-shadow.py (pandas + SciPy, Debian's /usr/bin/python3: the same
// join, agreement, flips, score deltas, KS, Wasserstein, PSI, per-slice flips and a paired latency bootstrap of
// BENCH_SHADOW_RESAMPLES resamples, default 200) under /usr/bin/time, and prints wall time and peak RSS side by side.
// BENCH_SHADOW_DIR=<folder> writes the logs there and keeps them (for profiling).
import { spawnSync } from "node:child_process";
import { createWriteStream, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { mulberry32 } from "./mulberry32.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const rows = Number(process.env.BENCH_SHADOW_ROWS ?? 1_000_000);
const resamples = Number(process.env.BENCH_SHADOW_RESAMPLES ?? 200);
const python = process.env.BENCH_SHADOW_PYTHON ?? "/usr/bin/python3";
const cli = path.join(root, "shared/dist/cli/index.js");
if (!existsSync(cli)) throw new Error(`${cli} is missing: run node shared/tools/build.mjs cli first`);

function ensurePandas() {
  if (spawnSync(python, ["-c", "import scipy, pandas"]).status === 0) return;
  const sudo = process.getuid?.() === 0 ? [] : ["sudo"];
  const install = spawnSync(
    sudo[0] ?? "apt-get",
    [...sudo.slice(1), ...(sudo.length ? ["apt-get"] : []), "install", "-y", "python3-pandas", "python3-scipy"],
    { stdio: "inherit" },
  );
  if (install.status !== 0) throw new Error("could not install python3-pandas and python3-scipy");
}

async function writeLogs(dir) {
  const random = mulberry32(7);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const countries = ["de", "fr", "us", "br", "jp", "in"];
  const production = [];
  const shadow = [];
  for (let i = 0; i < rows; i++) {
    const id = `req-${i.toString(36)}`;
    const p = Math.min(1, Math.max(0, 0.4 + 0.2 * normal()));
    const s = Math.min(1, Math.max(0, p + 0.03 * normal()));
    const latency = 20 * Math.exp(0.4 * normal());
    const country = countries[Math.floor(random() * countries.length)];
    production.push(`${id},${p >= 0.5 ? 1 : 0},${p.toFixed(5)},${latency.toFixed(2)},${country}`);
    if (random() >= 0.01)
      shadow.push(
        `${id},${s >= 0.5 ? 1 : 0},${s.toFixed(5)},${(latency * (1.03 + 0.05 * normal())).toFixed(2)},${country}`,
      );
  }
  shadow.reverse();
  const header = "request_id,prediction,score,latency_ms,country";
  for (const [name, lines] of [
    ["production.csv", production],
    ["shadow.csv", shadow],
  ]) {
    const out = createWriteStream(path.join(dir, name));
    out.write(`${header}\n`);
    for (let i = 0; i < lines.length; i += 10_000) out.write(`${lines.slice(i, i + 10_000).join("\n")}\n`);
    await new Promise((resolve) => out.end(resolve));
  }
}

/** Wall seconds and peak RSS (KiB) of one command, from GNU time. */
function timed(command, args, cwd) {
  const run = spawnSync("/usr/bin/time", ["-f", "%e %M", command, ...args], {
    cwd,
    encoding: "utf8",
    maxBuffer: 1 << 28,
  });
  const last = run.stderr.trim().split("\n").at(-1) ?? "";
  const [seconds, kib] = last.split(" ").map(Number);
  if (![0, 1].includes(run.status ?? -1) || !Number.isFinite(seconds) || run.stdout.trim() === "")
    throw new Error(`${command} ${args.join(" ")} failed (${run.status}): ${run.stderr.slice(-2000)}`);
  return { seconds, mib: kib / 1024, stdout: run.stdout };
}

ensurePandas();
const keep = process.env.BENCH_SHADOW_DIR;
const dir = keep ?? mkdtempSync(path.join(tmpdir(), "modelgate-bench-shadow-"));
try {
  await writeLogs(dir);
  writeFileSync(
    path.join(dir, "modelgate.yml"),
    "version: 1\nmodel: bench\nshadow:\n  min-coverage: 0.95\n  max-flip-rate: 0.05\n  max-score-psi: 0.1\n  max-score-ks: 0.1\n  max-latency-p95-regression-pct: 10\n  max-slice-flip-rate: 0.1\n",
  );
  const ours = timed(
    process.execPath,
    [
      cli,
      "shadow",
      "--production",
      "production.csv",
      "--shadow",
      "shadow.csv",
      "--slice-columns",
      "country",
      "--bootstrap-resamples",
      String(resamples),
      "--format",
      "json",
      "--fail-on",
      "never",
    ],
    dir,
  );
  const pandas = timed(
    python,
    [path.join(root, "shared/tools/bench-shadow.py"), "production.csv", "shadow.csv", String(resamples)],
    dir,
  );
  const result = JSON.parse(ours.stdout);
  const reference = JSON.parse(pandas.stdout);
  console.log(
    `\nshadow-compare, two logs of ${rows.toLocaleString("en")} requests, latency bootstrap ${resamples} resamples, end to end from CSV`,
  );
  console.log("| | modelgate shadow | pandas + SciPy | target |");
  console.log("|---|---:|---:|---|");
  console.log(
    `| wall time | ${ours.seconds.toFixed(1)} s | ${pandas.seconds.toFixed(1)} s | ≤ pandas ${ours.seconds <= pandas.seconds ? "✓" : "✗"} |`,
  );
  console.log(
    `| peak RSS | ${ours.mib.toFixed(0)} MiB | ${pandas.mib.toFixed(0)} MiB | ≤ ½ pandas ${ours.mib <= pandas.mib / 2 ? "✓" : "✗"} |`,
  );
  console.log(
    `| joined / agreement | ${result.summary.requests.joined} / ${result.summary.classes.agreement.toFixed(6)} | ${reference.joined} / ${reference.agreement.toFixed(6)} | equal |`,
  );
  console.log(
    `| p95 latency ratio interval | [${result.summary.latency.percentiles[1].ci.map((x) => x.toFixed(4)).join(", ")}] | [${reference.latency_ratio_ci["95"].map((x) => x.toFixed(4)).join(", ")}] | close (other random streams) |`,
  );
} finally {
  if (!keep) rmSync(dir, { recursive: true, force: true });
}
