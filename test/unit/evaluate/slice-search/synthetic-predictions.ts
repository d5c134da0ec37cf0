import type { Predictions } from "../../../../shared/src/data/predictions/predictions.js";
import type { TableColumn } from "../../../../shared/src/data/table/table.js";
import { createSeededRandom } from "../../../../shared/src/stats/seeded-random.js";

/** A text column as the table reader makes it (dictionary codes in order of first appearance). */
export function textColumn(name: string, values: readonly string[]): TableColumn {
  const dictionary: string[] = [];
  const index = new Map<string, number>();
  const codes = Int32Array.from(values, (v) => {
    let code = index.get(v);
    if (code === undefined) index.set(v, (code = dictionary.push(v) - 1));
    return code;
  });
  return { kind: "string", name, codes, dictionary, missing: 0 };
}

export function numberColumn(name: string, values: readonly number[]): TableColumn {
  return { kind: "number", name, values: Float64Array.from(values), missing: 0, nonNumeric: 0, nonFinite: 0 };
}

export interface Synthetic {
  candidate: Predictions;
  baseline: Predictions;
}

/**
 * `rows` examples with features a (4 values), b (3 values), c (3 values) and a numeric x; labels 1 everywhere. Each
 * model errs independently with probability `errorRate`; the candidate errs with `plantedRate` instead on rows where
 * `planted` holds. The baseline carries no features (as when read without them), the candidate all four.
 */
export function synthetic(
  seed: number,
  rows: number,
  errorRate: number,
  planted?: { where: (a: string, b: string) => boolean; rate: number },
): Synthetic {
  const random = createSeededRandom(seed);
  const a = Array.from({ length: rows }, () => `a${random.nextInt(4)}`);
  const b = Array.from({ length: rows }, () => `b${random.nextInt(3)}`);
  const c = Array.from({ length: rows }, () => `c${random.nextInt(3)}`);
  const x = Array.from({ length: rows }, () => Math.round(random.nextDouble() * 1000) / 10);
  const baselineWrong = Array.from({ length: rows }, () => random.nextDouble() < errorRate);
  const candidateWrong = Array.from(
    { length: rows },
    (_, i) => random.nextDouble() < (planted?.where(a[i] as string, b[i] as string) ? planted.rate : errorRate),
  );
  const base = (name: string, wrong: boolean[]): Predictions => ({
    task: "classification",
    input: `${name}-predictions`,
    name: `${name}.csv`,
    sha256: name.padEnd(64, "0"),
    rows,
    labels: new Float64Array(rows).fill(1),
    predictions: Float64Array.from(wrong, (w) => (w ? 0 : 1)),
    warnings: [],
  });
  const features = new Map<string, TableColumn>([
    ["a", textColumn("a", a)],
    ["b", textColumn("b", b)],
    ["c", textColumn("c", c)],
    ["x", numberColumn("x", x)],
  ]);
  return { candidate: { ...base("candidate", candidateWrong), features }, baseline: base("baseline", baselineWrong) };
}
