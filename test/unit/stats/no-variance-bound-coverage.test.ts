import { describe, expect, it } from "vitest";
import { comparePairOrdering } from "../../../shared/src/stats/compare-pair-ordering.js";
import { findConstantDifference } from "../../../shared/src/stats/find-constant-difference.js";
import { toNoVarianceLimits } from "../../../shared/src/stats/no-variance-bound.js";
import { createSeededRandom, type SeededRandom } from "../../../shared/src/stats/seeded-random.js";
import { zeroCountUpperBound } from "../../../shared/src/stats/zero-count-upper-bound.js";

// Coverage of the exact bound for a change with no variance, by simulation. The procedure: when every example shows
// the same change, decide on the exact limits; otherwise another method decides. It errs when it applies the bound
// and the population's true change lies beyond the limit on the rule's side. Its promise: that happens in at most
// alpha of samples, whatever the population, and nearly alpha when the share of differing examples sits just above
// u = 1 − alpha^(1/n). Each population is the worst case for the limit read: every differing example moves the change
// as far as the metric allows. Each replicate draws from its own seed; same seeds, same counts.
const ALPHA = 0.05;
const REPLICATES = 2000;

/** Indices of a Bernoulli(q) process over n trials, by geometric gaps (exact, about n·q draws). */
function bernoulliHits(n: number, q: number, random: SeededRandom): number[] {
  const hits: number[] = [];
  const logMiss = Math.log1p(-q);
  for (
    let i = Math.floor(Math.log(1 - random.nextDouble()) / logMiss);
    i < n;
    i += 1 + Math.floor(Math.log(1 - random.nextDouble()) / logMiss)
  )
    hits.push(i);
  return hits;
}

/** Runs one population over REPLICATES seeds: how often the bound applied, and how often it excluded the truth. */
function simulate(
  replicates: number,
  seedBase: number,
  draw: (random: SeededRandom) => { applied: boolean; missed: boolean },
) {
  let applied = 0;
  let missed = 0;
  for (let r = 0; r < replicates; r++) {
    const outcome = draw(createSeededRandom(seedBase + r));
    if (outcome.applied) applied++;
    if (outcome.missed) missed++;
  }
  return { applied: applied / replicates, missed: missed / replicates };
}

/** Within 4 binomial standard errors of p over `replicates` draws; exactly 0 when p is 0 (the limit must hold). */
function expectNear(observed: number, p: number, replicates: number, what: string): void {
  if (p === 0) return expect(observed, what).toBe(0);
  const se = Math.sqrt((p * (1 - p)) / replicates);
  expect(Math.abs(observed - p), `${what}: observed ${observed}, expected ${p}`).toBeLessThanOrEqual(4 * se);
}

describe("exact bound of a change with no variance, simulated", () => {
  it.each([50, 500, 5000])("misses an accuracy regression in at most alpha of samples at n = %i", (n) => {
    const u = zeroCountUpperBound(n, ALPHA);
    const baseline = new Float64Array(n).fill(1);
    for (const share of [u / 2, 1.2 * u, 2 * u]) {
      // The candidate is wrong where the baseline is right on a share q of the population: Δ = −q.
      const result = simulate(REPLICATES, n * 7 + Math.round(share * 1e6), (random) => {
        const candidate = new Float64Array(n).fill(1);
        for (const i of bernoulliHits(n, share, random)) candidate[i] = 0;
        const constant = findConstantDifference(candidate, baseline);
        if (constant === undefined) return { applied: false, missed: false };
        return {
          applied: true,
          missed: -share < toNoVarianceLimits({ constant, range: [-1, 1], trials: n }, ALPHA).low,
        };
      });
      const allAlike = (1 - share) ** n;
      expectNear(result.applied, allAlike, REPLICATES, `P(no discordant example) at n = ${n}, q = ${share}`);
      expectNear(result.missed, share > u ? allAlike : 0, REPLICATES, `P(miss) at n = ${n}, q = ${share}`);
      expect(share > u ? allAlike : 0).toBeLessThan(ALPHA);
      expect(result.missed).toBeLessThanOrEqual(ALPHA + 4 * Math.sqrt((ALPHA * (1 - ALPHA)) / REPLICATES));
    }
  });

  it.each([50, 500, 5000])(
    "misses a Brier regression behind a constant improvement in at most alpha of samples at n = %i",
    (n) => {
      const u = zeroCountUpperBound(n, ALPHA);
      // Most examples improve by exactly 0.03 (0.04 → 0.01); a share q is perfect under the baseline and wholly wrong
      // under the candidate (0 → 1): the true change −0.03·(1 − q) + q exceeds the upper limit exactly when q > u.
      for (const share of [0.8 * u, 1.2 * u]) {
        const truth = -0.03 * (1 - share) + share;
        const result = simulate(REPLICATES, 90_000 + n + Math.round(share * 1e6), (random) => {
          const baseline = new Float64Array(n).fill(0.04);
          const candidate = new Float64Array(n).fill(0.01);
          for (const i of bernoulliHits(n, share, random)) [baseline[i], candidate[i]] = [0, 1];
          const constant = findConstantDifference(candidate, baseline);
          if (constant === undefined) return { applied: false, missed: false };
          return {
            applied: true,
            missed: truth > toNoVarianceLimits({ constant, range: [-1, 1], trials: n }, ALPHA).high,
          };
        });
        expectNear(result.missed, share > u ? (1 - share) ** n : 0, REPLICATES, `P(miss) at n = ${n}, q = ${share}`);
        expect(result.missed).toBeLessThanOrEqual(ALPHA + 4 * Math.sqrt((ALPHA * (1 - ALPHA)) / REPLICATES));
      }
    },
  );

  it.each([50, 500, 5000])(
    "misses an AUC regression in at most alpha of samples with n = %i examples, half positive",
    (n) => {
      const half = n / 2;
      const u = zeroCountUpperBound(half, ALPHA);
      const labels = Float64Array.from({ length: n }, (_, i) => (i < half ? 1 : 0));
      // Baseline AUC 1; the candidate scores a share q of positives below every negative: ΔAUC = −q. Below u no sample
      // may miss, so fewer replicates show a bound that is too tight.
      const baseline = Float64Array.from({ length: n }, (_, i) => (i < half ? 2 + i / n : i / n));
      for (const [share, replicates] of [
        [0.8 * u, 200],
        [1.2 * u, 500],
      ] as const) {
        const result = simulate(replicates, 70_000 + n + Math.round(share * 1e6), (random) => {
          const candidate = baseline.slice();
          for (const i of bernoulliHits(half, share, random)) candidate[i] = -1;
          const ordering = comparePairOrdering(labels, baseline, candidate);
          if (!ordering.alike) return { applied: false, missed: false };
          const pairs = Math.min(ordering.positives, ordering.negatives);
          return {
            applied: true,
            missed: -share < toNoVarianceLimits({ constant: 0, range: [-1, 1], trials: pairs }, ALPHA).low,
          };
        });
        expectNear(result.applied, (1 - share) ** half, replicates, `P(every pair alike) at n = ${n}, q = ${share}`);
        expectNear(result.missed, share > u ? (1 - share) ** half : 0, replicates, `P(miss) at n = ${n}, q = ${share}`);
        expect(result.missed).toBeLessThanOrEqual(ALPHA + 4 * Math.sqrt((ALPHA * (1 - ALPHA)) / replicates));
      }
    },
  );
});
