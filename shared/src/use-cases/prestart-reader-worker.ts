import { Worker } from "node:worker_threads";
import { compileOnReaderThreads } from "./reader-worker-compiling.js";
import { readerWorkerScript } from "./reader-worker-script.js";

/**
 * The reader worker's young generation: 1 MiB semi-spaces (V8 splits it in three). Its garbage is the read buffers,
 * freed at each scavenge; with the 8 MiB it had, about 25 MiB of spent buffers waited for one at the process's peak.
 */
export const WORKER_YOUNG_MB = 3;
/** The `workerData` of a worker started before its job is known: its first message is the job. */
export const PENDING_JOB = "modelgate-pending-reader-job";

/** What a worker started before its job loads while it waits: the Parquet reader, for a job that reads Parquet. */
export type PendingJobPreload = "parquet" | undefined;

let prestarted: Worker | undefined;

/**
 * Starts the reader's worker thread now, before its job is known, so that it boots and loads the reader's bundle
 * while this thread loads the command and reads its arguments (about 0.1 s); `takePrestartedWorker` hands it the
 * job. Unreferenced until then: a command that does not take it exits as if it had not been started. Only for an
 * entry that found the bundle (`allowReferenceWorker`). With `preload`, the worker loads that reader while it waits.
 */
export function prestartReaderWorker(preload?: PendingJobPreload): void {
  const workerScript = readerWorkerScript();
  if (workerScript === undefined || prestarted !== undefined) return;
  try {
    compileOnReaderThreads();
    const worker = new Worker(workerScript, {
      workerData: { kind: PENDING_JOB, preload },
      resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_MB },
    });
    worker.unref();
    // A worker that could not boot is not handed a job.
    worker.once("exit", () => {
      if (prestarted === worker) prestarted = undefined;
    });
    worker.once("error", () => {
      if (prestarted === worker) prestarted = undefined;
    });
    prestarted = worker;
  } catch {
    prestarted = undefined;
  }
}

/** The worker `prestartReaderWorker` started, referenced again, for the caller to post its job to; at most once. */
export function takePrestartedWorker(): Worker | undefined {
  const worker = prestarted;
  prestarted = undefined;
  worker?.ref();
  return worker;
}
