import { isMainThread, parentPort, workerData } from "node:worker_threads";
import { isProfilePartJob, serveProfilePartJob } from "./profile-part-worker.js";
import { PENDING_JOB } from "./prestart-reader-worker.js";
import type { PendingJobPreload } from "./prestart-reader-worker.js";
import { isReferenceJob, serveReferenceJob } from "./reference-worker.js";

// The entry of the reference reader's own bundle (`reference-worker/index.js` beside the CLI's and validate-data's):
// a worker thread that loads only the readers starts sooner and holds less than one that loads a whole gate. It also
// reads the second part of a file `modelgate profile build` reads on two threads. A worker started before its job
// was known (`prestartReaderWorker`) gets the job as its first message, and loads the reader it was told the job
// needs while it waits (a failed load is ignored here: the job's own load reports it).
const pending = workerData as { kind?: string; preload?: PendingJobPreload } | undefined;
if (!isMainThread && pending?.kind === PENDING_JOB && pending.preload === "parquet")
  import("../data/table/read-parquet-table.js").catch(() => undefined);
const job: unknown =
  !isMainThread && pending?.kind === PENDING_JOB
    ? await new Promise((resolve) => parentPort!.once("message", resolve))
    : workerData;
if (!isMainThread && isReferenceJob(job)) await serveReferenceJob(job);
else if (!isMainThread && isProfilePartJob(job)) await serveProfilePartJob(job);
else {
  process.stderr.write(
    "This bundle reads validate-data's reference on a worker thread; run modelgate or the action instead.\n",
  );
  process.exitCode = 2;
}
