/** Significant digits every report shows in prose and tables; the result JSON keeps full precision. */
export const SIGNIFICANT_DIGITS = 4;

/** The most digits `formatDistinct` adds: 17 significant digits tell any two doubles apart. */
const MAX_DIGITS = 17;

/**
 * The one number format of every report surface (markdown, terminal, annotations, messages): `digits` significant
 * digits (4 unless asked), scientific notation only below 1e-3 in magnitude (and from 1e21, where JavaScript has no
 * fixed form), never fewer than all integer digits (1234567.8 prints 1234568), trailing zeros dropped, ASCII minus,
 * "-0" printed "0". The same number always prints the same way on every platform.
 */
export function formatNumber(value: number | null | undefined, digits = SIGNIFICANT_DIGITS): string {
  if (value === null || value === undefined) return "—";
  if (Number.isNaN(value)) return "NaN";
  if (!Number.isFinite(value)) return value > 0 ? "Infinity" : "-Infinity";
  if (value === 0) return "0";
  const magnitude = Math.floor(Math.log10(Math.abs(value)));
  if (Math.abs(value) < 1e-3 || magnitude >= 21) return trimExponent(value.toExponential(digits - 1));
  const text = trimZeros(value.toFixed(Math.min(100, Math.max(0, digits - 1 - magnitude))));
  // Rounding can carry into a new digit (0.99996 → "1.000"); toFixed already did it right, only zeros are trimmed.
  return text === "-0" ? "0" : text;
}

/** `formatNumber` with an explicit "+" on positive values, for changes. */
export function formatSigned(value: number | null | undefined, digits = SIGNIFICANT_DIGITS): string {
  const text = formatNumber(value, digits);
  return value !== null && value !== undefined && value > 0 && text !== "0" ? `+${text}` : text;
}

/** A signed relative change in percent, `value` already in percent ("+1.5%", "-12.34%"); "—" when unknown. */
export function formatPercent(value: number | null | undefined, digits = SIGNIFICANT_DIGITS): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  return `${formatSigned(value, digits)}%`;
}

/**
 * A difference of two shares in percentage points, `value` already in points ("-0.76 pp"): the unit of a change of
 * an accuracy, a rate or a share, never to be confused with a percent of the baseline.
 */
export function formatPoints(value: number | null | undefined, digits = SIGNIFICANT_DIGITS): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  return `${formatSigned(value, digits)} pp`;
}

/** A share (0–1) in percent without a sign ("83.64%"). */
export function formatShare(value: number | null | undefined, digits = SIGNIFICANT_DIGITS): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  return `${formatNumber(value * 100, digits)}%`;
}

/**
 * Values read side by side (a row's baseline and candidate, a value and its bound, an interval's limits), each
 * printed by `format` with the fewest significant digits, at least `SIGNIFICANT_DIGITS`, at which no two values that
 * differ print alike: 0.80001 beside 0.8 prints "0.80001" and "0.8", never "0.8" twice. All values get the same
 * digits. Equal values (and nulls) print alike, as they are.
 */
export function formatDistinct(
  values: readonly (number | null | undefined)[],
  format: (value: number | null | undefined, digits: number) => string = formatNumber,
): string[] {
  for (let digits = SIGNIFICANT_DIGITS; ; digits++) {
    const texts = values.map((value) => format(value, digits));
    if (digits >= MAX_DIGITS || tellsApart(values, texts)) return texts;
  }
}

/** `formatDistinct` of two values, as a pair. */
export function formatPair(
  a: number | null | undefined,
  b: number | null | undefined,
  format?: (value: number | null | undefined, digits: number) => string,
): [string, string] {
  const [x = "", y = ""] = formatDistinct([a, b], format);
  return [x, y];
}

/**
 * The smallest p-value a resampling test with `resamples` resamples can resolve: 1 / (resamples + 1), the
 * Davison–Hinkley (1997, §4.2) add-one p-value of a result more extreme than every resample (1e-4 for 9,999).
 */
export function resamplingResolution(resamples: number): number {
  return 1 / (resamples + 1);
}

/**
 * A p-value as reports print it: `formatNumber`, floored at the test's `resolution` when it has one ("< 1e-4" for
 * a bootstrap of 9,999 resamples), since a value below what the resamples can resolve is the floor of a search,
 * not evidence; "—" when unknown.
 */
export function formatPValue(value: number | null | undefined, resolution?: number): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  if (resolution !== undefined && resolution > 0 && value < resolution) return `< ${formatNumber(resolution)}`;
  return formatNumber(value);
}

function tellsApart(values: readonly (number | null | undefined)[], texts: readonly string[]): boolean {
  const seen = new Map<string, number | null | undefined>();
  for (let i = 0; i < values.length; i++) {
    const text = texts[i]!;
    if (seen.has(text) && !Object.is(normalize(seen.get(text)), normalize(values[i]))) return false;
    seen.set(text, values[i]);
  }
  return true;
}

/** null and undefined both print "—"; 0 and -0 both "0". */
function normalize(value: number | null | undefined): number | null {
  if (value === undefined || value === null) return null;
  return value === 0 ? 0 : value;
}

function trimZeros(text: string): string {
  return text.includes(".") ? text.replace(/0+$/, "").replace(/\.$/, "") : text;
}

function trimExponent(text: string): string {
  const [mantissa = text, exponent = ""] = text.split("e");
  return `${trimZeros(mantissa)}e${exponent.replace("+", "")}`;
}
