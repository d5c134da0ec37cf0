import { DataError } from "../../core/modelgate-error.js";
import type { ColumnRequest } from "./column-request.js";
import type { TableSource } from "../files/table-source.js";

const LISTED_COLUMNS = 20;

/** Where each requested column sits in the file, and what was odd about the columns nobody asked for. */
export interface BoundColumns {
  /** Requested name -> position in `fileColumns`; absent optional columns are not here. */
  positions: Map<string, number>;
  warnings: string[];
}

/**
 * Matches requested columns to the file's columns by exact name (contract §4: a reader takes only what it
 * needs). Duplicate names among unrequested columns are only a warning, because validate-data's schema
 * check, not the reader, decides whether they matter; a duplicated requested name is ambiguous.
 * @throws DataError when a required column is absent (listing the file's columns) or a requested one is duplicated.
 */
export function bindColumns(
  fileColumns: readonly string[],
  requests: readonly ColumnRequest[],
  source: TableSource,
): BoundColumns {
  const seen = new Map<string, number[]>();
  for (const [position, name] of fileColumns.entries()) {
    const found = seen.get(name);
    if (found) found.push(position);
    else seen.set(name, [position]);
  }
  const positions = new Map<string, number>();
  for (const request of requests) {
    const found = seen.get(request.name);
    if (found && found.length > 1) throw duplicateRequested(request.name, found, source);
    if (found) positions.set(request.name, found[0]!);
  }
  const absent = requests
    .filter((request) => request.required && !positions.has(request.name))
    .map((request) => request.name);
  if (absent.length > 0) throw missingRequired(absent, fileColumns, source);
  const duplicates = [...seen].filter(([name, found]) => found.length > 1 && !positions.has(name));
  const warnings =
    duplicates.length === 0
      ? []
      : [
          `${source.file} has duplicate column names that this step does not read: ${duplicates
            .map(([name, found]) => `${JSON.stringify(name)} (${found.length} times)`)
            .join(", ")}.`,
        ];
  return { positions, warnings };
}

/** The DataError for required columns the file lacks; JSONL raises it after the last line. */
export function missingRequired(
  absent: readonly string[],
  fileColumns: readonly string[],
  source: TableSource,
): DataError {
  const names = absent.map((name) => JSON.stringify(name)).join(", ");
  const shown = fileColumns
    .slice(0, LISTED_COLUMNS)
    .map((name) => JSON.stringify(name))
    .join(", ");
  const more = fileColumns.length > LISTED_COLUMNS ? ` and ${fileColumns.length - LISTED_COLUMNS} more` : "";
  const has = fileColumns.length === 0 ? "It has no columns." : `Its columns: ${shown}${more}.`;
  const near = absent.map((name) => nearMiss(name, fileColumns)).find((hint) => hint !== undefined);
  return new DataError(
    `Input "${source.input}": ${source.file} has no column ${names} (required). ${has}`,
    `${near ? `${near} ` : ""}Names must match exactly (case and spaces count): change the column name the step is given, or the header of ${source.file}.`,
    { input: source.input, file: source.file },
  );
}

function duplicateRequested(name: string, found: readonly number[], source: TableSource): DataError {
  return new DataError(
    `Input "${source.input}": ${source.file} has ${found.length} columns named ${JSON.stringify(name)} (columns ${found.map((p) => p + 1).join(", ")}), so it is ambiguous which one to read.`,
    `Rename the duplicates in ${source.file} so the column this step reads appears once.`,
    { input: source.input, file: source.file },
  );
}

function nearMiss(name: string, fileColumns: readonly string[]): string | undefined {
  const key = name.trim().toLowerCase();
  const match = fileColumns.find((column) => column.trim().toLowerCase() === key);
  return match === undefined ? undefined : `Did you mean ${JSON.stringify(match)}?`;
}
