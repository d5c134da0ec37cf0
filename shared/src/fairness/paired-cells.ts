import { assignCells, confusionIndex } from "./group-cells.js";
import type { GroupCell, SensitiveColumn } from "./group-cells.js";

/**
 * Two models' predictions of the same rows, tallied per finest group (combination of sensitive values, numbered as
 * `tallyCells` numbers them): `counts[16c + 4k + j]` rows of cell c whose confusion cell is k under the candidate
 * and j under the baseline (k, j = 0 TP, 1 FP, 2 FN, 3 TN). Rows whose label is positive can only be TP/FN under
 * both, so 8 of the 16 categories stay empty.
 */
export interface PairedCellTally {
  cells: readonly GroupCell[];
  counts: Float64Array;
}

/** Tallies candidate and baseline predictions of the same rows (same labels, same sensitive columns) in one pass. */
export function tallyPairedCells(
  labels: Float64Array,
  candidate: Float64Array,
  baseline: Float64Array,
  columns: readonly SensitiveColumn[],
): PairedCellTally {
  const { cells, rowCells } = assignCells(columns, labels.length);
  const counts = new Float64Array(16 * cells.length);
  for (let row = 0; row < labels.length; row++) {
    const label = labels[row] as number;
    const k = confusionIndex(label, candidate[row] as number);
    const j = confusionIndex(label, baseline[row] as number);
    counts[16 * (rowCells[row] as number) + 4 * k + j]! += 1;
  }
  return { cells, counts };
}

/**
 * Splits paired counts into each model's confusion counts per cell (`counts[4c + k]`, as `CellTally.counts`): the
 * candidate's sums over the baseline's cells, the baseline's over the candidate's.
 */
export function splitPairedCounts(paired: Float64Array, candidate: Float64Array, baseline: Float64Array): void {
  candidate.fill(0);
  baseline.fill(0);
  const cells = paired.length / 16;
  for (let c = 0; c < cells; c++) {
    for (let k = 0; k < 4; k++) {
      for (let j = 0; j < 4; j++) {
        const n = paired[16 * c + 4 * k + j] as number;
        candidate[4 * c + k]! += n;
        baseline[4 * c + j]! += n;
      }
    }
  }
}
