import { NO_PREDICATE } from "./encode-slice-features.js";
import type { EncodedFeature } from "./encode-slice-features.js";

/** Per-example values the scan sums: each model's metric values and the regression (worse = positive). */
export interface PairedLosses {
  candidate: Float64Array;
  baseline: Float64Array;
  /** The paired change oriented so that a regression is positive (baseline − candidate for accuracy). */
  regression: Float64Array;
}

/** A slice of the lattice with the sums its test needs. */
export interface ScannedSlice {
  /** [feature index, predicate code] per predicate, features ascending. */
  predicates: [number, number][];
  rows: number;
  candidateSum: number;
  baselineSum: number;
  regressionSum: number;
  regressionSquares: number;
}

export interface LatticeScan {
  /** Every slice of the lattice holding at least `minSize` examples: counted from the features alone. */
  family: number;
  /** Family members per depth (index 0: one predicate). */
  familyByDepth: number[];
  /** The family members whose mean regression exceeds the margin: the only ones a test could find (p < ½). */
  candidates: ScannedSlice[];
}

/**
 * Scans the slice lattice of conjunctions of 1 … `depth` predicates on distinct columns, in the spirit of SliceLine
 * (Sagadeeva & Boehm, SIGMOD 2021): one pass over the rows per column combination, summing each slice's size,
 * both models' metric values and the regression and its square. Size pruning: rows outside every first-level
 * predicate are skipped (their predicates are under the minimum size), and a row enters a three-predicate slice only
 * when its two-predicate parent meets the minimum size (a child is never larger than a parent). Bound pruning: a slice
 * whose mean regression does not exceed the margin cannot be significant (its p-value is at least ½) and is not kept
 * as a candidate, yet it stays in `family`, which counts every slice of at least `minSize` examples regardless of the
 * outcomes, so the multiple-testing family is fixed by the features alone.
 */
export function scanSliceLattice(features: readonly EncodedFeature[], losses: PairedLosses, minSize: number, depth: number, margin: number): LatticeScan {
  const familyByDepth = [0, 0, 0].slice(0, depth);
  const candidates: ScannedSlice[] = [];
  const survivors = new Map<string, Uint8Array>();
  const combos = combinations(features.length, depth);
  const accumulator = new Accumulator(maxCells(features, depth));
  for (const combo of combos) {
    const widths = combo.map((f) => (features[f] as EncodedFeature).predicates.length);
    const cells = widths.reduce((a, b) => a * b, 1);
    if (cells === 0) continue;
    const parent = combo.length === 3 ? survivors.get(`${combo[0]},${combo[1]}`) : undefined;
    if (combo.length === 3 && !parent) continue;
    accumulator.reset(cells);
    accumulator.scan(combo.map((f) => (features[f] as EncodedFeature).codes), widths, losses, parent);
    const alive = combo.length === 2 && depth === 3 ? new Uint8Array(cells) : undefined;
    for (let cell = 0; cell < cells; cell++) {
      const rows = accumulator.rows[cell] as number;
      if (rows < minSize) continue;
      familyByDepth[combo.length - 1]!++;
      if (alive) alive[cell] = 1;
      const regressionSum = accumulator.regression[cell] as number;
      if (!(regressionSum / rows > margin)) continue;
      candidates.push({
        predicates: decodeCell(cell, widths).map((code, i): [number, number] => [combo[i] as number, code]),
        rows,
        candidateSum: accumulator.candidate[cell] as number,
        baselineSum: accumulator.baseline[cell] as number,
        regressionSum,
        regressionSquares: accumulator.squares[cell] as number,
      });
    }
    if (alive && alive.some((v) => v === 1)) survivors.set(combo.join(","), alive);
  }
  return { family: familyByDepth.reduce((a, b) => a + b, 0), familyByDepth, candidates };
}

/** Column combinations of size 1 … depth, shallowest first, each ascending (pairs before the triples they parent). */
function combinations(count: number, depth: number): number[][] {
  const out: number[][] = [];
  for (let a = 0; a < count; a++) out.push([a]);
  if (depth >= 2) for (let a = 0; a < count; a++) for (let b = a + 1; b < count; b++) out.push([a, b]);
  if (depth >= 3) for (let a = 0; a < count; a++) for (let b = a + 1; b < count; b++) for (let c = b + 1; c < count; c++) out.push([a, b, c]);
  return out;
}

function maxCells(features: readonly EncodedFeature[], depth: number): number {
  const widths = features.map((f) => f.predicates.length).sort((a, b) => b - a).slice(0, depth);
  return Math.max(1, widths.reduce((a, b) => a * b, 1));
}

function decodeCell(cell: number, widths: readonly number[]): number[] {
  const codes = new Array<number>(widths.length);
  for (let i = widths.length - 1; i >= 0; i--) {
    codes[i] = cell % (widths[i] as number);
    cell = Math.floor(cell / (widths[i] as number));
  }
  return codes;
}

/** Dense per-cell sums, reused across combinations. */
class Accumulator {
  readonly rows: Float64Array;
  readonly candidate: Float64Array;
  readonly baseline: Float64Array;
  readonly regression: Float64Array;
  readonly squares: Float64Array;
  constructor(size: number) {
    this.rows = new Float64Array(size);
    this.candidate = new Float64Array(size);
    this.baseline = new Float64Array(size);
    this.regression = new Float64Array(size);
    this.squares = new Float64Array(size);
  }

  reset(cells: number): void {
    for (const sums of [this.rows, this.candidate, this.baseline, this.regression, this.squares]) sums.fill(0, 0, cells);
  }

  /** One pass over the rows; `parent` (triples only) marks the surviving cells of the first two columns. */
  scan(codes: readonly Uint8Array[], widths: readonly number[], losses: PairedLosses, parent?: Uint8Array): void {
    const { candidate, baseline, regression } = losses;
    const [a, b, c] = codes as [Uint8Array, Uint8Array | undefined, Uint8Array | undefined];
    const wb = widths[1] ?? 1;
    const wc = widths[2] ?? 1;
    const n = a.length;
    for (let i = 0; i < n; i++) {
      let cell = a[i] as number;
      if (cell === NO_PREDICATE) continue;
      if (b) {
        const code = b[i] as number;
        if (code === NO_PREDICATE) continue;
        cell = cell * wb + code;
        if (c) {
          if (parent && parent[cell] !== 1) continue;
          const third = c[i] as number;
          if (third === NO_PREDICATE) continue;
          cell = cell * wc + third;
        }
      }
      const d = regression[i] as number;
      this.rows[cell]!++;
      this.candidate[cell]! += candidate[i] as number;
      this.baseline[cell]! += baseline[i] as number;
      this.regression[cell]! += d;
      this.squares[cell]! += d * d;
    }
  }
}
