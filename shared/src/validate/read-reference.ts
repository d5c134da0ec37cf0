import { LimitError } from "../data/files/limit-error.js";
import { readDataTable } from "./read-data-table.js";
import { ReadLimits } from "../data/files/read-limits.js";
import type { FileAccess } from "../data/files/resolve-input-path.js";
import type { Table } from "../data/table/table.js";
import type { DataPolicy } from "./data-policy-schema.js";
import { streamProfile } from "./profile/stream-profile.js";
import type { StreamedProfile } from "./profile/stream-profile.js";

/** The reference as validate-data compares it: held as a table, or streamed into its profile when too large to hold. */
export type ReadReference = { table: Table } | { streamed: StreamedProfile; refusal: LimitError };

/**
 * Reads the reference for drift. One too large to hold under the rows or memory limit (the training set, often far
 * larger than a batch) is not refused: drift needs only its counts and quantile sketches, so it is streamed into its
 * profile in memory that does not grow with its rows, and compared as profiles are; the refusal it would have
 * been is kept so the result can say so. Other refusals (bytes, columns, bad data) stand.
 * @throws DataError, LimitError
 */
export async function readReference(
  spec: string,
  access: FileAccess,
  policy: DataPolicy | undefined,
): Promise<ReadReference> {
  const limits = access.limits ?? new ReadLimits();
  const run = { ...access, limits };
  const held = limits.held;
  try {
    return { table: await readDataTable(spec, "reference", run, policy) };
  } catch (error) {
    if (!(error instanceof LimitError) || (error.limit !== "rows" && error.limit !== "memory")) throw error;
    // What the refused read held is garbage now: give it back before streaming.
    limits.releaseTo(held);
    return { streamed: await streamProfile(spec, "reference", run, policy), refusal: error };
  }
}
