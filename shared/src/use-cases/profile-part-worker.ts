import { parentPort } from "node:worker_threads";
import { ReadLimits } from "../data/files/read-limits.js";
import type { ReadLimitValues } from "../data/files/read-limits.js";
import { statSync } from "node:fs";
import { hashFileHere } from "../data/files/hash-file.js";
import { resolveInputPath } from "../data/files/resolve-input-path.js";
import type { FileAccess } from "../data/files/resolve-input-path.js";
import { parseTableFormat } from "../data/table/parse-table-format.js";
import { planTableParts } from "../data/table/plan-table-parts.js";
import type { TablePart } from "../data/table/table-part.js";
import type { DataPolicy } from "../validate/data-policy-schema.js";
import { streamProfileParts } from "../validate/profile/stream-profile-parts.js";
import type { StreamedParts } from "../validate/profile/stream-profile-parts.js";
import { startReaderJob } from "./reference-worker.js";

const JOB = "modelgate-profile-part";

/**
 * One part of a file to stream into column parts (`streamProfileParts`), with the limits it may use. A Parquet part
 * carries the footer the main thread's plan parsed, so a worker reads its row groups without parsing it again.
 */
export interface ProfilePartJob {
  spec: string;
  input: string;
  workspace: string;
  allowedRoots: readonly string[];
  limits: ReadLimitValues;
  policy: DataPolicy | undefined;
  part: TablePart;
  /** Shared by the two threads reading a file's parts: the first done with its part hashes the file (`claimDigest`). */
  digestClaim?: SharedArrayBuffer;
}

/** A file's two parts (`planTableParts`), and its size and time before they are read; undefined when read whole. */
export interface PlannedParts {
  absolute: string;
  parts: [TablePart, TablePart];
  before: { size: number; mtimeMs: number };
}

/**
 * The two parts `spec` is read in (`planTableParts`), decided by its bytes alone; undefined when it is read whole
 * (not a file, under `minSplitBytes`, gzipped or JSON Lines, or as `planTableParts` decides). Looked up
 * synchronously: an asynchronous stat is a trip to the thread pool that this thread, which has nothing else to do,
 * would wait for.
 */
export async function planFileParts(
  spec: string,
  input: string,
  access: FileAccess,
  minSplitBytes: number,
): Promise<PlannedParts | undefined> {
  const type = parseTableFormat(spec, input);
  const absolute = resolveInputPath(spec, access, input);
  const before = statSync(absolute);
  if (!before.isFile() || before.size < minSplitBytes || type.gzip || type.format === "jsonl") return undefined;
  const parts = await planTableParts(absolute, type, before.size, minSplitBytes);
  return parts === undefined ? undefined : { absolute, parts, before };
}

/**
 * What a part's read on a worker thread gives: its column parts; `refused` when the read threw (the file, or this
 * part of it, must be read whole, which reports why); `lost` when the worker could not run it (read it here).
 */
export type PartReply =
  { read: StreamedParts; digest?: { sha256: string; bytes: number } } | { refused: true } | { lost: true };

/**
 * Whether this thread hashes the file: true for the first of the two threads reading its parts to ask, once done
 * with its part, so the digest (the same bytes whichever thread takes it) is taken while the other still reads.
 */
export function claimDigest(claim: SharedArrayBuffer | undefined): boolean {
  return claim === undefined || Atomics.compareExchange(new Int32Array(claim), 0, 0, 1) === 0;
}

/** A part being read on a worker thread. */
export interface PartRead {
  reply: Promise<PartReply>;
  /** Stops the worker; resolves once it has exited, what it wrote to standard output and error handed over. */
  cancel(): Promise<void>;
}

/** Starts reading a part on a worker thread from the reader's bundle; undefined without the bundle. */
export function startPartRead(job: ProfilePartJob): PartRead | undefined {
  const started = startReaderJob<PartReply>({ kind: JOB, ...job });
  if (started === undefined) return undefined;
  return { reply: started.reply.then((reply) => reply ?? { lost: true }), cancel: started.cancel };
}

/** Reads a part on this thread, as the worker does. */
export async function readPart(job: ProfilePartJob, only?: readonly string[]): Promise<StreamedParts> {
  const { spec, input, workspace, allowedRoots, policy } = job;
  const limits = new ReadLimits(job.limits);
  return streamProfileParts(spec, input, { workspace, allowedRoots, limits }, policy, job.part, only);
}

/** True for a job `startPartRead` gave a worker thread: the reader's bundle then serves it. */
export function isProfilePartJob(data: unknown): boolean {
  return (data as { kind?: string } | undefined)?.kind === JOB;
}

/**
 * Reads the job's part and posts its column parts back (text counts and sketch buckets moved, not copied), with the
 * file's digest when this thread is the first done with its part (`claimDigest`).
 */
export async function serveProfilePartJob(data: unknown): Promise<void> {
  const job = data as ProfilePartJob;
  let reply: PartReply;
  const transfer: ArrayBuffer[] = [];
  try {
    const read = await readPart(job);
    for (const part of read.parts) {
      if (part.kind === "string") transfer.push(part.counts.buffer as ArrayBuffer);
      else
        for (const { indices, counts } of [part.tally.positive, part.tally.negative])
          transfer.push(indices.buffer as ArrayBuffer, counts.buffer as ArrayBuffer);
    }
    const { spec, input, workspace, allowedRoots, digestClaim } = job;
    const hashed = digestClaim !== undefined && claimDigest(digestClaim);
    reply = hashed
      ? { read, digest: hashFileHere(resolveInputPath(spec, { workspace, allowedRoots }, input)) }
      : { read };
  } catch {
    reply = { refused: true };
  }
  parentPort!.postMessage(reply, transfer);
}
