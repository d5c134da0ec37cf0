// Checks that the profile's table of sketch buckets (shared/src/validate/profile/bucket-index-table.ts) gives the
// bucket of the logarithm's formula (bucketIndex: ceil(ln(x) / ln γ)) for every magnitude a sketch counts, from
// SKETCH_MIN_MAGNITUDE (1e-300) to the largest double: node shared/tools/verify-bucket-index.mjs (about a minute).
//
// The table is exact if the formula never decreases as x grows. Math.log (V8's port of fdlibm's e_log.c) errs by
// less than one unit in the last place of its result, so ceil(ln(x) / ln γ) can differ from its exact value only
// where ln(x) / ln γ lies within a few units of an integer: within 2^(floor(log2 |ln x|) + 3) doubles (at least 64)
// of a bucket boundary. For each bucket boundary of the range, this finds the boundary by bisection on the formula,
// then steps through every double of that window around it, checking that the formula never decreases there and
// that the table gives the formula's bucket (−0 counted as 0). Elsewhere the formula is the exact bucket, which
// never decreases. Exits 1 on the first mismatch.
import { register } from "node:module";

register("./ts-loader-hooks.mjs", import.meta.url);
const { bucketIndex, SKETCH_MIN_MAGNITUDE } = await import("../src/validate/profile/log-bucket-sketch.ts");
const { tableBucketIndex } = await import("../src/validate/profile/bucket-index-table.ts");

const double = new Float64Array(1);
const bits = new BigUint64Array(double.buffer);
const words = new Uint32Array(double.buffer);
const [LOW, HIGH] = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? [0, 1] : [1, 0];
const fromBits = (b) => ((bits[0] = b), double[0]);
const toBits = (x) => ((double[0] = x), bits[0]);

const first = bucketIndex(SKETCH_MIN_MAGNITUDE);
const last = bucketIndex(Number.MAX_VALUE);
const lowestBits = toBits(SKETCH_MIN_MAGNITUDE);
const highestBits = toBits(Number.MAX_VALUE);
let checked = 0;
const started = Date.now();
for (let bucket = first + 1; bucket <= last; bucket++) {
  // The first double whose formula bucket is `bucket` or more: bisection over the bit patterns.
  let below = lowestBits;
  let from = highestBits;
  const guess = toBits(Math.exp((bucket - 1) * Math.log(1.005 / 0.995)));
  if (guess - 4096n > below && bucketIndex(fromBits(guess - 4096n)) < bucket) below = guess - 4096n;
  if (guess + 4096n < from && bucketIndex(fromBits(guess + 4096n)) >= bucket) from = guess + 4096n;
  while (from - below > 1n) {
    const middle = (below + from) / 2n;
    if (bucketIndex(fromBits(middle)) >= bucket) from = middle;
    else below = middle;
  }
  const boundary = fromBits(from);
  const window = Math.max(64, 2 ** (Math.floor(Math.log2(Math.abs(Math.log(boundary)) || 1)) + 3));
  let start = from - BigInt(window);
  if (start < lowestBits) start = lowestBits;
  bits[0] = start;
  let previous = -Infinity;
  for (let step = 0; step <= 2 * window && bits[0] <= highestBits; step++) {
    const x = double[0];
    const formula = bucketIndex(x);
    if (formula < previous) fail(`the formula decreases at ${x}: ${previous} then ${formula}`);
    const table = tableBucketIndex(x);
    if (table !== formula) fail(`the table gives ${table} for ${x}, the formula ${formula}`);
    previous = formula;
    checked++;
    // The next double up.
    if (words[LOW] === 0xffffffff) {
      words[LOW] = 0;
      words[HIGH]++;
    } else words[LOW]++;
  }
  if (bucket % 10000 === 0)
    console.log(
      `bucket ${bucket} of ${last}: ${checked.toLocaleString("en")} doubles checked, ${(Date.now() - started) / 1000} s`,
    );
}
console.log(
  `buckets ${first + 1}..${last}: every boundary's window agrees (${checked.toLocaleString("en")} doubles) in ${(Date.now() - started) / 1000} s`,
);

function fail(why) {
  console.error(why);
  process.exit(1);
}
