import { readFileSync } from "node:fs";
import type { Check } from "../core/check.js";
import { hashPaths } from "./hash-paths.js";
import type { Manifest } from "./manifest.js";
import type { OutputCache } from "./output-store.js";
import { parseManifestText } from "./parse-manifest.js";
import { cachePaths } from "./cache-paths.js";
import type { TrainServices } from "./train-services.js";
import type { TrainOptions } from "./train-options.js";

/**
 * On a cache hit: the producing run's manifest with this run noted beside it (`restored_by`, outside the
 * lineage digest), and a check that the restored outputs still hash to what that manifest recorded.
 * Undefined on a miss or when the cache service fails (a warning: the run then trains).
 */
export async function restoreFromCache(
  base: { options: TrainOptions; services: TrainServices; manifestFile: string; cacheKey: string },
  cache: OutputCache,
): Promise<{ manifest: Manifest; checks: Check[]; note: string } | undefined> {
  const { options, services, manifestFile, cacheKey } = base;
  let hit: boolean;
  try {
    hit = await cache.restore(cachePaths(options, manifestFile), cacheKey);
  } catch (error) {
    services.warn(
      `The cache could not be read (${error instanceof Error ? error.message : String(error)}); training without it.`,
    );
    return undefined;
  }
  if (!hit) return undefined;
  const producing = parseManifestText(readFileSync(manifestFile, "utf8"), "the cached manifest");
  const restored = await hashPaths(options.outputs, {
    input: "outputs",
    base: options.workingDirectory,
    workspace: options.workspace,
    allowEmpty: true,
  });
  const same =
    JSON.stringify(restored.map((o) => [o.path, o.sha256])) ===
    JSON.stringify(producing.outputs.map((o) => [o.path, o.sha256]));
  const manifest: Manifest = {
    ...producing,
    restored_by: {
      git_sha: services.probe.env.GITHUB_SHA ?? null,
      restored_at: new Date(services.now()).toISOString(),
      run_url: options.runUrl,
    },
  };
  const check: Check = {
    name: "cache:restored-outputs",
    metric: "cache",
    rule: "restored-outputs",
    verdict: same ? "pass" : "fail",
    value: null,
    baseline: null,
    delta: null,
    delta_pct: null,
    threshold: 0,
    message: same
      ? "The restored outputs hash to the digests the producing run recorded."
      : "The restored outputs do not hash to the digests in the cached manifest; delete the cache entry and train again.",
  };
  return { manifest, checks: [check], note: `Restored from cache key ${cacheKey}.` };
}
