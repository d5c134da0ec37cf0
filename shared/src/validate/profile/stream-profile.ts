import { checkDataTable } from "../read-data-table.js";
import type { FileAccess } from "../../data/files/resolve-input-path.js";
import type { Table } from "../../data/table/table.js";
import type { DataPolicy } from "../data-policy-schema.js";
import { SKETCH_RELATIVE_ACCURACY } from "./log-bucket-sketch.js";
import { compareText } from "./profile-pairs.js";
import { completeColumn } from "./profile-part.js";
import type { ColumnPart } from "./profile-part.js";
import type { Profile } from "./profile-schema.js";
import { PROFILE_SCHEMA } from "./profile-schema-id.js";
import { streamProfileParts } from "./stream-profile-parts.js";

export { streamProfileParts } from "./stream-profile-parts.js";
export type { StreamedParts } from "./stream-profile-parts.js";

/** A file's profile, streamed, and what was read of the file (its columns are the profile's). */
export interface StreamedProfile {
  profile: Profile;
  table: Omit<Table<unknown>, "columns">;
}

/**
 * The profile of a data file read as a stream straight into counts and sketches, holding no row: the same bytes as
 * `buildProfile` on the file's table (the same columns read the same way, summed in the same order), in memory
 * that follows the distinct texts, not the rows. So it is bounded by the bytes, columns and memory limits but not
 * by the rows limit. The same refusals as `readDataTable` (no rows, wrong separator, bytes that are not UTF-8).
 * @throws DataError, LimitError
 */
export async function streamProfile(
  spec: string,
  input: string,
  access: FileAccess,
  policy: DataPolicy | undefined,
): Promise<StreamedProfile> {
  const { parts, table } = await streamProfileParts(spec, input, access, policy);
  await checkProfileRead(table, parts, input, access);
  return { profile: completeProfile(spec, table, parts), table };
}

/** `readDataTable`'s refusals of a file read into column parts: no rows, a wrong separator, bytes that are not UTF-8. */
export function checkProfileRead(
  table: Omit<Table<unknown>, "columns">,
  parts: readonly ColumnPart[],
  input: string,
  access: FileAccess,
): Promise<void> {
  const replaced = parts.some((part) => part.kind === "string" && part.replaced);
  return checkDataTable({ ...table, columns: new Map() }, input, access, replaced);
}

/** The profile of a file read whole: its column parts completed with its row count and digest, sorted by name. */
export function completeProfile(
  spec: string,
  table: Omit<Table<unknown>, "columns">,
  parts: readonly ColumnPart[],
): Profile {
  const columns = parts
    .map((part) => completeColumn(part, table.rows, table.sha256))
    .sort((a, b) => compareText(a.name, b.name));
  return {
    schema: PROFILE_SCHEMA,
    sketch_relative_accuracy: SKETCH_RELATIVE_ACCURACY,
    rows: table.rows,
    shards: [{ file: spec, sha256: table.sha256, rows: table.rows }],
    columns,
  };
}
