import { isMainThread } from "node:worker_threads";
import { setFlagsFromString } from "node:v8";

/**
 * Keeps this thread's young generation (V8's new space) at the size it starts with, 1 MiB semi-spaces, instead of
 * letting it double up to 16 MiB as it does under allocation. validate-data's read makes short-lived garbage only
 * (the file's read buffers, freed at each scavenge), so a small new space costs no time there and keeps tens of MiB
 * of spent buffers out of the peak. It takes effect only before the new space grows, that is before a bundle's
 * modules are loaded: the entries that run validate-data call it from the module they import first.
 */
export function keepYoungGenerationSmall(): void {
  if (isMainThread) setFlagsFromString("--semi-space-growth-factor=1");
}
