import type { DriftMethodName } from "../data-policy-schema.js";
import { chiSquareContingency } from "../../stats/chi-square.js";
import { jensenShannonDistance } from "../../stats/jensen-shannon.js";
import { populationStabilityIndex } from "../../stats/population-stability-index.js";
import { NORMED_WASSERSTEIN_MIN_STD } from "../../stats/wasserstein.js";
import { MAX_NUMERIC_LEVELS_AS_CATEGORIES } from "../classify-drift-column.js";
import { categoricalDrift } from "../categorical-drift.js";
import { PSI_BINS, PSI_EPSILON } from "../drift-constants.js";
import type { ColumnDriftOptions } from "../compute-column-drift.js";
import type { RawColumnDrift } from "../drift-types.js";
import type { DriftColumns } from "../decide-drift.js";
import { fromSketchJson } from "./profile-pairs.js";
import { sketchPoints, sketchQuantile, SKETCH_RELATIVE_ACCURACY } from "./log-bucket-sketch.js";
import type { ColumnProfile, NumberProfile, Profile } from "./profile-schema.js";

/** A profile's columns as drift reads them (`decideDrift` with `profileColumnDrift`). */
export function profileDriftColumns(profile: Profile, name: string): DriftColumns<ColumnProfile> {
  return { name, columns: new Map(profile.columns.map((column) => [column.name, column])) };
}

/** Count, mean and population variance of a numeric column, combining its shards' moments in their stored order. */
export function combinedMoments(column: NumberProfile): { count: number; mean: number; variance: number } {
  let count = 0;
  let mean = 0;
  let m2 = 0;
  for (const part of column.moments) {
    if (part.count === 0) continue;
    const total = count + part.count;
    const delta = part.mean - mean;
    mean += (delta * part.count) / total;
    m2 += part.m2 + (delta * delta * count * part.count) / total;
    count = total;
  }
  return { count, mean, variance: count === 0 ? 0 : m2 / count };
}

/**
 * One column's drift test on two profiles (contract §7 "drift on merged profiles"). Text columns and number
 * columns with few values are compared on their exact value counts, as on raw data. Other number columns are
 * compared on their sketches: normed Wasserstein between the sketches' bucket masses, within a reported bound
 * (every value moves by at most α of its magnitude); PSI, Jensen–Shannon and chi-square on 10 bins at the
 * reference sketch's deciles (approximate: a bucket is never split across bins). KS needs the raw values.
 */
export function profileColumnDrift(
  reference: ColumnProfile,
  current: ColumnProfile,
  options: ColumnDriftOptions,
): (RawColumnDrift & { approximation?: string }) | { unusable: string } {
  if (reference.kind === "string" || current.kind === "string")
    return profileCategories(reference, current, options.method);
  const finite = (column: NumberProfile) => column.moments.reduce((n, part) => n + part.count, 0);
  if (finite(reference) === 0)
    return { unusable: "the reference has no usable value in this column (all missing, NaN or Infinity)" };
  if (finite(current) === 0)
    return { unusable: "the data has no usable value in this column (all missing, NaN or Infinity)" };
  if (reference.values !== null && reference.values.length <= MAX_NUMERIC_LEVELS_AS_CATEGORIES)
    return profileCategories(reference, current, options.method);
  return profileNumbers(reference, current, options.method);
}

function profileCategories(
  reference: ColumnProfile,
  current: ColumnProfile,
  method: DriftMethodName,
): RawColumnDrift | { unusable: string } {
  const counts = (column: ColumnProfile, side: string): Map<string, number> | string => {
    if (column.values === null)
      return `${side} profile keeps no value counts for this column (more than 20 distinct numbers)`;
    if (column.kind === "string" && column.other !== null)
      return `${side} profile folded ${column.other.values} rare values into "other" (more than 10,000 distinct), so its counts are not exact`;
    return new Map(column.values);
  };
  const ref = counts(reference, "the reference");
  const cur = counts(current, "the data");
  if (typeof ref === "string") return { unusable: ref };
  if (typeof cur === "string") return { unusable: cur };
  if (ref.size === 0) return { unusable: "the reference has no usable value in this column" };
  if (cur.size === 0) return { unusable: "the data has no usable value in this column" };
  if (method === "ks" || method === "wasserstein") method = "auto";
  return categoricalDrift(ref, cur, method);
}

