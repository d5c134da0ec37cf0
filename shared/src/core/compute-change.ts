/** A candidate's change against its baseline, as every report shows it. */
export interface Change {
  /** candidate − baseline, in metric units; null without both values. */
  delta: number | null;
  /** delta / |baseline| × 100; null without both values or for a zero baseline, where it is undefined. */
  delta_pct: number | null;
}

/** Computes Δ and Δ% once, for checks and ungated metrics alike. */
export function computeChange(value: number | null, baseline: number | null): Change {
  if (value === null || baseline === null) return { delta: null, delta_pct: null };
  const delta = value - baseline;
  return { delta, delta_pct: baseline === 0 ? null : (delta / Math.abs(baseline)) * 100 };
}
