import type { LogBucketSketch } from "./log-bucket-sketch.js";
import type { NumberProfile } from "./profile-schema.js";

// The stored forms of a profile's parts, in one order so equal profiles are equal bytes.

/** A sketch's buckets as sorted [index, count] pairs. */
export function toSketchJson(sketch: LogBucketSketch): NumberProfile["sketch"] {
  const pairs = (store: Map<number, number>) => [...store].sort((a, b) => a[0] - b[0]) as Array<[number, number]>;
  return { zero: sketch.zero, positive: pairs(sketch.positive), negative: pairs(sketch.negative) };
}

/** A stored sketch back as buckets. */
export function fromSketchJson(json: NumberProfile["sketch"]): LogBucketSketch {
  return { zero: json.zero, positive: new Map(json.positive), negative: new Map(json.negative) };
}

/** [value, count] pairs sorted by value text (code-unit order), in place. */
export function sortedPairs(pairs: Array<[string, number]>): Array<[string, number]> {
  return pairs.sort((a, b) => compareText(a[0], b[0]));
}

/** Code-unit order: the same on every machine, with no collator to load. */
export const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
