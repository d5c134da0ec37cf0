import { stat } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { Worker, parentPort } from "node:worker_threads";
import { ReadLimits } from "../data/files/read-limits.js";
import type { ReadLimitValues } from "../data/files/read-limits.js";
import { resolveInputPath } from "../data/files/resolve-input-path.js";
import type { FileAccess } from "../data/files/resolve-input-path.js";
import type { Table, TableColumn } from "../data/table/table.js";
import type { DataPolicy } from "../validate/data-policy-schema.js";
import { readDataTable } from "../validate/read-data-table.js";
import { readerWorkerScript } from "./reader-worker-script.js";
import { compileOnReaderThreads } from "./reader-worker-compiling.js";
import { WORKER_YOUNG_MB, takePrestartedWorker } from "./prestart-reader-worker.js";

/** Below this size the reference is read on the main thread: a worker costs the load of the reader's bundle. */
const WORKER_MIN_BYTES = 8 * 2 ** 20;
const JOB = "modelgate-read-reference";

interface ReferenceJob {
  kind: typeof JOB;
  spec: string;
  workspace: string;
  allowedRoots: readonly string[];
  limits: ReadLimitValues;
  policy: DataPolicy | undefined;
}

type ReferenceReply = { table: Table; held: number } | { failed: true };

/** A job on a worker thread of the reader's bundle: its reply, undefined when the worker could not run or died. */
export interface ReaderJob<Reply> {
  reply: Promise<Reply | undefined>;
  /** Stops the worker; resolves once it has exited, what it wrote to standard output and error handed over. */
  cancel(): Promise<void>;
}

/**
 * Starts a job (`data` is the worker's `workerData`, which tells the bundle what to serve: a reference read, or
 * `profile build`'s second part) on a worker thread of the reader's bundle that `allowReferenceWorker` found, with
 * the reader's small young generation, or on the worker `prestartReaderWorker` started, as its first message;
 * undefined without the bundle or when no worker starts.
 */
export function startReaderJob<Reply>(data: object): ReaderJob<Reply> | undefined {
  const workerScript = readerWorkerScript();
  if (workerScript === undefined) return undefined;
  let worker: Worker | undefined = takePrestartedWorker();
  try {
    if (worker !== undefined) worker.postMessage(data);
    else {
      compileOnReaderThreads();
      worker = new Worker(workerScript, {
        workerData: data,
        resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_MB },
      });
    }
  } catch {
    void worker?.terminate();
    return undefined;
  }
  const reply = new Promise<Reply | undefined>((resolve) => {
    worker.once("message", (message: Reply) => resolve(message));
    worker.once("error", () => resolve(undefined));
    worker.once("exit", () => resolve(undefined));
  });
  return { reply, cancel: () => worker.terminate().then(() => undefined) };
}

/** A reference being read on a worker thread while the main thread reads the data. */
export interface ReferenceRead {
  /** The table, its bytes held in `limits`; undefined when the worker failed or the memory limit refuses it. */
  table(limits: ReadLimits): Promise<Table | undefined>;
  cancel(): void;
}

/**
 * Starts reading the reference on a worker thread (the same reading as `readDataTable`), so the two files are read
 * at once on two cores. Its number columns are sorted on the main thread with the data's, once the worker is gone:
 * sorting there took a second sort scratch (8 bytes a row) at the moment both tables and the worker are held. Undefined when no worker is allowed, the machine has one
 * core or the file is small. Whatever goes wrong on the worker (a bad file, a limit) gives undefined from `table`:
 * the caller reads the reference again on the main thread, which reports it exactly as a sequential read does.
 */
export async function startReferenceRead(
  spec: string,
  access: FileAccess & { limits: ReadLimits },
  policy: DataPolicy | undefined,
): Promise<ReferenceRead | undefined> {
  if (readerWorkerScript() === undefined || availableParallelism() < 2 || !isWorkerFormat(spec)) return undefined;
  // A path the main thread would refuse is refused there, in its turn after the data.
  const size = await Promise.resolve()
    .then(() => stat(resolveInputPath(spec, access, "reference")))
    .then(
      (info) => (info.isFile() ? info.size : 0),
      () => 0,
    );
  if (size < WORKER_MIN_BYTES) return undefined;
  const job: ReferenceJob = {
    kind: JOB,
    spec,
    workspace: access.workspace,
    allowedRoots: access.allowedRoots,
    limits: { ...access.limits.values },
    policy,
  };
  const started = startReaderJob<ReferenceReply>(job);
  if (started === undefined) return undefined;
  return {
    async table(limits) {
      const answer = await started.reply;
      if (answer === undefined || "failed" in answer) return undefined;
      if (!limits.tryHold(answer.held)) return undefined;
      return answer.table;
    },
    cancel: () => void started.cancel(),
  };
}

/**
 * CSV and TSV (gzipped or not) and Parquet: the formats read into typed columns without a JavaScript value per
 * cell (JSON Lines parses an object per line, which on a second thread adds its garbage to the process's peak).
 */
function isWorkerFormat(spec: string): boolean {
  return /\.(?:(?:csv|tsv)(?:\.gz)?|parquet)$/i.test(spec);
}

/** True for a job `startReferenceRead` gave a worker thread: the reader's bundle (`reference-worker-main.ts`) serves it. */
export function isReferenceJob(data: unknown): boolean {
  return (data as Partial<ReferenceJob> | undefined)?.kind === JOB;
}

/** Reads the job's reference and posts the table back (its arrays moved, not copied). */
export async function serveReferenceJob(data: unknown): Promise<void> {
  const job = data as ReferenceJob;
  let reply: ReferenceReply;
  const transfer = new Set<ArrayBuffer>();
  try {
    const limits = new ReadLimits(job.limits);
    const table = await readDataTable(
      job.spec,
      "reference",
      { workspace: job.workspace, allowedRoots: job.allowedRoots, limits },
      job.policy,
    );
    for (const column of table.columns.values()) transfer.add(bufferOf(column));
    reply = { table, held: limits.held };
  } catch {
    reply = { failed: true };
  }
  parentPort!.postMessage(reply, [...transfer]);
}

function bufferOf(column: TableColumn): ArrayBuffer {
  return (column.kind === "number" ? column.values.buffer : column.codes.buffer) as ArrayBuffer;
}
