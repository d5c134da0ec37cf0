import { normalSf } from "./normal-distribution.js";
import { StatsInputError } from "./stats-input-error.js";

export interface TwoProportionZTest {
  /** (p₁ − p₂) / √(p̂(1 − p̂)(1/n₁ + 1/n₂)), p̂ the pooled proportion; 0 when p̂ is 0 or 1 (no variation). */
  statistic: number;
  /** Two-sided: 2·Φ(−|z|); 1 when p̂ is 0 or 1. */
  pValue: number;
}

/**
 * The pooled two-proportion z-test of H₀: p₁ = p₂, two-sided, as statsmodels
 * `proportions_ztest([x1, x2], [n1, n2])` (pooled variance, no continuity correction).
 * @throws {StatsInputError} when a count is not a whole number, a sample is empty or x > n.
 */
export function twoProportionZTest(x1: number, n1: number, x2: number, n2: number): TwoProportionZTest {
  for (const [name, x, n] of [
    ["first", x1, n1],
    ["second", x2, n2],
  ] as const) {
    if (!Number.isSafeInteger(x) || !Number.isSafeInteger(n) || n < 1 || x < 0 || x > n) {
      throw new StatsInputError(
        `two-proportion z-test: the ${name} sample has ${x} successes in ${n} trials; need whole numbers with 0 <= x <= n and n >= 1.`,
      );
    }
  }
  const pooled = (x1 + x2) / (n1 + n2);
  const variance = pooled * (1 - pooled) * (1 / n1 + 1 / n2);
  if (!(variance > 0)) return { statistic: 0, pValue: 1 };
  const statistic = (x1 / n1 - x2 / n2) / Math.sqrt(variance);
  return { statistic, pValue: Math.min(1, 2 * normalSf(Math.abs(statistic))) };
}
