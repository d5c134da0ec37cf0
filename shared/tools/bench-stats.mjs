// Our paired bootstrap and DeLong side by side with scipy.stats.bootstrap (npm run bench:stats; also the end of
// npm run bench unless BENCH_SKIP_STATS=1). Writes seeded paired data into a temp dir, runs each case once in a child
// process per side (ours: shared/tools/bench-stats-entry.ts bundled by ncc into .bench/stats/; SciPy: Debian's
// python3-scipy under /usr/bin/python3 running shared/tools/bench-stats.py), and prints the computation's wall time
// (timed inside each child, data loading excluded), both intervals and each child's peak RSS.
// BENCH_STATS_QUICK=1 divides every n by 10 for a smoke run; BENCH_STATS_PYTHON overrides /usr/bin/python3.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { mulberry32 } from "./mulberry32.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const quick = process.env.BENCH_STATS_QUICK === "1";
const scale = quick ? 10 : 1;
const python = process.env.BENCH_STATS_PYTHON ?? "/usr/bin/python3";
const entry = path.join(root, "shared/tools/bench-stats-entry.ts");
const bundleDir = path.join(root, ".bench/stats");
const bundle = path.join(bundleDir, "index.js");

const CASES = [
  { id: "(a)", label: "accuracy Δ, BCa", kind: "accuracy", method: "bca", n: 100_000, resamples: 999, target: 100 },
  {
    id: "(b)",
    label: "accuracy Δ, percentile",
    kind: "accuracy",
    method: "percentile",
    n: 1_000_000,
    resamples: 999,
    target: 100,
  },
  { id: "(c)", label: "AUC Δ, percentile", kind: "auc-bootstrap", method: "percentile", n: 100_000, resamples: 199 },
  {
    id: "(c)",
    label: "AUC Δ: our DeLong vs SciPy percentile",
    kind: "auc-delong",
    scipyKind: "auc-bootstrap",
    method: "percentile",
    n: 100_000,
    resamples: 199,
  },
  {
    id: "(d)",
    label: "accuracy Δ, BCa",
    kind: "accuracy",
    method: "bca",
    n: 1_000_000,
    resamples: 9_999,
    oursOnly: true,
  },
].map((c) => ({ ...c, n: c.n / scale }));
const maxN = Math.max(...CASES.map((c) => c.n));

/**
 * y ~ Bernoulli(0.5); baseline / candidate correct with probability 0.80 / 0.81, independently; scores y·d + N(0, 1)
 * with d = √2·Φ⁻¹(AUC) for AUCs of 0.80 / 0.81 (d ≈ 1.190 / 1.242). Cases use the first n examples.
 */
function writeData(dir, n) {
  const random = mulberry32(20240601);
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const y = new Uint8Array(n);
  const baseCorrect = new Uint8Array(n);
  const candCorrect = new Uint8Array(n);
  const baseScore = new Float64Array(n);
  const candScore = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = random() < 0.5 ? 1 : 0;
    baseCorrect[i] = random() < 0.8 ? 1 : 0;
    candCorrect[i] = random() < 0.81 ? 1 : 0;
    baseScore[i] = y[i] * 1.19023 + normal();
    candScore[i] = y[i] * 1.24152 + normal();
  }
  writeFileSync(path.join(dir, "y.u8"), y);
  writeFileSync(path.join(dir, "base_correct.u8"), baseCorrect);
  writeFileSync(path.join(dir, "cand_correct.u8"), candCorrect);
  writeFileSync(path.join(dir, "base_score.f64"), new Uint8Array(baseScore.buffer));
  writeFileSync(path.join(dir, "cand_score.f64"), new Uint8Array(candScore.buffer));
}

/** Bundles the entry with ncc unless .bench/stats/index.js is newer than it and every file of shared/src/stats. */
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

/** Whether SciPy imports under `python`; installs Debian's python3-scipy when missing and running as root. */
function ensureScipy() {
  const probe = () => spawnSync(python, ["-c", "import scipy"], { stdio: "ignore" }).status === 0;
  if (probe()) return true;
  if (python === "/usr/bin/python3" && process.getuid?.() === 0) {
    console.error("bench:stats: installing python3-scipy (apt-get)…");
    const apt = (args) =>
      spawnSync("apt-get", args, {
        stdio: ["ignore", "ignore", "inherit"],
        env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
      });
    if (apt(["update"]).status === 0 && apt(["install", "-y", "python3-scipy"]).status === 0 && probe()) return true;
  }
  console.error(
    `bench:stats: SciPy is unavailable under ${python}; install it with: sudo apt-get install -y python3-scipy`,
  );
  return false;
}

