import { stat } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { DataError } from "../core/modelgate-error.js";
import { hashFileHere } from "../data/files/hash-file.js";
import type { ReadLimits } from "../data/files/read-limits.js";
import type { FileAccess } from "../data/files/resolve-input-path.js";
import { MIN_SPLIT_BYTES } from "../data/table/plan-table-parts.js";
import type { DataPolicy } from "../validate/data-policy-schema.js";
import { mergeColumnParts } from "../validate/profile/profile-part.js";
import type { ColumnPart } from "../validate/profile/profile-part.js";
import type { Profile } from "../validate/profile/profile-schema.js";
import { checkProfileRead, completeProfile, streamProfile } from "../validate/profile/stream-profile.js";
import type { StreamedParts } from "../validate/profile/stream-profile.js";
import { claimDigest, planFileParts, readPart, startPartRead } from "./profile-part-worker.js";
import type { PartRead, ProfilePartJob } from "./profile-part-worker.js";

/**
 * `modelgate profile build`: the profile of one data file (`streamProfile`), read in two parts at once, on this
 * thread and a worker thread, when the file is large enough to gain from it (`planTableParts`: a CSV or TSV halved at
 * a line end, a Parquet file at a row group; never gzip or JSON Lines). The parts' column profiles merge exactly
 * (`mergeColumnParts`) but for the moments, combined by Chan's formulas: the last bits of a mean or m2 can differ from
 * one running sum over the file. The split depends on the file's bytes only, and a machine with one core (or without
 * the reader's bundle) reads both parts here one after the other: the same file gives the same bytes everywhere.
 * The worker, started with the CLI, is handed the second part once this thread has planned the parts (a Parquet
 * part with the footer this thread parsed), and boots meanwhile.
 * Each part may hold half of the memory limit that is left. A part that cannot be read alone (quotes, a ragged row,
 * a limit reached) has the file read whole, on this thread, which reports any error as a whole read does.
 * `readIn` says which way it was read.
 * @throws DataError, LimitError
 */
export async function profileFile(
  spec: string,
  input: string,
  access: FileAccess & { limits: ReadLimits },
  policy: DataPolicy | undefined,
  minSplitBytes = MIN_SPLIT_BYTES,
): Promise<{ profile: Profile; readIn: "two parts" | "one read" }> {
  const memory = Math.floor((access.limits.values.memory - access.limits.held) / 2);
  const job = (part: ProfilePartJob["part"]): ProfilePartJob => ({
    spec,
    input,
    workspace: access.workspace,
    allowedRoots: access.allowedRoots,
    limits: { ...access.limits.values, memory },
    policy,
    part,
  });
  const planned = await planFileParts(spec, input, access, minSplitBytes).catch(() => undefined);
  // The file's digest is taken by whichever thread is done with its part first.
  const digestClaim = new SharedArrayBuffer(4);
  const worker =
    planned !== undefined && availableParallelism() >= 2
      ? startPartRead({ ...job(planned.parts[1]), digestClaim })
      : undefined;
  try {
    if (planned !== undefined) {
      const { absolute, parts, before } = planned;
      const jobs = parts.map((part) => job(part));
      // Whatever goes wrong (the file gone, unreadable) is reported by the read of the whole file.
      const read = await readParts(absolute, jobs, worker, digestClaim).catch(() => undefined);
      const after = read === undefined ? undefined : await stat(absolute).catch(() => undefined);
      if (read !== undefined && after !== undefined) {
        if (after.size !== before.size || after.mtimeMs !== before.mtimeMs) {
          throw new DataError(
            `Input "${input}": ${spec} changed while it was being read.`,
            `Make sure no other step writes ${spec} while this step runs.`,
            { input, file: spec },
          );
        }
        await checkProfileRead(read.table, read.parts, input, access);
        return { profile: completeProfile(spec, read.table, read.parts), readIn: "two parts" };
      }
    }
  } finally {
    // Waited for: what the worker wrote is handed over before the command returns, and `profile` then ends its
    // process at once (cli/exit-once-written.ts).
    await worker?.cancel();
  }
  return { profile: (await streamProfile(spec, input, access, policy)).profile, readIn: "one read" };
}

/**
 * Both parts read and merged, with the file's digest; undefined when a part cannot be read alone. The second part
 * is read on `worker` (started on the second part's job) while this thread reads the first; the file is hashed by
 * whichever is done with its part first (`claimDigest` on `digestClaim`, which the worker's job shares). Without a
 * worker (one core, no reader's bundle), or when it could not run, both here, one after the other.
 */
async function readParts(
  absolute: string,
  jobs: ProfilePartJob[],
  worker: PartRead | undefined,
  digestClaim: SharedArrayBuffer,
): Promise<StreamedParts | undefined> {
  const [firstJob, secondJob] = jobs as [ProfilePartJob, ProfilePartJob];
  const first = await readPart(firstJob).catch(() => undefined);
  if (first === undefined) return undefined;
  let digest = claimDigest(digestClaim) ? hashFileHere(absolute) : undefined;
  const reply = (await worker?.reply) ?? { lost: true };
  let second: StreamedParts | undefined;
  if ("read" in reply) {
    second = reply.read;
    digest ??= reply.digest;
  } else if ("lost" in reply) second = await readPart(secondJob).catch(() => undefined);
  if (second === undefined) return undefined;
  // The worker claimed the digest but could not take it (it died hashing): here.
  digest ??= hashFileHere(absolute);
  const parts = await mergeParts(first.parts, second.parts, jobs);
  if (parts === undefined) return undefined;
  const rows = first.table.rows + second.table.rows;
  return { parts, table: { ...first.table, rows, sha256: digest.sha256, bytes: digest.bytes } };
}

/**
 * Each column's two parts merged. A column one part read as numbers and the other as text (an "auto" column whose
 * text comes in one part only) is read again as text in both parts, as a read of the whole file reads it again.
 */
async function mergeParts(
  first: ColumnPart[],
  second: ColumnPart[],
  jobs: ProfilePartJob[],
): Promise<ColumnPart[] | undefined> {
  if (first.length !== second.length || first.some((part, i) => part.name !== second[i]!.name)) return undefined;
  const merged = first.map((part, i) => mergeColumnParts(part, second[i]!));
  const again = first.filter((_, i) => merged[i] === undefined).map((part) => part.name);
  if (again.length === 0) return merged as ColumnPart[];
  const [a, b] = await Promise.all(jobs.map((job) => readPart(job, again))).catch(() => [undefined, undefined]);
  if (a === undefined || b === undefined) return undefined;
  return merged.map((part, i) => {
    if (part !== undefined) return part;
    const at = again.indexOf(first[i]!.name);
    return mergeColumnParts(a.parts[at]!, b.parts[at]!)!;
  });
}
