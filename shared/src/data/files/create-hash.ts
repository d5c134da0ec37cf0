import type { Hash } from "node:crypto";

/**
 * node:crypto's `createHash`, its module looked up at the first call rather than loaded with the reader that hashes:
 * loading it takes a thread 6–13 ms, and a profile build's two threads hash only once they have read their parts.
 */
export function createHash(algorithm: string): Hash {
  return process.getBuiltinModule("node:crypto").createHash(algorithm);
}
