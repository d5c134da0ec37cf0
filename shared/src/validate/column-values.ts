import type { StringColumn, TableColumn } from "../data/table/table.js";
import { sortFloat64 } from "../stats/sort-float64.js";

/** Number columns sorted in place by `sortNumberColumnsInPlace`, with how many finite values lead each. */
const sortedInPlace = new WeakMap<Float64Array, number>();

/**
 * Sorts every number column of a table in place (finite values ascending, NaN last) for the statistics that read
 * sorted values, so each column is sorted once and no sorted copy doubles the table's memory. Row order is gone
 * afterwards: call it only once the row-order checks (schema violations, example rows) are done.
 */
export function sortNumberColumnsInPlace(columns: Iterable<TableColumn>): void {
  for (const column of columns) {
    if (column.kind !== "number" || sortedInPlace.has(column.values)) continue;
    const values = column.values;
    // The finite values first (in row order), NaN after them, then the finite part sorted.
    let finite = 0;
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      if (!Number.isNaN(v)) values[finite++] = v;
    }
    values.fill(Number.NaN, finite);
    sortFloat64(values.subarray(0, finite));
    sortedInPlace.set(values, finite);
  }
}

/** The finite numbers of a number column, ascending (NaN cells — missing or non-finite — left out). */
export function sortedFiniteValues(values: Float64Array): Float64Array {
  const finite = sortedInPlace.get(values);
  if (finite !== undefined) return values.subarray(0, finite);
  let n = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i]!)) n++;
  const out = new Float64Array(n);
  let j = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isNaN(v)) out[j++] = v;
  }
  sortFloat64(out);
  return out;
}

/** How many rows hold each dictionary entry of a string column (missing rows not counted). */
export function codeCounts(column: StringColumn): Float64Array {
  const counts = new Float64Array(column.dictionary.length);
  const { codes } = column;
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i]!;
    if (code >= 0) counts[code]!++;
  }
  return counts;
}

/** Distinct values of ascending numbers and how often each occurs. */
export function tallySorted(sorted: Float64Array): { values: number[]; counts: number[] } {
  const values: number[] = [];
  const counts: number[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const v = sorted[i]!;
    if (i > 0 && v === sorted[i - 1]) counts[counts.length - 1]!++;
    else {
      values.push(v);
      counts.push(1);
    }
  }
  return { values, counts };
}

/** How many distinct values ascending numbers hold. */
export function countDistinctSorted(sorted: Float64Array): number {
  let n = sorted.length > 0 ? 1 : 0;
  for (let i = 1; i < sorted.length; i++) if (sorted[i] !== sorted[i - 1]) n++;
  return n;
}

/** Text of each distinct value with its row count: what categorical checks and tests read. */
export function categoryCounts(column: TableColumn): Map<string, number> {
  const out = new Map<string, number>();
  if (column.kind === "string") {
    const counts = codeCounts(column);
    column.dictionary.forEach((text, code) => {
      if (counts[code]! > 0) out.set(text, counts[code]!);
    });
    return out;
  }
  const { values, counts } = tallySorted(sortedFiniteValues(column.values));
  values.forEach((v, i) => out.set(numberText(v), counts[i]!));
  return out;
}

/** A number as a category label: integers without a decimal point, others in shortest round-trip form. */
export function numberText(v: number): string {
  return Object.is(v, -0) ? "0" : String(v);
}

/** Rows with no usable value: missing cells, plus NaN/Infinity for number columns. */
export function nullCount(column: TableColumn): number {
  return column.kind === "string" ? column.missing : column.missing + column.nonFinite + column.nonNumeric;
}
