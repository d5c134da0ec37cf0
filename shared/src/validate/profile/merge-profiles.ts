import { DataError } from "../../core/modelgate-error.js";
import { capLevels } from "./build-profile.js";
import { mergeSketches } from "./log-bucket-sketch.js";
import type { ColumnProfile, NumberProfile, Profile, StringProfile } from "./profile-schema.js";
import { compareText, fromSketchJson, sortedPairs, toSketchJson } from "./profile-pairs.js";
import { MAX_NUMBER_LEVELS } from "./profile-levels.js";

/** A profile and the file it was read from, for messages. */
export interface NamedProfile {
  file: string;
  profile: Profile;
}

/**
 * Combines the profiles of shards of one data set into the profile of the whole. Every count, sketch bucket and
 * value count adds exactly and per-shard moments are kept apart, so merging in any order or grouping gives the
 * same bytes. A shard counted twice, a column one shard lacks, or a column read as numbers in one shard and text
 * in another is refused, naming the profiles.
 * @throws DataError naming the profile files and the column.
 */
export function mergeProfiles(profiles: readonly NamedProfile[]): Profile {
  if (profiles.length === 0)
    throw new DataError(
      "No profile to merge.",
      "Pass the profiles of the shards (validate-data's profile output), at least one.",
    );
  const [first, ...rest] = profiles;
  let merged = first!.profile;
  const seen = new Map(first!.profile.shards.map((shard) => [shard.sha256, first!.file]));
  for (const next of rest) {
    if (next.profile.sketch_relative_accuracy !== merged.sketch_relative_accuracy) {
      throw new DataError(
        `${next.file} was sketched with relative accuracy ${next.profile.sketch_relative_accuracy}, ${first!.file} with ${merged.sketch_relative_accuracy}.`,
        "Profile every shard with the same modelgate version.",
        { file: next.file },
      );
    }
    for (const shard of next.profile.shards) {
      const earlier = seen.get(shard.sha256);
      if (earlier !== undefined) {
        throw new DataError(
          `${next.file} and ${earlier} both cover ${shard.file} (sha256 ${shard.sha256.slice(0, 12)}…): its rows would count twice.`,
          "Merge each shard's profile once.",
          { file: next.file },
        );
      }
      seen.set(shard.sha256, next.file);
    }
    merged = mergeTwo(merged, next.profile, first!.file, next.file);
  }
  return merged;
}

function mergeTwo(a: Profile, b: Profile, aFile: string, bFile: string): Profile {
  const bColumns = new Map(b.columns.map((column) => [column.name, column]));
  const missing = (file: string, name: string) =>
    new DataError(
      `Column "${name}" is not in ${file}, but the other profiles have it.`,
      "Profile shards with the same columns (the same header or schema).",
      { file, path: name },
    );
  if (b.columns.length !== a.columns.length) {
    const aNames = new Set(a.columns.map((column) => column.name));
    const extra = b.columns.find((column) => !aNames.has(column.name));
    if (extra) throw missing(aFile, extra.name);
  }
  const columns = a.columns.map((column): ColumnProfile => {
    const other = bColumns.get(column.name);
    if (!other) throw missing(bFile, column.name);
    if (other.kind !== column.kind) {
      throw new DataError(
        `Column "${column.name}" holds ${column.kind === "number" ? "numbers" : "text"} in ${aFile} but ${other.kind === "number" ? "numbers" : "text"} in ${bFile}.`,
        `Declare its type in the policy's data.schema so every shard reads it the same way.`,
        { file: bFile, path: column.name },
      );
    }
    return column.kind === "number"
      ? mergeNumbers(column, other as NumberProfile)
      : mergeStrings(column, other as StringProfile);
  });
  const shards = [...a.shards, ...b.shards].sort((x, y) => compareText(x.sha256, y.sha256));
  return { ...a, rows: a.rows + b.rows, shards, columns };
}

function mergeNumbers(a: NumberProfile, b: NumberProfile): NumberProfile {
  const bound = (x: number | null, y: number | null, pick: (p: number, q: number) => number) =>
    x === null ? y : y === null ? x : pick(x, y);
  let values: NumberProfile["values"] = null;
  if (a.values !== null && b.values !== null) {
    const counts = new Map(a.values);
    for (const [text, n] of b.values) counts.set(text, (counts.get(text) ?? 0) + n);
    values = counts.size > MAX_NUMBER_LEVELS ? null : sortedPairs([...counts]);
  }
  return {
    kind: "number",
    name: a.name,
    rows: a.rows + b.rows,
    missing: a.missing + b.missing,
    non_numeric: a.non_numeric + b.non_numeric,
    non_finite: a.non_finite + b.non_finite,
    min: bound(a.min, b.min, Math.min),
    max: bound(a.max, b.max, Math.max),
    moments: [...a.moments, ...b.moments].sort((x, y) => compareText(x.shard, y.shard)),
    sketch: toSketchJson(mergeSketches(fromSketchJson(a.sketch), fromSketchJson(b.sketch))),
    values,
  };
}

function mergeStrings(a: StringProfile, b: StringProfile): StringProfile {
  const counts = new Map(a.values);
  for (const [text, n] of b.values) counts.set(text, (counts.get(text) ?? 0) + n);
  const other =
    a.other === null && b.other === null
      ? null
      : { values: (a.other?.values ?? 0) + (b.other?.values ?? 0), rows: (a.other?.rows ?? 0) + (b.other?.rows ?? 0) };
  return {
    kind: "string",
    name: a.name,
    rows: a.rows + b.rows,
    missing: a.missing + b.missing,
    ...capLevels([...counts], other),
  };
}
