import { textColumnsOf } from "../read-data-table.js";
import { ReadLimits } from "../../data/files/read-limits.js";
import { readColumns } from "../../data/table/read-table.js";
import type { FileAccess } from "../../data/files/resolve-input-path.js";
import type { ColumnRequest } from "../../data/table/column-request.js";
import type { TablePart } from "../../data/table/table-part.js";
import type { Table } from "../../data/table/table.js";
import type { DataPolicy } from "../data-policy-schema.js";
import { profileColumnBuilder } from "./profile-column-builders.js";
import type { ProfileDraft } from "./profile-column-builders.js";
import type { ColumnPart } from "./profile-part.js";

// Without the profile's schema (zod): the reader's worker thread loads this and not the rest of a profile.

/** What a read of a file, or of a part of it, yields: each column's part, in the file's order, and the read itself. */
export interface StreamedParts {
  parts: ColumnPart[];
  table: Omit<Table<unknown>, "columns">;
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