function runChild(command, args) {
  const run = spawnSync(command, args, { cwd: root, encoding: "utf8", maxBuffer: 1 << 24 });
  if (run.status !== 0)
    throw new Error(`${command} ${args.join(" ")} exited ${run.status}: ${run.stdout}${run.stderr}`);
  return JSON.parse(run.stdout.trim().split("\n").at(-1));
}

const fmt = (x) => (Number.isFinite(x) ? x.toFixed(5) : String(x));
const interval = (r) => `[${fmt(r.low)}, ${fmt(r.high)}]`;
const mib = (kib) => `${(kib / 1024).toFixed(0)} MiB`;
const count = (n) => n.toLocaleString("en-US");

buildOurs();
const hasScipy = ensureScipy();
const dir = mkdtempSync(path.join(tmpdir(), "modelgate-bench-stats-"));
try {
  writeData(dir, maxN);
  const rows = [];
  const scipyRuns = new Map();
  let scipyVersion = "";
  for (const c of CASES) {
    const ours = runChild(process.execPath, [bundle, dir, c.kind, String(c.n), String(c.resamples), c.method]);
    const scipyKind = c.scipyKind ?? c.kind;
    const key = `${scipyKind}/${c.method}/${c.n}/${c.resamples}`;
    let scipy;
    if (hasScipy && !c.oursOnly) {
      if (!scipyRuns.has(key)) {
        scipyRuns.set(
          key,
          runChild(python, [
            path.join(root, "shared/tools/bench-stats.py"),
            dir,
            scipyKind,
            String(c.n),
            String(c.resamples),
            c.method,
          ]),
        );
      }
      scipy = scipyRuns.get(key);
      scipyVersion = scipy.scipy;
    }
    rows.push({ c, ours, scipy });
  }
  console.log(`\n### Paired bootstrap vs scipy.stats.bootstrap${quick ? " (BENCH_STATS_QUICK=1: n ÷ 10)" : ""}\n`);
  console.log(
    "| case | ours (s) | SciPy (s) | ratio | our interval | SciPy interval | \\|Δ\\| low / high | our peak RSS | SciPy peak RSS |",
  );
  console.log("|---|---:|---:|---:|---|---|---|---:|---:|");
  for (const { c, ours, scipy } of rows) {
    const name = `${c.id} ${c.label}, n = ${count(c.n)}, B = ${count(c.resamples)}`;
    if (!scipy) {
      console.log(
        `| ${name} | ${ours.seconds.toFixed(3)} | ${c.oursOnly ? "—" : "unavailable"} | — | ${interval(ours)} | — | — | ${mib(ours.maxRssKiB)} | — |`,
      );
      continue;
    }
    const ratio = scipy.seconds / ours.seconds;
    const dLow = Math.abs(ours.low - scipy.low);
    const dHigh = Math.abs(ours.high - scipy.high);
    const ratioText = `${ratio.toFixed(ratio < 10 ? 2 : 0)}×${c.target ? (ratio >= c.target ? " ✓" : " ✗") : ""}`;
    const close = dLow <= 0.001 && dHigh <= 0.001 ? "✓" : "✗";
    console.log(
      `| ${name} | ${ours.seconds.toFixed(3)} | ${scipy.seconds.toFixed(2)} | ${ratioText} | ${interval(ours)} | ${interval(scipy)} | ${dLow.toFixed(5)} / ${dHigh.toFixed(5)} ${close} | ${mib(ours.maxRssKiB)} | ${mib(scipy.maxRssKiB)} |`,
    );
  }
  console.log(
    `\nOne run per case; seconds time the computation inside each child (data loading excluded); ratio = SciPy ÷ ours, ` +
      `target ≥ 100× in (a) and (b); intervals 95% two-sided, target |Δ| ≤ 0.001. Ours: seed 12345, xoshiro128**; ` +
      `SciPy ${scipyVersion || "unavailable"} (${python}), random_state = 12345, vectorized, paired, batch = ⌊10⁸ / n⌋. ` +
      `(c) ours bootstraps the AUC difference with computeRocAuc per resample; the DeLong row is computeDelong's normal interval.`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
