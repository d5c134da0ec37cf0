import type { NumberColumn, StringColumn, Table } from "../../data/table/table.js";
import { codeCounts } from "../column-values.js";
import { keepTopValues } from "./keep-top-values.js";
import { SKETCH_RELATIVE_ACCURACY } from "./log-bucket-sketch.js";
import { NumberTally, tallyProfile } from "./number-tally.js";
import { compareText, sortedPairs } from "./profile-pairs.js";
import { HELD_COLUMN_TALLY_UP_TO, tallyHeldColumn } from "./tally-held-column.js";
import type { ColumnProfile, NumberProfile, Profile, StringProfile } from "./profile-schema.js";
import { MAX_STRING_LEVELS } from "./profile-levels.js";
import { PROFILE_SCHEMA } from "./profile-schema-id.js";

/** The profile of one data file: what `modelgate profile merge` combines and drift on profiles compares. */
export function buildProfile(table: Table): Profile {
  const shard = { file: table.name, sha256: table.sha256, rows: table.rows };
  const columns = [...table.columns.values()].map((column): ColumnProfile =>
    column.kind === "number" ? profileNumbers(column, table) : profileStrings(column, table.rows),
  );
  return {
    schema: PROFILE_SCHEMA,
    sketch_relative_accuracy: SKETCH_RELATIVE_ACCURACY,
    rows: table.rows,
    shards: [shard],
    columns: columns.sort((a, b) => compareText(a.name, b.name)),
  };
}

function profileNumbers(column: NumberColumn, table: Table): NumberProfile {
  if (column.values.length <= HELD_COLUMN_TALLY_UP_TO)
    return tallyProfile(tallyHeldColumn(column.values), column, table.rows, table.sha256);
  const tally = new NumberTally();
  tally.addMany(column.values, 0, column.values.length);
  return tally.profile(column, table.rows, table.sha256);
}

function profileStrings(column: StringColumn, rows: number): StringProfile {
  const counts = codeCounts(column);
  const kept = keepTopValues(column.dictionary, counts);
  const pairs = kept.codes.map((code): [string, number] => [column.dictionary[code]!, counts[code]!]);
  return {
    kind: "string",
    name: column.name,
    rows,
    missing: column.missing,
    values: sortedPairs(pairs),
    other: kept.other,
  };
}

/** Keeps the `MAX_STRING_LEVELS` most frequent values (ties by text), folding the rest into `other`. */
export function capLevels(
  pairs: Array<[string, number]>,
  other: { values: number; rows: number } | null,
): Pick<StringProfile, "values" | "other"> {
  if (pairs.length <= MAX_STRING_LEVELS) return { values: sortedPairs(pairs), other };
  const ranked = [...pairs].sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]));
  const folded = ranked.slice(MAX_STRING_LEVELS);
  const rest = {
    values: (other?.values ?? 0) + folded.length,
    rows: (other?.rows ?? 0) + folded.reduce((sum, [, n]) => sum + n, 0),
  };
  return { values: sortedPairs(ranked.slice(0, MAX_STRING_LEVELS)), other: rest };
}