function profileNumbers(
  reference: NumberProfile,
  current: NumberProfile,
  method: DriftMethodName,
): (RawColumnDrift & { approximation: string }) | { unusable: string } {
  if (method === "ks")
    return {
      unusable:
        "ks needs the raw values, which a profile does not keep; on profiles use wasserstein (the default), psi, jensen-shannon or chi2",
    };
  const refPoints = sketchPoints(fromSketchJson(reference.sketch));
  const curPoints = sketchPoints(fromSketchJson(current.sketch));
  const refCount = refPoints.reduce((n, p) => n + p.count, 0);
  const curCount = curPoints.reduce((n, p) => n + p.count, 0);
  const std = Math.max(Math.sqrt(combinedMoments(reference).variance), NORMED_WASSERSTEIN_MIN_STD);
  const normed = wassersteinOfPoints(refPoints, refCount, curPoints, curCount) / std;
  const alpha = SKETCH_RELATIVE_ACCURACY;
  const meanAbs = (points: typeof refPoints, n: number) =>
    points.reduce((sum, p) => sum + Math.abs(p.value) * p.count, 0) / n / (1 - alpha);
  const bound = (alpha * (meanAbs(refPoints, refCount) + meanAbs(curPoints, curCount))) / std;
  const sizes = {
    column_type: "numeric" as const,
    reference_rows: refCount,
    current_rows: curCount,
    new_categories: { values: 0, rows: 0 },
  };
  const wasserstein = { effect_size: normed, effect_size_name: "normed-wasserstein" as const };
  const onSketch = `on the profiles' sketches: normed Wasserstein within ±${round(bound)} of the exact value`;
  const binned = "on the profiles' sketches at the reference's approximate deciles";
  const effective = method === "auto" ? "wasserstein" : method;
  if (effective === "wasserstein")
    return {
      ...sizes,
      method: "wasserstein",
      statistic: normed,
      p_value: null,
      ...wasserstein,
      approximation: onSketch,
    };
  const edges = sketchDeciles(reference);
  const refBins = binPoints(refPoints, edges);
  const curBins = binPoints(curPoints, edges);
  switch (effective) {
    case "psi": {
      const psi = populationStabilityIndex(refBins, curBins, { epsilon: PSI_EPSILON }).value;
      return {
        ...sizes,
        method: "psi",
        statistic: psi,
        p_value: null,
        effect_size: psi,
        effect_size_name: "psi",
        approximation: binned,
      };
    }
    case "jensen-shannon": {
      const js = jensenShannonDistance(refBins, curBins, 2);
      return {
        ...sizes,
        method: "jensen-shannon",
        statistic: js,
        p_value: null,
        effect_size: js,
        effect_size_name: "jensen-shannon",
        approximation: binned,
      };
    }
    case "chi2": {
      const chi = chiSquareContingency([refBins, curBins]);
      return {
        ...sizes,
        method: "chi2",
        statistic: chi.statistic,
        p_value: chi.pValue,
        ...wasserstein,
        approximation: binned,
      };
    }
  }
}

/** W1 between two discrete distributions given as ascending (value, count) points: ∫|F − G|. */
export function wassersteinOfPoints(
  a: ReadonlyArray<{ value: number; count: number }>,
  aTotal: number,
  b: ReadonlyArray<{ value: number; count: number }>,
  bTotal: number,
): number {
  let i = 0;
  let j = 0;
  let fa = 0;
  let fb = 0;
  let previous: number | undefined;
  let distance = 0;
  while (i < a.length || j < b.length) {
    const x = j >= b.length || (i < a.length && a[i]!.value <= b[j]!.value) ? a[i]!.value : b[j]!.value;
    if (previous !== undefined) distance += Math.abs(fa - fb) * (x - previous);
    while (i < a.length && a[i]!.value === x) fa += a[i++]!.count / aTotal;
    while (j < b.length && b[j]!.value === x) fb += b[j++]!.count / bTotal;
    previous = x;
  }
  return distance;
}

/** The reference sketch's 10%…90% values, distinct and ascending (the edges of contract §7's 10 PSI bins). */
function sketchDeciles(reference: NumberProfile): number[] {
  const sketch = fromSketchJson(reference.sketch);
  const edges: number[] = [];
  for (let i = 1; i < PSI_BINS; i++) {
    const edge = sketchQuantile(sketch, i / PSI_BINS)!;
    if (edges.length === 0 || edge > edges[edges.length - 1]!) edges.push(edge);
  }
  return edges;
}

/** Counts per bin, bins closed on the left as `binCounts`: (−∞, e₀), [e₀, e₁), …, [e_last, +∞). */
function binPoints(points: ReadonlyArray<{ value: number; count: number }>, edges: readonly number[]): number[] {
  const counts = new Array<number>(edges.length + 1).fill(0);
  let bin = 0;
  for (const point of points) {
    while (bin < edges.length && point.value >= edges[bin]!) bin++;
    counts[bin]! += point.count;
  }
  return counts;
}

function round(value: number): string {
  return value === 0 ? "0" : Math.abs(value) < 1e-4 ? value.toExponential(2) : String(Number(value.toPrecision(3)));
}
