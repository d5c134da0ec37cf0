import { parentPort } from "node:worker_threads";
import { ReadLimits } from "../data/files/read-limits.js";
import type { ReadLimitValues } from "../data/files/read-limits.js";
import { statSync } from "node:fs";
import { hashFileHere } from "../data/files/hash-file.js";
import { resolveInputPath } from "../data/files/resolve-input-path.js";
import type { FileAccess } from "../data/files/resolve-input-path.js";
import { parseTableFormat } from "../data/table/parse-table-format.js";
import { planTableParts } from "../data/table/plan-table-parts.js";
import { PartNeedsWholeFile } from "../data/table/table-part.js";
import type { TablePart } from "../data/table/table-part.js";
import type { DataPolicy } from "../validate/data-policy-schema.js";
import { streamProfileParts } from "../validate/profile/stream-profile-parts.js";
import type { StreamedParts } from "../validate/profile/stream-profile-parts.js";
import { startReaderJob } from "./reference-worker.js";

const JOB = "modelgate-profile-part";

/**
 * One part of a file to stream into column parts (`streamProfileParts`), with the limits it may use: `part`, or
 * the second of the parts `planFileParts` plans (files of `minSplitBytes` or more), which a worker started before
 * the main thread has planned them finds itself, the same way.
 */
export interface ProfilePartJob {
  spec: string;
  input: string;
  workspace: string;
  allowedRoots: readonly string[];
  limits: ReadLimitValues;
  policy: DataPolicy | undefined;
  part: TablePart | { second: true; minSplitBytes: number };
  /** Shared by the two threads reading a file's parts: the first done with its part hashes the file (`claimDigest`). */
  digestClaim?: SharedArrayBuffer;
}

/** A file's two parts (`planTableParts`), and its size and time before they are read; undefined when read whole. */
export interface PlannedParts {
  absolute: string;
  parts: [TablePart, TablePart];
  before: { size: number; mtimeMs: number };
}

/** Where a file is, its size and time, and whether it may be read in two parts (`mayReadInParts`). */
export interface PartsCheck {
  absolute: string;
  before: { size: number; mtimeMs: number; isFile(): boolean };
  split: boolean;
}

/**
 * Where `spec` is, and whether it is large enough, and of a format, to be read in two parts (`planTableParts`
 * would split it): the check a worker may be started on before the parts are planned. Looked up synchronously: an
 * asynchronous stat is a trip to the thread pool that this thread, which has nothing else to do, would wait for.
 */
export async function mayReadInParts(
  spec: string,
  input: string,
  access: FileAccess,
  minSplitBytes: number,
): Promise<PartsCheck> {
  const type = parseTableFormat(spec, input);
  const absolute = resolveInputPath(spec, access, input);
  const before = statSync(absolute);
  const split = before.isFile() && before.size >= minSplitBytes && !type.gzip && type.format !== "jsonl";
  return { absolute, before, split };
}

/**
 * The two parts `spec` is read in (`planTableParts`), decided by its bytes alone; undefined when it is read whole.
 * `checked`: what `mayReadInParts` found already, which is then not looked up again.
 */
export async function planFileParts(
  spec: string,
  input: string,
  access: FileAccess,
  minSplitBytes: number,
  checked?: PartsCheck,
): Promise<PlannedParts | undefined> {
  const { absolute, before, split } = checked ?? (await mayReadInParts(spec, input, access, minSplitBytes));
  if (!split) return undefined;
  const parts = await planTableParts(absolute, parseTableFormat(spec, input), before.size, minSplitBytes);
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
  let part: TablePart;
  if ("second" in job.part) {
    const planned = await planFileParts(spec, input, { workspace, allowedRoots }, job.part.minSplitBytes);
    if (planned === undefined) throw new PartNeedsWholeFile("the file is read whole");
    part = planned.parts[1];
  } else part = job.part;
  return streamProfileParts(spec, input, { workspace, allowedRoots, limits }, policy, part, only);
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
