import { DataError } from "../core/modelgate-error.js";
import type { DataPolicy } from "./data-policy-schema.js";
import { ReadLimits } from "../data/files/read-limits.js";
import { readTable } from "../data/table/read-table.js";
import { resolveInputPath } from "../data/files/resolve-input-path.js";
import type { FileAccess } from "../data/files/resolve-input-path.js";
import { streamTableBytes } from "../data/table/stream-table-bytes.js";
import type { ColumnReadAs } from "../data/table/column-request.js";
import type { Table } from "../data/table/table.js";
import { Utf8LineChecker } from "../data/table/utf8-line-checker.js";

/**
 * Reads every column of a data set for validate-data: numbers where every cell is numeric, text otherwise, and
 * text always for columns the schema declares as string, category or datetime or gives a pattern (so "007" stays
 * "007"). Refuses what would make a validation meaningless, each with file, line and fix: no data rows, a CSV
 * whose header shows another separator than its extension says, and bytes that are not UTF-8.
 * @throws DataError
 */
export async function readDataTable(
  spec: string,
  input: string,
  access: FileAccess,
  policy: DataPolicy | undefined,
): Promise<Table> {
  const table = await readTable(spec, access, { input, columns: { all: "auto", as: textColumnsOf(policy) } });
  const replacedText = [...table.columns.values()].some(
    (c) => c.kind === "string" && c.dictionary.some((text) => text.includes("\uFFFD")),
  );
  await checkDataTable(table, input, access, replacedText);
  return table;
}

/** The columns validate-data reads as text whatever they hold: declared string, category or datetime, or with a pattern. */
export function textColumnsOf(policy: DataPolicy | undefined): Map<string, ColumnReadAs> {
  const as = new Map<string, ColumnReadAs>();
  for (const [name, column] of Object.entries(policy?.schema ?? {})) {
    if (
      column.type === "string" ||
      column.type === "category" ||
      column.type === "datetime" ||
      column.pattern !== undefined
    )
      as.set(name, "string");
  }
  return as;
}

/**
 * What makes a data set unfit to validate, however it was read (held or streamed into a profile): no data rows, a
 * header separated otherwise than its extension says, bytes that are not UTF-8 (`replacedText`: some text held
 * U+FFFD, which the text readers put in their place). @throws DataError
 */
export async function checkDataTable(
  table: Table<unknown>,
  input: string,
  access: FileAccess,
  replacedText: boolean,
): Promise<void> {
  if (table.rows === 0) {
    throw new DataError(
      `Input "${input}": ${table.name} has a header (${table.fileColumns.length} column${table.fileColumns.length === 1 ? "" : "s"}) but no data rows.`,
      `Check the step that writes ${table.name}: it wrote no rows. A data set (or reference) needs at least one row to validate.`,
      { input, file: table.name },
    );
  }
  assertDelimiterMatches(table, input);
  await assertUtf8(table, input, access, replacedText);
}

function assertDelimiterMatches(table: Table<unknown>, input: string): void {
  if (table.format !== "csv" && table.format !== "tsv") return;
  if (table.fileColumns.length !== 1) return;
  const header = table.fileColumns[0]!;
  const found = [";", "\t", "|", ","].find(
    (separator) => separator !== (table.format === "csv" ? "," : "\t") && header.includes(separator),
  );
  if (found === undefined) return;
  const name = found === "\t" ? "tabs" : `"${found}"`;
  throw new DataError(
    `Input "${input}": ${table.name} line 1 (the header) looks separated by ${name}, but a .${table.format} file is read as ${table.format === "csv" ? "comma" : "tab"}-separated, so every row is one column.`,
    found === "\t"
      ? `Rename the file to .tsv, or re-export it comma-separated.`
      : found === ","
        ? `Rename the file to .csv, or re-export it tab-separated.`
        : `Re-export the file ${table.format === "csv" ? "comma" : "tab"}-separated (pandas: to_csv(sep="${table.format === "csv" ? "," : "\\t"}")).`,
    { input, file: table.name, line: 1 },
  );
}

/** Text readers replace invalid UTF-8 with U+FFFD; find such a cell and name its line, streaming the file again. */
async function assertUtf8(
  table: Table<unknown>,
  input: string,
  access: FileAccess,
  replacedText: boolean,
): Promise<void> {
  const suspicious = replacedText || table.fileColumns.some((name) => name.includes("\uFFFD"));
  if (!suspicious || table.format === "parquet") return;
  const source = { input, file: table.name, absolute: resolveInputPath(table.name, access, input) };
  const checker = new Utf8LineChecker();
  let line: number | undefined;
  try {
    await streamTableBytes(
      source,
      table.gzip,
      async (chunks) => {
        for await (const chunk of chunks) if ((line ??= checker.push(chunk)) !== undefined) return;
        line ??= checker.end();
      },
      (access.limits ?? new ReadLimits()).guard(source),
    );
  } catch (error) {
    // Leaving the loop at the bad line stops the stream early, which gunzip reports as an AbortError.
    if (line === undefined) throw error;
  }
  if (line === undefined) return; // U+FFFD written as such in valid UTF-8 is text like any other
  throw new DataError(
    `Input "${input}": ${table.name} line ${line} holds bytes that are not UTF-8 (likely Latin-1 or Windows-1252 text).`,
    `Re-export the file as UTF-8 (pandas: to_csv(..., encoding="utf-8"); iconv -f latin1 -t utf-8).`,
    { input, file: table.name, line },
  );
}
