import type { StringColumn } from "../data/table/table.js";

/** One sensitive attribute: a dictionary-encoded column with no missing cell. */
export interface SensitiveColumn {
  name: string;
  codes: Int32Array;
  dictionary: readonly string[];
}

/** One combination of sensitive values that occurs in the data: the finest group every other group is a union of. */
export interface GroupCell {
  /** The cell's value in each sensitive column, in column order. */
  values: readonly string[];
}

/**
 * Every row's finest group (the combination of its sensitive values), numbered in order of first appearance, and the
 * confusion counts per cell: `counts[4c + k]`, k = 0 TP, 1 FP, 2 FN, 3 TN (label and prediction 0/1, 1 positive).
 */
export interface CellTally {
  columns: readonly string[];
  cells: readonly GroupCell[];
  counts: Float64Array;
}

/** Combinations of sensitive values numbered through an array indexed by their mixed-radix key, up to this many. */
const KEYED_CELLS = 1 << 16;

export const TP = 0;
export const FP = 1;
export const FN = 2;
export const TN = 3;

/** Confusion cell of one row: label 1 & prediction 1 → TP, 0 & 1 → FP, 1 & 0 → FN, 0 & 0 → TN. */
export function confusionIndex(label: number, prediction: number): number {
  return label === 1 ? (prediction === 1 ? TP : FN) : prediction === 1 ? FP : TN;
}

/** Every row's finest group: the cells in order of first appearance, and each row's cell number. */
export interface CellAssignment {
  cells: GroupCell[];
  rowCells: Int32Array;
}

/**
 * Numbers the combinations of sensitive values in order of first appearance and gives each row its combination's
 * number. Callers pass columns without missing cells. Rows with equal values share a cell whatever the column count.
 */
export function assignCells(columns: readonly SensitiveColumn[], rows: number): CellAssignment {
  const radix = columns.map((column) => column.dictionary.length);
  // Mixed-radix keys are exact while the product of the dictionary sizes stays a safe integer; beyond, text keys.
  const keys = radix.reduce((product, size) => product * Math.max(size, 1), 1);
  const numeric = keys <= Number.MAX_SAFE_INTEGER;
  // Few enough keys for an array of cell numbers by key (-1 unseen): no map lookup per row.
  const byKey = keys <= KEYED_CELLS ? new Int32Array(keys).fill(-1) : undefined;
  const cellOfKey = new Map<number | string, number>();
  const cells: GroupCell[] = [];
  const rowCells = new Int32Array(rows);
  for (let row = 0; row < rows; row++) {
    let key: number | string = 0;
    if (numeric) {
      for (let c = 0; c < columns.length; c++)
        key = key * (radix[c] as number) + ((columns[c] as SensitiveColumn).codes[row] as number);
    } else {
      key = columns.map((column) => column.codes[row]).join(",");
    }
    if (byKey !== undefined) {
      let cell = byKey[key as number]!;
      if (cell < 0) {
        cell = byKey[key as number] = cells.length;
        cells.push({ values: columns.map((column) => column.dictionary[column.codes[row] as number] as string) });
      }
      rowCells[row] = cell;
      continue;
    }
    let cell = cellOfKey.get(key);
    if (cell === undefined) {
      cell = cells.length;
      cellOfKey.set(key, cell);
      cells.push({ values: columns.map((column) => column.dictionary[column.codes[row] as number] as string) });
    }
    rowCells[row] = cell;
  }
  return { cells, rowCells };
}

/**
 * Counts TP, FP, FN, TN per combination of sensitive values in one pass (`assignCells`). Callers pass columns
 * without missing cells and labels/predictions of the same length.
 */
export function tallyCells(
  labels: Float64Array,
  predictions: Float64Array,
  columns: readonly SensitiveColumn[],
): CellTally {
  const { cells, rowCells } = assignCells(columns, labels.length);
  const counts = new Float64Array(4 * cells.length);
  for (let row = 0; row < labels.length; row++) {
    // confusionIndex, inline: a call per row costs more than the counting itself in a run that reads few rows.
    const label = labels[row]!;
    const prediction = predictions[row]!;
    counts[4 * rowCells[row]! + (label === 1 ? (prediction === 1 ? TP : FN) : prediction === 1 ? FP : TN)]! += 1;
  }
  return { columns: columns.map((column) => column.name), cells, counts };
}

/** A string column as a sensitive column, when it has no missing cell. */
export function toSensitiveColumn(column: StringColumn): SensitiveColumn {
  return { name: column.name, codes: column.codes, dictionary: column.dictionary };
}
