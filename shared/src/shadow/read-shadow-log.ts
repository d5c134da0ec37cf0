import { DataError } from "../core/modelgate-error.js";
import { IdInterner } from "../data/table/id-interner.js";
import { readColumns } from "../data/table/read-table.js";
import type { FileAccess } from "../data/files/resolve-input-path.js";
import type { ColumnRequest } from "../data/table/column-request.js";
import type { NumberColumn, StringColumn, Table, TableColumn } from "../data/table/table.js";
import type { ShadowColumnNames, ShadowLog } from "./shadow-log.js";
import { TimeWindowBuilder, type TimestampCells } from "./time-window-builder.js";
import { timestampsOfColumn, toTimeWindow } from "./to-time-window.js";

const COLUMN_INPUTS = {
  prediction: "prediction-column",
  score: "score-column",
  latency: "latency-column",
  timestamp: "timestamp-column",
} as const;

/**
 * Reads a production or shadow log (CSV, TSV, JSONL or Parquet, optionally .gz, streamed) with only the join key,
 * prediction, score, latency, timestamp and slice columns. The join key is required; a log needs a prediction or a
 * score column; latency and timestamp are read when present.
 * @throws DataError naming the input, file and column: every readTable error, a missing join key, neither prediction
 * nor score, a log without rows, ids missing, latencies missing, non-numeric or negative, timestamps missing or
 * unreadable, non-numeric scores, a slice column the log lacks.
 */
export async function readShadowLog(
  spec: string,
  access: FileAccess,
  input: string,
  names: ShadowColumnNames,
  interner = new IdInterner(),
): Promise<ShadowLog> {
  const requests: ColumnRequest[] = [
    // Ids interned as bytes: a million request ids as strings in a Map would be the largest thing in memory.
    { name: names.joinKey, required: true, as: "string", interner },
    { name: names.prediction, required: false, as: "string" },
    { name: names.score, required: false, as: "number" },
    { name: names.latency, required: false, as: "number" },
    ...names.slices.map((name) => ({ name, required: false, as: "string" as const })),
    // Timestamps summarized as read (first, last, order): no string per row, whatever the log's length. Last, so
    // that a column also read for another purpose is read for that one, and its cells summarized from it.
    { name: names.timestamp, required: false, as: "auto", builder: () => new TimeWindowBuilder() },
  ];
  const unique = requests.filter((request, i) => requests.findIndex((other) => other.name === request.name) === i);
  const table = await readColumns<TableColumn | TimestampCells>(spec, access, { input, columns: unique });
  const fail = (message: string, hint: string, column?: string) =>
    new DataError(`Input "${input}": ${spec} ${message}`, hint, { input, file: spec, ...(column && { path: column }) });
  if (table.rows === 0)
    throw fail(
      "has a header but no rows, so there is nothing to compare.",
      `Point ${input} at a log with at least one request.`,
    );
  const ids = table.columns.get(names.joinKey) as StringColumn;
  if (ids.missing > 0) {
    throw fail(
      `has ${ids.missing} of ${table.rows} rows without a value in the join key "${names.joinKey}"; the first is data row ${ids.codes.indexOf(-1) + 1}.`,
      `Give every logged request its id, or set join-key to a column every row has.`,
      names.joinKey,
    );
  }
  const predictions = table.columns.get(names.prediction) as StringColumn | undefined;
  const scoreColumn = table.columns.get(names.score) as NumberColumn | undefined;
  if (!predictions && !scoreColumn) {
    throw fail(
      `has neither a prediction column "${names.prediction}" nor a score column "${names.score}". Its columns: ${table.fileColumns
        .slice(0, 20)
        .map((c) => JSON.stringify(c))
        .join(", ")}.`,
      `Set prediction-column (the predicted class) or score-column (the score) to the column of ${spec} that holds the model's answer.`,
    );
  }
  if (scoreColumn && scoreColumn.nonNumeric + scoreColumn.nonFinite > 0) {
    throw fail(
      `has ${scoreColumn.nonNumeric + scoreColumn.nonFinite} scores in "${names.score}" that are not finite numbers.`,
      `Log scores as plain numbers (missing ones as empty), or set ${COLUMN_INPUTS.score} to the right column.`,
      names.score,
    );
  }
  const latencies = readLatencies(table, names.latency, fail);
  const timestamps = table.columns.get(names.timestamp);
  const window = timestamps
    ? toTimeWindow(
        timestamps.kind === "timestamps" ? timestamps : timestampsOfColumn(timestamps, interner),
        (message, hint) => fail(message, hint, names.timestamp),
      )
    : undefined;
  const slices = new Map<string, StringColumn>();
  for (const name of names.slices) {
    const column = table.columns.get(name);
    // A slice the log lacks would be left out of the breakdown without a word, as evaluate's and bias's are not.
    if (!column) {
      throw fail(
        `has no slice column "${name}" (slice-columns). Its columns: ${table.fileColumns
          .slice(0, 20)
          .map((c) => JSON.stringify(c))
          .join(", ")}.`,
        `Set slice-columns to columns of ${spec}, comma-separated, or log "${name}" with each request.`,
        name,
      );
    }
    slices.set(name, column as StringColumn);
  }
  return {
    input,
    file: spec,
    sha256: table.sha256,
    rows: table.rows,
    ids,
    interner,
    ...(predictions && { predictions }),
    ...(scoreColumn && { scores: scoreColumn.values }),
    ...(latencies && { latencies }),
    ...(window && { window }),
    slices,
    warnings: table.warnings,
  };
}

function readLatencies(
  table: Table<TableColumn | TimestampCells>,
  name: string,
  fail: (message: string, hint: string, column?: string) => DataError,
): Float64Array | undefined {
  const column = table.columns.get(name);
  if (!column || column.kind !== "number") return undefined;
  const bad = column.missing + column.nonNumeric + column.nonFinite;
  if (bad > 0) {
    const first = column.values.findIndex(Number.isNaN);
    throw fail(
      `has ${bad} rows whose latency in "${name}" is missing or not a number; the first is data row ${first + 1}.`,
      `Log a latency for every request (milliseconds as a plain number), or set ${COLUMN_INPUTS.latency} to a column that has one.`,
      name,
    );
  }
  let negative = 0;
  let first = -1;
  column.values.forEach((value, row) => {
    if (value < 0) {
      negative++;
      if (first < 0) first = row;
    }
  });
  if (negative > 0) {
    throw fail(
      `has ${negative} negative latencies in "${name}"; the first is ${column.values[first]} at data row ${first + 1}.`,
      `A latency is a duration and cannot be negative: check the clock arithmetic that logs "${name}".`,
      name,
    );
  }
  return column.values;
}
