/** The eight block heights a sparkline uses, lowest first. */
export const SPARK_LEVELS = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"] as const;

/**
 * A Unicode sparkline of `values` in order, one block per value (a space for a missing one). Positive metrics are
 * scaled between their own smallest and largest value, so a slow slide shows. A signed metric (any value below
 * zero) is scaled from zero: the axis spans min(0, values) to max(0, values), so the bars' heights do not invent a
 * sign change. All-equal values draw the middle block.
 */
export function renderSparkline(values: ReadonlyArray<number | null>): string {
  const finite = values.filter((v): v is number => typeof v === "number" && Number.isFinite(v));
  if (finite.length === 0) return "";
  const signed = finite.some((v) => v < 0);
  const low = signed ? Math.min(0, ...finite) : Math.min(...finite);
  const high = signed ? Math.max(0, ...finite) : Math.max(...finite);
  return values
    .map((value) => {
      if (typeof value !== "number" || !Number.isFinite(value)) return " ";
      if (high === low) return SPARK_LEVELS[3];
      const level = Math.round(((value - low) / (high - low)) * (SPARK_LEVELS.length - 1));
      return SPARK_LEVELS[level];
    })
    .join("");
}
