import type { TableColumn } from "../../data/table/table.js";
import { formatNumber } from "../../core/format-number.js";
import { quantileBinEdgesOfSorted } from "../../stats/quantile-bins.js";
import { sortFloat64 } from "../../stats/sort-float64.js";

/** Code of a row whose value is no predicate of the lattice (too rare, capped, or the whole set). */
export const NO_PREDICATE = 255;
/** Predicates kept per column at most (the most frequent); more would make the lattice too wide to scan. */
export const MAX_PREDICATES_PER_COLUMN = 64;

/** One feature column as lattice predicates: row i satisfies predicate `codes[i]` (or none, `NO_PREDICATE`). */
export interface EncodedFeature {
  column: string;
  kind: "numeric" | "categorical";
  codes: Uint8Array;
  /** Predicate text by code: `region=west`, `age < 31`, `31 ≤ age < 45`, `age ≥ 60`, `age=(missing)`. */
  predicates: string[];
  /** Values at least `minSize` examples hold that the per-column cap left out. */
  capped: number;
}

/**
 * Turns a feature column into predicates: each text value (and "missing") of a categorical column; for a numeric
 * column, the bins between its quantiles over the evaluation set's examples (`quantileBinEdgesOfSorted`: numpy.quantile,
 * method "linear", at 1/bins, 2/bins, …; ties merge bins) plus "missing". Predicates held by fewer than `minSize`
 * examples, or by every example, are dropped (SliceLine's size pruning at the first level: no conjunction containing
 * them can reach `minSize`); of the rest, the `MAX_PREDICATES_PER_COLUMN` most frequent are kept.
 */
export function encodeSliceFeature(column: TableColumn, minSize: number, bins: number): EncodedFeature {
  const raw =
    column.kind === "number"
      ? binNumbers(column.name, column.values, bins)
      : { codes: column.codes, labels: column.dictionary.map((v) => `${column.name}=${v}`) };
  const rows = raw.codes.length;
  const missingCode = raw.labels.length;
  const counts = new Float64Array(missingCode + 1);
  for (let i = 0; i < rows; i++) {
    const code = raw.codes[i] as number;
    counts[code < 0 ? missingCode : code]! += 1;
  }
  const labels = [...raw.labels, `${column.name}=(missing)`];
  const eligible = labels
    .map((_, code) => code)
    .filter((code) => (counts[code] as number) >= minSize && (counts[code] as number) < rows);
  const kept = [...eligible]
    .sort((a, b) => (counts[b] as number) - (counts[a] as number) || a - b)
    .slice(0, MAX_PREDICATES_PER_COLUMN);
  // Predicates in a stable order: bin order for numbers, text order for categories, missing last.
  const ordered =
    column.kind === "number"
      ? kept.sort((a, b) => a - b)
      : kept.sort((a, b) =>
          a === missingCode ? 1 : b === missingCode ? -1 : compareText(labels[a] as string, labels[b] as string),
        );
  const remap = new Uint8Array(missingCode + 1).fill(NO_PREDICATE);
  ordered.forEach((code, index) => (remap[code] = index));
  const codes = new Uint8Array(rows);
  for (let i = 0; i < rows; i++) {
    const code = raw.codes[i] as number;
    codes[i] = remap[code < 0 ? missingCode : code] as number;
  }
  return {
    column: column.name,
    kind: column.kind === "number" ? "numeric" : "categorical",
    codes,
    predicates: ordered.map((code) => labels[code] as string),
    capped: eligible.length - kept.length,
  };
}

/** Bin index per value (−1 for NaN) between the quantile edges, bins closed on the left as numpy.searchsorted side="right". */
function binNumbers(name: string, values: Float64Array, bins: number): { codes: Int32Array; labels: string[] } {
  let present = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i] as number)) present++;
  const sorted = new Float64Array(present);
  let next = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i] as number)) sorted[next++] = values[i] as number;
  const ascending = present === 0 ? sorted : sortFloat64(sorted);
  const edges = present === 0 ? [] : quantileBinEdgesOfSorted(ascending, bins);
  const codes = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as number;
    if (Number.isNaN(value)) {
      codes[i] = -1;
      continue;
    }
    let low = 0;
    let high = edges.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((edges[mid] as number) <= value) low = mid + 1;
      else high = mid;
    }
    codes[i] = low;
  }
  if (present === 0) return { codes, labels: [] };
  const edge = (k: number) => formatNumber(edges[k]);
  const labels = Array.from({ length: edges.length + 1 }, (_, k) =>
    k === 0
      ? `${name} < ${edge(0)}`
      : k === edges.length
        ? `${name} ≥ ${edge(k - 1)}`
        : `${edge(k - 1)} ≤ ${name} < ${edge(k)}`,
  );
  return { codes, labels };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
