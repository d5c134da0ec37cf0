import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The bundle that serves reader jobs on a worker thread (built from `reference-worker-main.ts`). */
let workerScript: string | undefined;

/**
 * Lets validate-data read its reference on a worker thread, started from the reference reader's own bundle, which
 * the build puts in `reference-worker/` beside the bundle whose `import.meta.url` is `entry` (the CLI's, the
 * action's). Without it (a bundle copied alone, the sources run as they are), the main thread reads the reference.
 * Kept apart from the reader, so an entry that allows the worker does not load the reader at start-up.
 */
export function allowReferenceWorker(entry: string): void {
  const script = path.join(path.dirname(fileURLToPath(entry)), "reference-worker", "index.js");
  workerScript = existsSync(script) ? script : undefined;
}

/** The reader's bundle that `allowReferenceWorker` found, if any. */
export function readerWorkerScript(): string | undefined {
  return workerScript;
}
