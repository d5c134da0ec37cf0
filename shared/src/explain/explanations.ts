/** One feature's global attribution: importance (mean |attribution|) and direction (mean signed attribution). */
export interface FeatureAttribution {
  meanAbs: number;
  /** Null when the file gives importance only (a bare number per feature): the sign is then unknown. */
  mean: number | null;
}

/**
 * Per-example attributions, column-wise: `values[f][row]` is feature `features[f]`'s attribution for example
 * `row`. Every value is finite.
 */
export interface LocalAttributions {
  features: readonly string[];
  /** Example ids in row order; null when the file has no id column. */
  ids: readonly string[] | null;
  rows: number;
  values: readonly Float64Array[];
}

/** One model's explanations as contract §4 describes them, read from a JSON summary or a per-row table. */
export interface Explanations {
  /** The action input or CLI flag that named the file. */
  input: string;
  /** The path exactly as the user gave it. */
  name: string;
  /** Hex SHA-256 of the file's bytes. */
  sha256: string;
  /** Feature → global attribution, in the file's order. */
  global: ReadonlyMap<string, FeatureAttribution>;
  local?: LocalAttributions;
}
