import { StatsInputError } from "./stats-input-error.js";

// W. J. Cody, "Rational Chebyshev approximations for the error function", Math. Comp. 23 (1969) 631-637, as the
// normal-integral routine ANORM of SPECFUN (Cody 1993, ACM TOMS 19, Algorithm 715). Coefficients ascend in degree.
const CENTRAL_NUM = [
  18154.98125334356, 1067.6894854603709, 161.02823106855587, 2.2352520354606837, 0.06568233791820745,
];
const CENTRAL_DEN = [45507.78933502673, 10260.932208618979, 976.0985517377767, 47.202581904688245, 1];
const MIDDLE_NUM = [
  9842.714838383978, 11602.65143764735, 6848.190450536283, 2494.5375852903726, 597.2702763948002, 93.50665613217785,
  8.883149794388377, 0.39894151208813466, 1.0765576773720192e-8,
];
const MIDDLE_DEN = [
  19685.429676859992, 38912.00328609327, 34900.95272114598, 18615.571640885097, 6485.558298266761, 1519.3775994075547,
  235.387901782625, 22.266688044328117, 1,
];
// The tail numerator's leading 0 multiplies it by s = 1/y², as in Cody's form s·P(s)/Q(s).
const TAIL_NUM = [
  0, 2.9112874951168793e-5, 0.0014216191932278934, 0.022235277870649807, 0.12740116116024736, 0.215898534057957,
  0.023073441764940174,
];
const TAIL_DEN = [
  7.297515550839662e-5, 0.0037823963320275824, 0.06598813786892856, 0.4682382124808651, 1.284260096144911, 1,
];
const CENTRAL_LIMIT = 0.66291;
const MIDDLE_LIMIT = Math.sqrt(32);
/** Beyond this |z| the tail is below the smallest subnormal double. */
const UNDERFLOW_LIMIT = 40;
const INV_SQRT_2PI = 0.3989422804014327;
const SQRT_2PI = 2.5066282746310002;

// M. J. Wichura, "Algorithm AS 241: The percentage points of the normal distribution", Applied Statistics 37 (1988)
// 477-484 (PPND16, about 1e-16 relative accuracy). Both sets of coefficients are the published ones rounded to double.
const PPF_CENTRAL_NUM = [
  3.3871328727963665, 133.14166789178438, 1971.5909503065513, 13731.69376550946, 45921.95393154987, 67265.7709270087,
  33430.57558358813, 2509.0809287301227,
];
const PPF_CENTRAL_DEN = [
  1, 42.31333070160091, 687.1870074920579, 5394.196021424751, 21213.794301586597, 39307.89580009271, 28729.085735721943,
  5226.495278852854,
];
const PPF_MIDDLE_NUM = [
  1.4234371107496835, 4.630337846156546, 5.769497221460691, 3.6478483247632045, 1.2704582524523684, 0.2417807251774506,
  0.022723844989269184, 0.0007745450142783414,
];
const PPF_MIDDLE_DEN = [
  1, 2.053191626637759, 1.6763848301838038, 0.6897673349851, 0.14810397642748008, 0.015198666563616457,
  0.0005475938084995345, 1.0507500716444169e-9,
];
const PPF_TAIL_NUM = [
  6.657904643501103, 5.463784911164114, 1.7848265399172913, 0.29656057182850487, 0.026532189526576124,
  0.0012426609473880784, 2.7115555687434876e-5, 2.0103343992922881e-7,
];
const PPF_TAIL_DEN = [
  1, 0.599832206555888, 0.1369298809227358, 0.014875361290850615, 0.0007868691311456133, 1.8463183175100548e-5,
  1.421511758316446e-7, 2.0442631033899397e-15,
];

function polynomial(coefficients: readonly number[], x: number): number {
  let sum = 0;
  for (let i = coefficients.length - 1; i >= 0; i--) sum = sum * x + (coefficients[i] as number);
  return sum;
}

/** Q(y) = 1 − Φ(y) for y > 0.66291: Cody's two rational tail forms times exp(−y²/2), split to keep it exact. */
function upperTail(y: number): number {
  if (y >= UNDERFLOW_LIMIT) return 0;
  let ratio: number;
  if (y <= MIDDLE_LIMIT) {
    ratio = polynomial(MIDDLE_NUM, y) / polynomial(MIDDLE_DEN, y);
  } else {
    const s = 1 / (y * y);
    ratio = (INV_SQRT_2PI - polynomial(TAIL_NUM, s) / polynomial(TAIL_DEN, s)) / y;
  }
  // exp(−y²/2) = exp(−h²/2)·exp(−(y−h)(y+h)/2) with h = y rounded down to 1/16: h² is exact, so no digits are lost.
  const head = Math.trunc(y * 16) / 16;
  return Math.exp(-head * head * 0.5) * Math.exp(-(y - head) * (y + head) * 0.5) * ratio;
}

function requireNumber(z: number, name: string): void {
  if (Number.isNaN(z)) throw new StatsInputError(`${name} is NaN; the normal distribution needs a number.`);
}

/**
 * Standard normal CDF Φ(z), as scipy.special.ndtr / scipy.stats.norm.cdf, to full double precision in both tails
 * (Cody's ANORM, Algorithm 715).
 * @throws {StatsInputError} when z is NaN.
 */
export function normalCdf(z: number): number {
  requireNumber(z, "z");
  const y = Math.abs(z);
  if (y <= CENTRAL_LIMIT) {
    const s = z * z;
    return 0.5 + (z * polynomial(CENTRAL_NUM, s)) / polynomial(CENTRAL_DEN, s);
  }
  const tail = upperTail(y);
  return z > 0 ? 1 - tail : tail;
}

/**
 * Standard normal survival function 1 − Φ(z) = Φ(−z), as scipy.stats.norm.sf, without cancellation for large z.
 * @throws {StatsInputError} when z is NaN.
 */
export function normalSf(z: number): number {
  return normalCdf(-z);
}

/**
 * Standard normal quantile Φ⁻¹(p), as scipy.special.ndtri / scipy.stats.norm.ppf: Wichura's AS 241, then one Halley
 * step on `normalCdf`; ppf(0) = −∞ and ppf(1) = +∞ as in SciPy.
 * @throws {StatsInputError} when p is NaN or outside [0, 1].
 */
export function normalPpf(p: number): number {
  if (!(p >= 0 && p <= 1)) throw new StatsInputError(`Probability ${String(p)} is outside [0, 1]; no normal quantile.`);
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  // 1 − p is exact for p ≥ 0.5 (Sterbenz), so the symmetric lower tail loses nothing.
  return p > 0.5 ? -lowerQuantile(1 - p) : lowerQuantile(p);
}

/** Φ⁻¹(p) for 0 < p ≤ 0.5. */
function lowerQuantile(p: number): number {
  const q = p - 0.5;
  let x: number;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    x = (q * polynomial(PPF_CENTRAL_NUM, r)) / polynomial(PPF_CENTRAL_DEN, r);
  } else {
    const r = Math.sqrt(-Math.log(p));
    x =
      r <= 5
        ? -polynomial(PPF_MIDDLE_NUM, r - 1.6) / polynomial(PPF_MIDDLE_DEN, r - 1.6)
        : -polynomial(PPF_TAIL_NUM, r - 5) / polynomial(PPF_TAIL_DEN, r - 5);
  }
  // Halley's step needs exp(x²/2) to stay finite; below x = −37 AS 241 alone is already as exact as p allows.
  if (x < -37) return x;
  const u = (normalCdf(x) - p) * SQRT_2PI * Math.exp((x * x) / 2);
  return x - u / (1 + (x * u) / 2);
}
