import { checkDataTable, textColumnsOf } from "../read-data-table.js";
import { ReadLimits } from "../../data/files/read-limits.js";
import { readColumns } from "../../data/table/read-table.js";
import type { FileAccess } from "../../data/files/resolve-input-path.js";
import type { ColumnRequest } from "../../data/table/column-request.js";
import type { TablePart } from "../../data/table/table-part.js";
import type { Table } from "../../data/table/table.js";
import type { DataPolicy } from "../data-policy-schema.js";
import { SKETCH_RELATIVE_ACCURACY } from "./log-bucket-sketch.js";
import { profileColumnBuilder } from "./profile-column-builders.js";
import type { ProfileDraft } from "./profile-column-builders.js";
import { compareText } from "./profile-pairs.js";
import { completeColumn } from "./profile-part.js";
import type { ColumnPart } from "./profile-part.js";
import type { Profile } from "./profile-schema.js";
import { PROFILE_SCHEMA } from "./profile-schema.js";

/** A file's profile, streamed, and what was read of the file (its columns are the profile's). */
export interface StreamedProfile {
  profile: Profile;
  table: Omit<Table<unknown>, "columns">;
}

/** What a read of a file, or of a part of it, yields: each column's part, in the file's order, and the read itself. */
export interface StreamedParts {
  parts: ColumnPart[];
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

/**
 * The columns of a file, or of one `part` of it, streamed into their parts as `streamProfile` reads them (with no
 * rows limit), without its checks of the whole file; `only` reads just those columns, as text (a column that one part
 * read as numbers and the other as text). The limits' memory account is charged as for a whole file.
 * @throws DataError, LimitError; PartNeedsWholeFile for a part that cannot be read alone.
 */
export async function streamProfileParts(
  spec: string,
  input: string,
  access: FileAccess,
  policy: DataPolicy | undefined,
  part?: TablePart,
  only?: readonly string[],
): Promise<StreamedParts> {
  const limits = (access.limits ?? new ReadLimits()).withoutRowLimit();
  const builder = profileColumnBuilder;
  const columns =
    only === undefined
      ? { all: "auto" as const, as: textColumnsOf(policy), builder }
      : only.map((name): ColumnRequest => ({ name, required: true, as: "string", builder }));
  const read = await readColumns<ProfileDraft>(
    spec,
    { ...access, limits },
    { input, columns, ...(part ? { part } : {}) },
  );
  const parts = [...read.columns.values()].map((draft) => draft.part);
  const { name, format, gzip, sha256, bytes, rows, fileColumns, warnings } = read;
  return { parts, table: { name, format, gzip, sha256, bytes, rows, fileColumns, warnings } };
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
