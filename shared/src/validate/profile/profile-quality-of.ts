import { QUALITY_PERCENTILES, TOP_VALUES_MAX_DISTINCT } from "../profile-quality.js";
import type { ColumnQuality } from "../profile-quality.js";
import { fromSketchJson } from "./profile-pairs.js";
import { sketchQuantile } from "./log-bucket-sketch.js";
import type { ColumnProfile } from "./profile-schema.js";
import { combinedMoments } from "./profile-drift.js";

/**
 * The quality report of a profile's column: counts, min, max, mean and standard deviation exact; percentiles
 * read from the sketch (the value of rank ⌊q·(n − 1)⌋, within its relative accuracy); top values exact.
 */
export function profileQualityOf(column: ColumnProfile): ColumnQuality {
  const values = column.values;
  const top =
    values !== null && values.length <= TOP_VALUES_MAX_DISTINCT
      ? [...values]
          .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
          .slice(0, 5)
          .map(([value, count]) => ({ value, count }))
      : [];
  if (column.kind === "string") {
    const distinct = column.values.length + (column.other?.values ?? 0);
    return {
      column: column.name,
      kind: "string",
      rows: column.rows,
      missing: column.missing,
      non_finite: 0,
      null_pct: pct(column.missing, column.rows),
      distinct,
      min: null,
      max: null,
      mean: null,
      std: null,
      quantiles: null,
      top,
    };
  }
  const nonFinite = column.non_finite + column.non_numeric;
  const base = {
    column: column.name,
    kind: "number" as const,
    rows: column.rows,
    missing: column.missing,
    non_finite: nonFinite,
    null_pct: pct(column.missing + nonFinite, column.rows),
    distinct: values === null ? null : values.length,
    top,
  };
  const moments = combinedMoments(column);
  if (moments.count === 0) return { ...base, min: null, max: null, mean: null, std: null, quantiles: null };
  const sketch = fromSketchJson(column.sketch);
  const quantiles: Record<string, number> = {};
  for (const p of QUALITY_PERCENTILES) quantiles[`p${p}`] = sketchQuantile(sketch, p / 100)!;
  const std = moments.count > 1 ? Math.sqrt((moments.variance * moments.count) / (moments.count - 1)) : null;
  return { ...base, min: column.min, max: column.max, mean: moments.mean, std, quantiles };
}

const pct = (part: number, rows: number) => (rows === 0 ? 0 : (100 * part) / rows);
