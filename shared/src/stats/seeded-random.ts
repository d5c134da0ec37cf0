import { StatsInputError } from "./stats-input-error.js";

/** A seeded source of uniform random numbers; the same seed always gives the same sequence. */
export interface SeededRandom {
  /** Uniform integer in [0, 2³²). */
  nextUint32(): number;
  /** Uniform double in [0, 1) with 53 random bits. */
  nextDouble(): number;
  /** Uniform integer in [0, n) for a whole n in [1, 2³²], without modulo bias. */
  nextInt(n: number): number;
  /** Fills `target` with uniform integers in [0, n): the same numbers as `target.length` calls of `nextInt(n)`. */
  fillInts(n: number, target: Uint32Array): void;
  /**
   * Adds one to `counts[k]` for each of `draws` uniform integers k in [0, n): the integers `fillInts(n, target)`
   * writes into a target of length `draws`, tallied as they are drawn instead of stored.
   */
  tallyInts(n: number, draws: number, counts: Int32Array): void;
}

const MASK_64 = (1n << 64n) - 1n;
const TWO_32 = 4294967296;
/**
 * Largest n for which x·n, x < 2³², is exact in a double: up to it `fillInts` and `tallyInts` map a draw to [0, n) by
 * Lemire's multiply-shift.
 */
export const MULTIPLY_LIMIT = 2 ** 21;

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** xoshiro128** 1.1 (Blackman & Vigna, "Scrambled linear pseudorandom number generators", ACM TOMS 2021). */
class Xoshiro128StarStar implements SeededRandom {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  private readonly scratch = new Uint32Array(1);

  constructor(state: readonly [number, number, number, number]) {
    [this.s0, this.s1, this.s2, this.s3] = state.map((word) => word | 0) as [number, number, number, number];
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) {
      throw new StatsInputError("xoshiro128** state must not be all zero.");
    }
  }

  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  nextDouble(): number {
    const high = this.nextUint32() >>> 5;
    const low = this.nextUint32() >>> 6;
    return (high * 67108864 + low) / 9007199254740992;
  }

  nextInt(n: number): number {
    this.fillInts(n, this.scratch);
    return this.scratch[0] as number;
  }

  fillInts(n: number, target: Uint32Array): void {
    requireBound(n);
    // Up to 2²¹ Lemire's multiply-shift (x·n < 2⁵³ is exact; reject the rare low words below (2³² − n) mod n);
    // above, rejection from the smallest power of two ≥ n. Both unbiased. The state lives in locals: this is the
    // bootstrap's inner loop (10⁹ draws and more). Lemire's rejection branch is almost never taken, where masking
    // rejects up to half the draws at random and mispredicts (3× slower at n = 10⁵).
    const multiply = n <= MULTIPLY_LIMIT;
    const threshold = multiply ? (TWO_32 - n) % n : 0;
    const shift = Math.clz32(n - 1);
    let { s0, s1, s2, s3 } = this;
    for (let i = 0; i < target.length;) {
      const x = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = rotl(s3, 11);
      if (multiply) {
        const product = x * n;
        const low = product >>> 0;
        if (low >= threshold) target[i++] = (product - low) / TWO_32;
      } else if (x >>> shift < n) {
        target[i++] = x >>> shift;
      }
    }
    this.s0 = s0;
    this.s1 = s1;
    this.s2 = s2;
    this.s3 = s3;
  }

  tallyInts(n: number, draws: number, counts: Int32Array): void {
    requireBound(n);
    // fillInts into a block, then counted: the bootstrap's cold start draws in WebAssembly
    // (percentile-resample.wat), so this path serves only where that cannot run.
    const block = new Uint32Array(Math.min(TALLY_BLOCK, draws));
    for (let done = 0; done < draws; done += block.length) {
      const drawn = block.subarray(0, Math.min(block.length, draws - done));
      this.fillInts(n, drawn);
      for (let i = 0; i < drawn.length; i++) counts[drawn[i] as number]!++;
    }
  }
}

function requireBound(n: number): void {
  if (!(Number.isInteger(n) && n >= 1 && n <= 4294967296)) {
    throw new StatsInputError(`Random integer bound ${String(n)} must be a whole number in [1, 2^32].`);
  }
}

/** Draws are tallied from blocks of this many. */
const TALLY_BLOCK = 65536;

/**
 * A xoshiro128** generator whose 128-bit state is two outputs of SplitMix64 started at `seed` (the seeding the
 * xoshiro authors recommend). Not NumPy's PCG64 stream: results agree with NumPy only in distribution.
 * @throws {StatsInputError} when the seed is not a safe integer.
 */
export function createSeededRandom(seed: number): SeededRandom {
  return new Xoshiro128StarStar(seededState(seed));
}

/**
 * The 128-bit state `createSeededRandom(seed)` starts from, as four 32-bit words (s[0] first): the first two
 * outputs of SplitMix64 started at `seed`, low word first. Never all zero.
 * @throws {StatsInputError} when the seed is not a safe integer.
 */
export function seededState(seed: number): [number, number, number, number] {
  if (!Number.isSafeInteger(seed)) throw new StatsInputError(`Seed ${String(seed)} must be a safe integer.`);
  let x = BigInt.asUintN(64, BigInt(seed));
  const splitMix64 = (): bigint => {
    x = (x + 0x9e3779b97f4a7c15n) & MASK_64;
    let z = x;
    z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK_64;
    z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK_64;
    return z ^ (z >> 31n);
  };
  const a = splitMix64();
  const b = splitMix64();
  // Two consecutive SplitMix64 outputs are never both zero (it is a bijection of a counter), so the state is valid.
  return [a & 0xffffffffn, a >> 32n, b & 0xffffffffn, b >> 32n].map(Number) as [number, number, number, number];
}

/**
 * A xoshiro128** generator from an explicit 128-bit state (four 32-bit words, s[0] first), for reproducing the
 * reference implementation's published test vectors.
 * @throws {StatsInputError} when all four words are zero.
 */
export function createSeededRandomFromState(state: readonly [number, number, number, number]): SeededRandom {
  return new Xoshiro128StarStar(state);
}
