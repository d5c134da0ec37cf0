import type { Check } from "../core/check.js";
import type { Verdict } from "../core/verdict.js";
import type { PathDigest } from "./manifest.js";

/** What one run of the command left behind, for comparison with the first run. */
export interface RunRecord {
  outputs: PathDigest[];
  metrics: Record<string, number | string | boolean | null> | null;
}

export interface CompareRunsOptions {
  compare: "digests" | "metrics";
  /** Largest absolute difference of a numeric metric that still counts as the same (metrics mode). */
  tolerance: number;
  /** The verdict of a run that does not repeat: `fail` by default, `warn` when the workflow accepts it. */
  onUnrepeatable: Verdict;
}

/**
 * Proof of repeatability (pure): one check per output (digests mode: every run must produce the same
 * bytes) or per numeric metric (metrics mode: every run within `tolerance` of the first run).
 */
export function compareRuns(runs: readonly RunRecord[], options: CompareRunsOptions): Check[] {
  return options.compare === "digests" ? compareDigests(runs, options.onUnrepeatable) : compareMetrics(runs, options);
}

function compareDigests(runs: readonly RunRecord[], onUnrepeatable: Verdict): Check[] {
  const names = [...new Set(runs.flatMap((r) => r.outputs.map((o) => o.path)))].sort();
  return names.map((name) => {
    const digests = runs.map((r) => r.outputs.find((o) => o.path === name)?.sha256 ?? "missing");
    const distinct = new Set(digests).size;
    const differing = digests.map((d, i) => (d === digests[0] ? null : i + 1)).filter((i) => i !== null);
    return {
      name: `${name}:repeatable`,
      metric: name,
      rule: "repeatable",
      verdict: distinct === 1 ? "pass" : onUnrepeatable,
      value: distinct,
      baseline: null,
      delta: null,
      delta_pct: null,
      threshold: 1,
      message:
        distinct === 1
          ? `${runs.length} runs wrote identical bytes (sha256 ${digests[0]!.slice(0, 12)}…).`
          : `${name} differs between runs: run${differing.length === 1 ? "" : "s"} ${differing.join(", ")} of ${runs.length} wrote other bytes than run 1 (${distinct} distinct digests).`,
    };
  });
}

function compareMetrics(runs: readonly RunRecord[], options: CompareRunsOptions): Check[] {
  const first = runs[0]?.metrics ?? {};
  const names = Object.keys(first)
    .filter((n) => typeof first[n] === "number")
    .sort();
  return names.map((name) => {
    const values = runs.map((r) => r.metrics?.[name]);
    const numeric = values.every((v) => typeof v === "number" && Number.isFinite(v));
    const spread = numeric
      ? Math.max(...(values as number[])) - Math.min(...(values as number[]))
      : Number.POSITIVE_INFINITY;
    const repeats = spread <= options.tolerance;
    return {
      name: `${name}:repeatable`,
      metric: name,
      rule: "repeatable-within",
      verdict: repeats ? "pass" : options.onUnrepeatable,
      value: numeric ? spread : null,
      baseline: null,
      delta: null,
      delta_pct: null,
      threshold: options.tolerance,
      message: !numeric
        ? `${name} is missing or not a finite number in some of the ${runs.length} runs.`
        : repeats
          ? `${runs.length} runs agree within ${options.tolerance} (largest difference ${spread}).`
          : `${name} varies by ${spread} across ${runs.length} runs, more than verify-tolerance ${options.tolerance}: values ${(values as number[]).join(", ")}.`,
    };
  });
}
