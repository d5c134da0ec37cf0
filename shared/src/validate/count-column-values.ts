import type { StringColumn, TableColumn } from "../data/table/table.js";
import { codeCounts, numberText, sortedFiniteValues } from "./column-values.js";
import { parseFiniteText } from "./parse-cell-text.js";

// What the schema checks count in a column's values: ranges, whole numbers, values passing a test, duplicates.

/** The finite numbers of a column: number cells, or the numeric text of a string column. */
export function numericValues(column: TableColumn): Float64Array | undefined {
  if (column.kind === "number") return column.values;
  const parsed = column.dictionary.map((text) => parseFiniteText(text) ?? Number.NaN);
  const out = new Float64Array(column.codes.length).fill(Number.NaN);
  column.codes.forEach((code, i) => {
    if (code >= 0) out[i] = parsed[code]!;
  });
  return out;
}

/** The smallest and largest number (NaN left out; Infinity and −Infinity when there is none). */
export function numberRange(values: Float64Array): { min: number; max: number } {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { min, max };
}

/** Numbers that are not whole (NaN left out): `countWhere` of `!Number.isInteger`, with no call per value. */
export function countFractional(values: Float64Array): number {
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isNaN(v) && !Number.isInteger(v)) n++;
  }
  return n;
}

export function countWhere(values: Float64Array, test: (v: number) => boolean): number {
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isNaN(v) && test(v)) n++;
  }
  return n;
}

/** Rows (and distinct values) whose text passes `test`; number cells are read as their shortest text. */
export function countTextWhere(
  column: TableColumn,
  test: (text: string) => boolean,
): { rows: number; distinct: number } {
  if (column.kind === "number") {
    let rows = 0;
    const seen = new Set<number>();
    for (const v of column.values) {
      if (!Number.isNaN(v) && test(numberText(v))) {
        rows++;
        seen.add(v);
      }
    }
    return { rows, distinct: seen.size };
  }
  return countStringWhere(column, test);
}

function countStringWhere(column: StringColumn, test: (text: string) => boolean): { rows: number; distinct: number } {
  const counts = codeCounts(column);
  let rows = 0;
  let distinct = 0;
  column.dictionary.forEach((text, code) => {
    if (counts[code]! > 0 && test(text)) {
      rows += counts[code]!;
      distinct++;
    }
  });
  return { rows, distinct };
}

/** Rows beyond the first of each value (missing cells do not count as a value). */
export function countDuplicates(column: TableColumn): number {
  if (column.kind === "string") {
    const counts = codeCounts(column);
    let n = 0;
    for (const c of counts) if (c > 1) n += c - 1;
    return n;
  }
  const sorted = sortedFiniteValues(column.values);
  let n = 0;
  for (let i = 1; i < sorted.length; i++) if (sorted[i] === sorted[i - 1]) n++;
  return n;
}
