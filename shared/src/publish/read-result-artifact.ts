import { parsePublishedResult } from "./parse-published-result.js";
import type { PublishedResult } from "./published-result-schema.js";
import { readZipEntries } from "./read-zip-entries.js";
import type { ZipLimits } from "./read-zip-entries.js";

/** Limits on one artifact of result files: generous for real results, small enough to hold in memory. */
export const RESULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 100,
  maxEntryBytes: 2 * 1024 * 1024,
  maxTotalBytes: 16 * 1024 * 1024,
};

/**
 * The checked results inside one artifact's zip: every `*.json` entry must be a valid result (the markdown
 * reports beside them are ignored, never posted), sorted by action and key so output order is stable.
 * @throws DataError when the zip or any result in it is refused; nothing of the artifact is then published.
 */
export function readResultArtifact(
  zip: Buffer,
  artifact: string,
  limits: ZipLimits = RESULT_ZIP_LIMITS,
): PublishedResult[] {
  const results = readZipEntries(zip, limits, artifact)
    .filter((entry) => entry.name.endsWith(".json"))
    .map((entry) => parsePublishedResult(entry.data.toString("utf8"), { artifact, entry: entry.name }));
  return results.sort((a, b) => compare(a.action, b.action) || compare(a.key, b.key));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
