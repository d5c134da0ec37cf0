import { isMainThread, parentPort, workerData } from "node:worker_threads";
import { ReadLimits } from "../data/files/read-limits.js";
import type { ReadLimitValues } from "../data/files/read-limits.js";
import type { TablePart } from "../data/table/table-part.js";
import type { DataPolicy } from "../validate/data-policy-schema.js";
import { streamProfileParts } from "../validate/profile/stream-profile-parts.js";
import type { StreamedParts } from "../validate/profile/stream-profile-parts.js";
import { startReaderJob } from "./reference-worker.js";

const JOB = "modelgate-profile-part";

/** One part of a file to stream into column parts (`streamProfileParts`), with the limits it may use. */
export interface ProfilePartJob {
  spec: string;
  input: string;
  workspace: string;
  allowedRoots: readonly string[];
  limits: ReadLimitValues;
  policy: DataPolicy | undefined;
  part: TablePart;
}

/**
 * What a part's read on a worker thread gives: its column parts; `refused` when the read threw (the file, or this
 * part of it, must be read whole, which reports why); `lost` when the worker could not run it (read it here).
 */
export type PartReply = { read: StreamedParts } | { refused: true } | { lost: true };

/** A part being read on a worker thread. */
export interface PartRead {
  reply: Promise<PartReply>;
  cancel(): void;
}

/** Starts reading a part on a worker thread from the reader's bundle; undefined without the bundle. */
export function startPartRead(job: ProfilePartJob): PartRead | undefined {
  const started = startReaderJob<PartReply>({ kind: JOB, ...job });
  if (started === undefined) return undefined;
  return { reply: started.reply.then((reply) => reply ?? { lost: true }), cancel: started.cancel };
}

/** Reads a part on this thread, as the worker does. */
export async function readPart(job: ProfilePartJob, only?: readonly string[]): Promise<StreamedParts> {
  const { spec, input, workspace, allowedRoots, policy, part } = job;
  const limits = new ReadLimits(job.limits);
  return streamProfileParts(spec, input, { workspace, allowedRoots, limits }, policy, part, only);
}

/** True on a worker thread started by `startPartRead`: the reader's bundle then serves it. */
export function isProfilePartWorker(): boolean {
  return !isMainThread && (workerData as { kind?: string } | undefined)?.kind === JOB;
}

/** Reads the job's part and posts its column parts back (text counts moved, not copied). */
export async function serveProfilePartWorker(): Promise<void> {
  let reply: PartReply;
  const transfer: ArrayBuffer[] = [];
  try {
    const read = await readPart(workerData as ProfilePartJob);
    for (const part of read.parts) if (part.kind === "string") transfer.push(part.counts.buffer as ArrayBuffer);
    reply = { read };
  } catch {
    reply = { refused: true };
  }
  parentPort!.postMessage(reply, transfer);
}
