import { DataError } from "../core/modelgate-error.js";
import { computeGlobalAttributions } from "./compute-global-attributions.js";
import type { Explanations } from "./explanations.js";
import { parseTableFormat } from "../data/table/parse-table-format.js";
import { readDelimitedHeader } from "../data/table/read-delimited-header.js";
import { readTable } from "../data/table/read-table.js";
import { resolveInputPath } from "../data/files/resolve-input-path.js";
import type { FileAccess } from "../data/files/resolve-input-path.js";
import { toPredictionIds } from "../data/predictions/to-prediction-ids.js";

/**
 * Reads a table of per-example attributions (contract §4, as SHAP exports write them): one column per feature,
 * plus the id column when present. The columns come from the header of a CSV or TSV, else from a first pass
 * over the file (JSONL names its keys anywhere; Parquet reads only what is asked); the file must not change
 * before the pass that reads every column as numbers.
 * @throws DataError naming the input, file and column: every readTable error, no rows, no feature column, a
 * feature column with missing, non-numeric or non-finite cells, missing or duplicated ids.
 */
export async function readExplanationsTable(
  spec: string,
  access: FileAccess,
  input: string,
  idColumn: string,
): Promise<Explanations> {
  const columns = await readColumnNames(spec, access, input, idColumn);
  const features = columns.filter((name) => name !== idColumn);
  const where = { input, file: spec };
  if (features.length === 0) {
    throw new DataError(
      `Input "${input}": ${spec} has no feature columns, only "${idColumn}".`,
      `Write one column of attributions per feature into ${spec}.`,
      where,
    );
  }
  const hasId = columns.includes(idColumn);
  const table = await readTable(spec, access, {
    input,
    columns: [
      ...(hasId ? [{ name: idColumn, required: true, as: "string" as const }] : []),
      ...features.map((name) => ({ name, required: true, as: "number" as const })),
    ],
  });
  if (table.fileColumns.join("\n") !== columns.join("\n")) {
    throw new DataError(
      `Input "${input}": ${spec} changed while it was being read.`,
      `Make sure no other step writes ${spec} while this step runs.`,
      where,
    );
  }
  if (table.rows === 0)
    throw new DataError(
      `Input "${input}": ${spec} has a header but no rows.`,
      `Write one row of attributions per example into ${spec}.`,
      where,
    );
  const values = features.map((feature) => {
    const column = table.columns.get(feature)!;
    if (column.kind !== "number")
      throw new Error(`readExplanationsTable: column "${feature}" was not read as numbers.`);
    const bad = column.missing + column.nonNumeric + column.nonFinite;
    if (bad > 0) {
      const first = column.values.findIndex((value) => Number.isNaN(value));
      throw new DataError(
        `Input "${input}": ${spec}, column "${feature}": ${bad} of ${table.rows} cells are not finite numbers (${column.missing} missing, ${column.nonNumeric} not numbers, ${column.nonFinite} NaN or infinite); the first is data row ${first + 1}.`,
        `Every column other than "${idColumn}" is read as a feature's attributions: fill the cells, drop non-attribution columns, or set id-column to the id column's name.`,
        { ...where, path: feature },
      );
    }
    return column.values;
  });
  const idValues = table.columns.get(idColumn);
  const ids = idValues
    ? toPredictionIds(idValues, { input, file: spec, column: idColumn, columnInput: "id-column" })
    : null;
  const local = { features, ids, rows: table.rows, values };
  return { input, name: spec, sha256: table.sha256, global: computeGlobalAttributions(local), local };
}

/** Every column name of the file, in file order: from a CSV or TSV header alone when it can be read so. */
async function readColumnNames(
  spec: string,
  access: FileAccess,
  input: string,
  idColumn: string,
): Promise<readonly string[]> {
  const type = parseTableFormat(spec, input);
  if (type.format === "csv" || type.format === "tsv") {
    const header = await readDelimitedHeader(
      resolveInputPath(spec, access, input),
      type.gzip,
      type.format === "csv" ? "," : "\t",
    );
    if (header) return header;
  }
  return (await readTable(spec, access, { input, columns: [{ name: idColumn, required: false, as: "string" }] }))
    .fileColumns;
}
