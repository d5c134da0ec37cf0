import { binomialPmf } from "./binomial-pmf.js";
import { requireCount } from "./require-count.js";
import type { SeededRandom } from "./seeded-random.js";
import { StatsInputError } from "./stats-input-error.js";

/**
 * Draws X ~ Binomial(n, p) exactly by inversion in the order mode, mode − 1, mode + 1, mode − 2, ... (Kemp's modal
 * "chop-down" search, C. D. Kemp 1986): one uniform double per draw and about 1.6·√(np(1 − p)) steps, with the pmf at
 * the mode from `binomialPmf` and the rest by the ratio recurrence. Distributed as numpy Generator.binomial; the
 * stream differs.
 * @throws {StatsInputError} when n is not a whole number ≥ 0 or p is outside [0, 1].
 */
export function sampleBinomial(n: number, p: number, random: SeededRandom): number {
  requireCount(n, "Binomial trials n");
  if (!(p >= 0 && p <= 1)) throw new StatsInputError(`Binomial probability ${String(p)} is outside [0, 1].`);
  if (n === 0 || p === 0) return 0;
  if (p === 1) return n;
  const q = 1 - p;
  const mode = Math.min(n, Math.floor((n + 1) * p));
  let down = mode;
  let up = mode;
  let pmfDown = binomialPmf(mode, n, p);
  let pmfUp = pmfDown;
  let u = random.nextDouble() - pmfDown;
  while (u >= 0) {
    const canGoDown = down > 0;
    const canGoUp = up < n;
    // Rounding can leave u ≥ 0 after the whole support (probability ~1e-15): the mode is as good an answer as any.
    if (!canGoDown && !canGoUp) return mode;
    if (canGoDown) {
      pmfDown *= (down * q) / ((n - down + 1) * p);
      down--;
      u -= pmfDown;
      if (u < 0) return down;
    }
    if (canGoUp) {
      pmfUp *= ((n - up) * p) / ((up + 1) * q);
      up++;
      u -= pmfUp;
    }
  }
  return up;
}
