/** Significant digits every report shows; the result JSON keeps full precision. */
const SIGNIFICANT_DIGITS = 6;

/**
 * Stable human formatting: six significant digits, no exponent between 1e-4 and 1e15, trailing zeros
 * dropped, ASCII minus. The same number always prints the same way on every platform.
 */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined) return "—";
  if (Number.isNaN(value)) return "NaN";
  if (!Number.isFinite(value)) return value > 0 ? "Infinity" : "-Infinity";
  if (value === 0) return "0";
  const magnitude = Math.floor(Math.log10(Math.abs(value)));
  if (magnitude < -4 || magnitude >= 15) return trimExponent(value.toExponential(SIGNIFICANT_DIGITS - 1));
  const decimals = Math.max(0, SIGNIFICANT_DIGITS - 1 - magnitude);
  const text = trimZeros(value.toFixed(decimals));
  return text === "-0" ? "0" : text;
}

/** `formatNumber` with an explicit "+" on positive values, for deltas. */
export function formatSigned(value: number | null | undefined): string {
  const text = formatNumber(value);
  return value !== null && value !== undefined && value > 0 ? `+${text}` : text;
}

/** A signed percentage with two decimals at most ("+1.5%", "-12.34%"). */
export function formatPercent(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  const text = trimZeros(value.toFixed(2));
  if (text === "0" || text === "-0") return "0%";
  return `${value > 0 ? "+" : ""}${text}%`;
}

function trimZeros(text: string): string {
  return text.includes(".") ? text.replace(/0+$/, "").replace(/\.$/, "") : text;
}

function trimExponent(text: string): string {
  const [mantissa = text, exponent = ""] = text.split("e");
  return `${trimZeros(mantissa)}e${exponent.replace("+", "")}`;
}
