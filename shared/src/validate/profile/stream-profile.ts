import { checkDataTable, textColumnsOf } from "../read-data-table.js";
import { ReadLimits } from "../../data/files/read-limits.js";
import { readColumns } from "../../data/table/read-table.js";
import type { FileAccess } from "../../data/files/resolve-input-path.js";
import type { Table } from "../../data/table/table.js";
import type { DataPolicy } from "../data-policy-schema.js";
import { SKETCH_RELATIVE_ACCURACY } from "./log-bucket-sketch.js";
import { profileColumnBuilder } from "./profile-column-builders.js";
import type { ProfileDraft } from "./profile-column-builders.js";
import { compareText } from "./profile-pairs.js";
import type { Profile } from "./profile-schema.js";
import { PROFILE_SCHEMA } from "./profile-schema.js";

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
  const limits = (access.limits ?? new ReadLimits()).withoutRowLimit();
  const read = await readColumns<ProfileDraft>(
    spec,
    { ...access, limits },
    { input, columns: { all: "auto", as: textColumnsOf(policy), builder: profileColumnBuilder } },
  );
  const drafts = [...read.columns.values()];
  await checkDataTable(
    read,
    input,
    access,
    drafts.some((draft) => draft.replacedText),
  );
  const columns = drafts
    .map((draft) => draft.complete(read.rows, read.sha256))
    .sort((a, b) => compareText(a.name, b.name));
  const profile: Profile = {
    schema: PROFILE_SCHEMA,
    sketch_relative_accuracy: SKETCH_RELATIVE_ACCURACY,
    rows: read.rows,
    shards: [{ file: spec, sha256: read.sha256, rows: read.rows }],
    columns,
  };
  const { name, format, gzip, sha256, bytes, rows, fileColumns, warnings } = read;
  return { profile, table: { name, format, gzip, sha256, bytes, rows, fileColumns, warnings } };
}
