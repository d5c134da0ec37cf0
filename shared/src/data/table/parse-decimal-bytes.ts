/** 10^0 … 10^22: each exactly representable (read from its text, so the value is exact whatever `**` rounds). */
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));
/** 2^53: below it every integer is a double. */
const EXACT_INTEGERS = 2 ** 53;

/**
 * Reads `[-+]digits[.digits][(e|E)[-+]digits]` straight from the bytes `buf[start, end)`, giving exactly the double
 * `Number()` gives for the same text, or NaN for any text it does not settle (other shapes, and the hard cases).
 * It settles a text when its significant digits form an integer m < 2^53 and the power of ten e it is scaled by
 * has |e| ≤ 22: then m and 10^|e| are both exact doubles, so the one product or quotient m·10^e is the correctly
 * rounded value of the text (Clinger's fast path, "How to read floating point numbers accurately", PLDI 1990),
 * which is what `Number()` returns. Longer mantissas (17+ significant digits), larger exponents, subnormals,
 * blank or spaced text and every other spelling give NaN: the caller reads those through `parseNumberText`.
 */
export function parseDecimalBytes(buf: Uint8Array, start: number, end: number): number {
  let i = start;
  let negative = false;
  if (i < end && (buf[i] === 45 || buf[i] === 43)) {
    negative = buf[i] === 45;
    i++;
  }
  let mantissa = 0;
  let digits = 0;
  /** Significant digits: those from the first non-zero one on. */
  let significant = 0;
  let point = -1;
  let byte = 0;
  for (; i < end; i++) {
    byte = buf[i]!;
    const digit = byte - 48;
    if (digit >= 0 && digit <= 9) {
      digits++;
      if (mantissa !== 0 || digit !== 0) {
        significant++;
        mantissa = mantissa * 10 + digit;
      }
    } else if (byte === 46 && point < 0) {
      point = i;
    } else {
      break;
    }
  }
  if (digits === 0) return Number.NaN;
  let scale = point < 0 ? 0 : point + 1 - i;
  if (i < end) {
    if ((byte | 0x20) !== 101) return Number.NaN; // e or E
    i++;
    let exponentNegative = false;
    if (i < end && (buf[i] === 45 || buf[i] === 43)) {
      exponentNegative = buf[i] === 45;
      i++;
    }
    if (i === end) return Number.NaN;
    let exponent = 0;
    for (; i < end; i++) {
      const digit = buf[i]! - 48;
      if (digit < 0 || digit > 9) return Number.NaN;
      if (exponent < 1e6) exponent = exponent * 10 + digit;
    }
    scale += exponentNegative ? -exponent : exponent;
  }
  // Up to 15 significant digits the mantissa is exact; the 16th is one rounding at most, and below 2^53 none.
  if (significant > 16 || (significant === 16 && mantissa >= EXACT_INTEGERS)) return Number.NaN;
  let value: number;
  if (mantissa === 0) value = 0;
  else if (scale === 0) value = mantissa;
  else if (scale > 0 && scale <= 22) value = mantissa * POWERS_OF_TEN[scale]!;
  else if (scale < 0 && scale >= -22) value = mantissa / POWERS_OF_TEN[-scale]!;
  else return Number.NaN;
  return negative ? -value : value;
}
