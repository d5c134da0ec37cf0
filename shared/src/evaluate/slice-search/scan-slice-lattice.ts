import { NO_PREDICATE } from "./encode-slice-features.js";
import type { EncodedFeature } from "./encode-slice-features.js";

/** Each model's per-example metric values and their paired change, oriented so that a regression is positive. */
export interface PairedLosses {
  candidate: Float64Array;
  baseline: Float64Array;
  regression: Float64Array;
}

/** A slice of the lattice with the sums its test needs. */
export interface ScannedSlice {
  /** [feature index, predicate code] per predicate, features ascending. */
  predicates: [number, number][];
  rows: number;
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
 * (Sagadeeva & Boehm, SIGMOD 2021): one pass over the rows per column combination, summing each slice's size and the
 * regression and its square. Size pruning: rows outside every first-level predicate are skipped (their predicates are
 * under the minimum size), and a row enters a three-predicate slice only when its two-predicate parent meets the
 * minimum size (a child is never larger than a parent). Bound pruning: a slice whose mean regression does not exceed
 * the margin cannot be significant (its p-value is at least ½) and is not kept as a candidate, yet it stays in
 * `family`, which counts every slice of at least `minSize` examples regardless of the outcomes, so the
 * multiple-testing family is fixed by the features alone.
 */
export function scanSliceLattice(
  features: readonly EncodedFeature[],
  regression: Float64Array,
  minSize: number,
  depth: number,
  margin: number,
): LatticeScan {
  const familyByDepth = [0, 0, 0].slice(0, depth);
  const candidates: ScannedSlice[] = [];
  const survivors = new Map<string, Uint8Array>();
  const sums = new Float64Array(3 * maxCells(features, depth));
  for (const combo of combinations(features.length, depth)) {
    const widths = combo.map((f) => (features[f] as EncodedFeature).predicates.length);
    const cells = widths.reduce((a, b) => a * b, 1);
    if (cells === 0) continue;
    const parent = combo.length === 3 ? survivors.get(`${combo[0]},${combo[1]}`) : undefined;
    if (combo.length === 3 && !parent) continue;
    sums.fill(0, 0, 3 * cells);
    const codes = combo.map((f) => (features[f] as EncodedFeature).codes);
    if (codes.length === 1) scanOne(sums, codes[0] as Uint8Array, regression);
    else if (codes.length === 2)
      scanTwo(sums, codes[0] as Uint8Array, codes[1] as Uint8Array, widths[1] as number, regression);
    else
      scanThree(
        sums,
        codes as [Uint8Array, Uint8Array, Uint8Array],
        widths[1] as number,
        widths[2] as number,
        parent as Uint8Array,
        regression,
      );
    const alive = combo.length === 2 && depth === 3 ? new Uint8Array(cells) : undefined;
    for (let cell = 0; cell < cells; cell++) {
      const rows = sums[3 * cell] as number;
      if (rows < minSize) continue;
      familyByDepth[combo.length - 1]!++;
      if (alive) alive[cell] = 1;
      const regressionSum = sums[3 * cell + 1] as number;
      if (!(regressionSum / rows > margin)) continue;
      candidates.push({
        predicates: decodeCell(cell, widths).map((code, i): [number, number] => [combo[i] as number, code]),
        rows,
        regressionSum,
        regressionSquares: sums[3 * cell + 2] as number,
      });
    }
    if (alive && alive.some((v) => v === 1)) survivors.set(combo.join(","), alive);
  }
  return { family: familyByDepth.reduce((a, b) => a + b, 0), familyByDepth, candidates };
}

/** Both models' metric sums on one slice (for the slices shown): one pass over the rows. */
export function sumSliceValues(
  features: readonly EncodedFeature[],
  predicates: readonly [number, number][],
  candidate: Float64Array,
  baseline: Float64Array,
): { candidate: number; baseline: number } {
  const columns = predicates.map(([f]) => (features[f] as EncodedFeature).codes);
  const wanted = predicates.map(([, code]) => code);
  let c = 0;
  let b = 0;
  rows: for (let i = 0; i < candidate.length; i++) {
    for (let p = 0; p < columns.length; p++) if ((columns[p] as Uint8Array)[i] !== wanted[p]) continue rows;
    c += candidate[i] as number;
    b += baseline[i] as number;
  }
  return { candidate: c, baseline: b };
}

// Sums per cell, interleaved [rows, Σ regression, Σ regression²]; one loop per depth keeps the row loop branch-light.
function scanOne(sums: Float64Array, a: Uint8Array, d: Float64Array): void {
  for (let i = 0; i < a.length; i++) {
    const cell = a[i] as number;
    if (cell === NO_PREDICATE) continue;
    add(sums, 3 * cell, d[i] as number);
  }
}

function scanTwo(sums: Float64Array, a: Uint8Array, b: Uint8Array, wb: number, d: Float64Array): void {
  for (let i = 0; i < a.length; i++) {
    const ca = a[i] as number;
    const cb = b[i] as number;
    if (ca === NO_PREDICATE || cb === NO_PREDICATE) continue;
    add(sums, 3 * (ca * wb + cb), d[i] as number);
  }
}

function scanThree(
  sums: Float64Array,
  [a, b, c]: [Uint8Array, Uint8Array, Uint8Array],
  wb: number,
  wc: number,
  parent: Uint8Array,
  d: Float64Array,
): void {
  for (let i = 0; i < a.length; i++) {
    const ca = a[i] as number;
    const cb = b[i] as number;
    const cc = c[i] as number;
    if (ca === NO_PREDICATE || cb === NO_PREDICATE || cc === NO_PREDICATE) continue;
    const pair = ca * wb + cb;
    if (parent[pair] !== 1) continue;
    add(sums, 3 * (pair * wc + cc), d[i] as number);
  }
}

function add(sums: Float64Array, at: number, value: number): void {
  sums[at]! += 1;
  sums[at + 1]! += value;
  sums[at + 2]! += value * value;
}

/** Column combinations of size 1 … depth, shallowest first, each ascending (pairs before the triples they parent). */
function combinations(count: number, depth: number): number[][] {
  const out: number[][] = [];
  for (let a = 0; a < count; a++) out.push([a]);
  if (depth >= 2) for (let a = 0; a < count; a++) for (let b = a + 1; b < count; b++) out.push([a, b]);
  if (depth >= 3)
    for (let a = 0; a < count; a++)
      for (let b = a + 1; b < count; b++) for (let c = b + 1; c < count; c++) out.push([a, b, c]);
  return out;
}

function maxCells(features: readonly EncodedFeature[], depth: number): number {
  const widths = features
    .map((f) => f.predicates.length)
    .sort((a, b) => b - a)
    .slice(0, depth);
  return Math.max(
    1,
    widths.reduce((a, b) => a * b, 1),
  );
}

function decodeCell(cell: number, widths: readonly number[]): number[] {
  const codes = new Array<number>(widths.length);
  for (let i = widths.length - 1; i >= 0; i--) {
    codes[i] = cell % (widths[i] as number);
    cell = Math.floor(cell / (widths[i] as number));
  }
  return codes;
}
