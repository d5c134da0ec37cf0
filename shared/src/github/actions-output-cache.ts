import type { OutputCache } from "../lineage/output-store.js";

/**
 * The runner's cache service through @actions/cache, imported only when `cache: true` (it loads the
 * Azure storage client, which would otherwise slow every action's start). Undefined when the runner
 * provides no cache service (a local run, a self-hosted runner without it).
 */
export function actionsOutputCache(env: NodeJS.ProcessEnv): OutputCache | undefined {
  const available = env.ACTIONS_CACHE_SERVICE_V2 ? Boolean(env.ACTIONS_RESULTS_URL) : Boolean(env.ACTIONS_CACHE_URL);
  if (!available) return undefined;
  return {
    async restore(paths, key) {
      const cache = await import("@actions/cache");
      // restoreCache reports a failing service as a warning and returns undefined: then the run trains.
      return (await cache.restoreCache(paths, key, [], {}, true)) === key;
    },
    async save(paths, key) {
      const cache = await import("@actions/cache");
      await cache.saveCache(paths, key, {}, true);
    },
  };
}
