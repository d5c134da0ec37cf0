import { binomialCdf } from "./binomial-cdf.js";
import { requireBinaryLabels } from "./require-binary-labels.js";
import { requireCount } from "./require-count.js";
import { requireSameLength } from "./require-same-length.js";

/**
 * McNemar's input: the discordant counts, or per-example correctness (1 = right, 0 = wrong) of both models on the
 * same examples.
 */
export type McnemarInput =
  | { /** Baseline right, candidate wrong. */ b: number; /** Baseline wrong, candidate right. */ c: number }
  | { baselineCorrect: ArrayLike<number>; candidateCorrect: ArrayLike<number> };

export interface McnemarResult {
  /** Examples the baseline gets right and the candidate wrong. */
  b: number;
  /** Examples the baseline gets wrong and the candidate right. */
  c: number;
  /** Two-sided exact p-value for "both models have the same error rate". */
  pValue: number;
}

/**
 * McNemar's exact test: two-sided p = min(1, 2·BinomCDF(min(b, c); b + c, ½)), which is
 * scipy.stats.binomtest(b, b + c, 0.5, alternative="two-sided").pvalue. With no discordant pair (b = c = 0) the
 * formula gives 1 (statsmodels' mcnemar(exact=True) does the same; SciPy's binomtest rejects n = 0).
 * @throws {StatsInputError} when counts are not whole numbers ≥ 0, or the vectors are empty, of different lengths
 * or hold values other than 0 and 1.
 */
export function computeMcnemarExact(input: McnemarInput): McnemarResult {
  const { b, c } = "b" in input ? input : countDiscordant(input.baselineCorrect, input.candidateCorrect);
  requireCount(b, "McNemar count b");
  requireCount(c, "McNemar count c");
  return { b, c, pValue: Math.min(1, 2 * binomialCdf(Math.min(b, c), b + c, 0.5)) };
}

function countDiscordant(baseline: ArrayLike<number>, candidate: ArrayLike<number>): { b: number; c: number } {
  const n = requireSameLength({ baselineCorrect: baseline, candidateCorrect: candidate });
  requireBinaryLabels(baseline, "baselineCorrect");
  requireBinaryLabels(candidate, "candidateCorrect");
  let b = 0;
  let c = 0;
  for (let i = 0; i < n; i++) {
    if (baseline[i] === 1 && candidate[i] === 0) b++;
    else if (baseline[i] === 0 && candidate[i] === 1) c++;
  }
  return { b, c };
}
