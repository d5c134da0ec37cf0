import { readFileSync } from "node:fs";
import { expect } from "vitest";
import { toPairedDifferences } from "../../../../shared/src/stats/paired-bootstrap.js";
import type { MeanMetric } from "../../../../shared/src/stats/per-example-values.js";

// Copies of the SciPy oracle and of our own reference script's output; see ../fixtures/SOURCE.md.
const fixture = (name: string): string => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), "utf8");

function readCsv(name: string): Record<string, string>[] {
  const [header = "", ...lines] = fixture(name).trim().split("\n");
  const columns = header.split(",");
  return lines.map((line) => {
    const cells = line.split(",");
    return Object.fromEntries(columns.map((column, i) => [column, cells[i] ?? ""]));
  });
}

export interface PairedPredictions {
  yTrue: number[];
  baselineScore: number[];
  candidateScore: number[];
  baselinePred: number[];
  candidatePred: number[];
}

/** oracle data/paired_predictions.csv as columns (n = 1000). */
export function readPairedPredictions(): PairedPredictions {
  const rows = readCsv("paired_predictions.csv");
  const column = (name: string) => rows.map((row) => Number(row[name]));
  return {
    yTrue: column("y_true"),
    baselineScore: column("baseline_score"),
    candidateScore: column("candidate_score"),
    baselinePred: column("baseline_pred"),
    candidatePred: column("candidate_pred"),
  };
}

/**
 * Per-example differences candidate − baseline of a mean-type metric on the first `count` rows of the paired
 * predictions: predicted labels for accuracy, scores for the others.
 */
export function pairedDifferences(
  metric: MeanMetric,
  data: PairedPredictions,
  count = data.yTrue.length,
): Float64Array {
  const labels = metric === "accuracy";
  return toPairedDifferences({
    metric,
    yTrue: data.yTrue.slice(0, count),
    candidate: (labels ? data.candidatePred : data.candidateScore).slice(0, count),
    baseline: (labels ? data.baselinePred : data.baselineScore).slice(0, count),
  });
}

/** oracle data/bootstrap_indices.csv: 200 resamples × 40 zero-based indices. */
export function readBootstrapIndices(): number[][] {
  return readCsv("bootstrap_indices.csv").map((row) => Object.values(row).map(Number));
}

/** oracle data/pvalues.csv. */
export function readPValues(): number[] {
  return readCsv("pvalues.csv").map((row) => Number(row.p));
}

/** oracle expected.json (SciPy 1.10.1 / NumPy 1.24.2), as copied. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON read as-is; tests name the fields they use.
export const oracle: any = JSON.parse(fixture("oracle-expected.json"));

/** reference-values.json written by make_reference_values.py (scikit-learn 1.2.1, SciPy 1.10.1, mpmath 1.2.1). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as above.
export const reference: any = JSON.parse(fixture("reference-values.json"));

/** Asserts |actual − expected| ≤ tolerance·|expected| (absolute tolerance when expected is 0). */
export function expectRelative(actual: number, expected: number, tolerance: number): void {
  const bound = expected === 0 ? tolerance : tolerance * Math.abs(expected);
  expect(Math.abs(actual - expected), `${actual} vs ${expected} (relative tolerance ${tolerance})`).toBeLessThanOrEqual(
    bound,
  );
}

/** Narrows a `StatResult` to its `ok` branch, failing the test with the reason otherwise. */
export function expectOk<T extends { ok: boolean }>(result: T): Extract<T, { ok: true }> {
  if (!result.ok) expect.fail(`expected a value, got "cannot compute": ${(result as { reason?: string }).reason}`);
  return result as Extract<T, { ok: true }>;
}

/** drift-reference-values.json written by make_drift_reference_values.py (SciPy 1.10.1, NumPy 1.24.2). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as above.
export const driftReference: any = JSON.parse(fixture("drift-reference-values.json"));

/** One of the oracle's drift data sets (`sample,value`), split into the reference and current columns. */
export function readNumericDrift(name: string): { reference: number[]; current: number[] } {
  const rows = readCsv(name);
  const pick = (sample: string) => rows.filter((row) => row.sample === sample).map((row) => Number(row.value));
  return { reference: pick("reference"), current: pick("current") };
}

/** oracle data/categorical_drift.csv (`sample,category`) as reference and current category labels. */
export function readCategoricalDrift(): { reference: string[]; current: string[] } {
  const rows = readCsv("categorical_drift.csv");
  const pick = (sample: string) => rows.filter((row) => row.sample === sample).map((row) => row.category ?? "");
  return { reference: pick("reference"), current: pick("current") };
}

/**
 * The synthetic samples of make_drift_reference_values.py: x_i = ((i·multiplier) mod modulus)/modulus·scale + offset,
 * the same IEEE operations in the same order as the Python formula, so the values are identical.
 */
export function formulaSample([n, multiplier, modulus, scale, offset]: number[]): number[] {
  return Array.from(
    { length: n as number },
    (_, i) =>
      (((i * (multiplier as number)) % (modulus as number)) / (modulus as number)) * (scale as number) +
      (offset as number),
  );
}

interface ScipyKsResult {
  statistic: number;
  /** null where SciPy returned NaN. */
  pvalue: number | null;
  fell_back_to_asymp: boolean;
}

/** drift-reference-values.json `ks_2samp`: formula parameters of both samples and SciPy's results. */
export interface SyntheticKsCase {
  reference: number[];
  current: number[];
  auto: ScipyKsResult;
  exact: ScipyKsResult;
  asymp: ScipyKsResult;
  wasserstein_distance: number;
  wasserstein_normed_by_ref_std_ddof0: number;
}

/** A χ² result as SciPy returns it, with its input. */
export interface ScipyChiSquareCase {
  table: number[][];
  observed: number[];
  expected: number[];
  statistic: number;
  pvalue: number;
  dof: number;
}

/** drift-reference-values.json `jensenshannon`. */
export interface ScipyJensenShannonCase {
  p: number[];
  q: number[];
  base_e: number;
  base_2: number;
  base_10: number;
}

/** The named cases of one block of drift-reference-values.json, typed. */
export function driftCases<T>(
  block: "ks_2samp" | "chi2_contingency" | "chisquare_gof" | "jensenshannon",
): [string, T][] {
  return Object.entries(driftReference[block] as Record<string, T>);
}

/**
 * edge-case-reference-values.json written by make_edge_case_reference_values.py (SciPy 1.10.1, statsmodels 0.13.5,
 * scikit-learn 1.2.1, pandas 1.5.3): categorical drift over the union of categories, exact bounds of changes with
 * no variance, metrics scikit-learn defines where modelgate does not, fairness groups below the minimum size.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as above.
export const edgeCases: any = JSON.parse(fixture("edge-case-reference-values.json"));

/** make_curve_reference_values.py's output: scikit-learn's curves, calibration bins and confusion matrices. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON read as-is; tests name the fields they use.
export const curveReference: any = JSON.parse(fixture("curve-reference-values.json"));

/** few-changes-reference-values.json written by make_few_changes_reference_values.py (SciPy 1.10.1). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as above.
export const fewChangesReference: any = JSON.parse(fixture("few-changes-reference-values.json"));
