import type { CellTally } from "./group-cells.js";

/** One way of splitting the rows: by one sensitive column, or by the intersection of all of them. */
export interface Grouping {
  /** The column name, or the column names joined by " × ". */
  name: string;
  columns: readonly string[];
  intersection: boolean;
  /** Groups in order of first appearance; each lists the finest cells it is the union of. */
  groups: readonly { name: string; value: readonly string[]; cells: readonly number[] }[];
}

export const INTERSECTION_SEPARATOR = " × ";

/**
 * The groupings reported for a tally: each sensitive column alone, then (with two or more columns) their
 * intersection, whose groups are the combinations that occur (as fairlearn's MetricFrame with several sensitive
 * features, whose empty combinations are NaN and ignored by min, max and the disparities).
 */
export function toGroupings(tally: CellTally): Grouping[] {
  const groupings: Grouping[] = tally.columns.map((column, c) => {
    const cellsOf = new Map<string, number[]>();
    tally.cells.forEach((cell, index) => {
      const value = cell.values[c] as string;
      const list = cellsOf.get(value);
      if (list) list.push(index);
      else cellsOf.set(value, [index]);
    });
    return {
      name: column,
      columns: [column],
      intersection: false,
      groups: [...cellsOf].map(([value, cells]) => ({ name: value, value: [value], cells })),
    };
  });
  if (tally.columns.length >= 2) {
    groupings.push({
      name: tally.columns.join(INTERSECTION_SEPARATOR),
      columns: tally.columns,
      intersection: true,
      groups: tally.cells.map((cell, index) => ({
        name: cell.values.join(INTERSECTION_SEPARATOR),
        value: cell.values,
        cells: [index],
      })),
    });
  }
  return groupings;
}

/** Sums the confusion counts of a group's cells into `target[0..3]`. */
export function sumGroupCounts(
  counts: ArrayLike<number>,
  cells: readonly number[],
  target: Float64Array,
  offset = 0,
): void {
  target.fill(0, offset, offset + 4);
  for (const cell of cells) {
    for (let k = 0; k < 4; k++) target[offset + k]! += counts[4 * cell + k] as number;
  }
}
