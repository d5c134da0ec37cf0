import { sha256Hex } from "../core/digest.js";
import { toCanonicalJson } from "../core/canonical-json.js";
import type { Manifest, PathDigest } from "./manifest.js";

/** What decides that a training run would repeat one already cached: its inputs' lineage, not its outputs. */
export interface CacheKeyParts {
  command: Manifest["command"];
  seed: number;
  inputs: PathDigest[];
  params: PathDigest[];
  lockfiles: PathDigest[];
  /** Runner OS and architecture: a model trained on one is not reused on the other. */
  platform: string;
  arch: string;
  /** Output patterns as written: other outputs are another cache entry. */
  outputs: string[];
}

/**
 * The cache key: `modelgate-train-<sha256 of the canonical parts>` (GitHub's cache keys are at most 512
 * characters; this is 81). Code belongs in `inputs` like data, so a changed trainer misses the cache.
 */
export function computeCacheKey(parts: CacheKeyParts): string {
  return `modelgate-train-${sha256Hex(toCanonicalJson(parts))}`;
}
