import * as z from "zod/mini";
import { PROFILE_SCHEMA } from "./profile-schema-id.js";

const count = z.int().check(z.nonnegative());
const sha256 = z.string().check(z.regex(/^[0-9a-f]{64}$/));
/** [bucket index, count] pairs, ascending by index. */
const buckets = z.array(z.tuple([z.int(), count.check(z.positive())]));
/** [value text, count] pairs, ascending by text. */
const valueCounts = z.array(z.tuple([z.string(), count.check(z.positive())]));

/** One data file a profile covers. Merging refuses a file counted twice. */
export const ProfileShardSchema = z.object({ file: z.string(), sha256, rows: count });

/** Count, mean and sum of squared deviations of one shard's finite values (merged with Chan et al.'s formulas). */
export const MomentsSchema = z.object({
  shard: sha256,
  count,
  mean: z.number(),
  m2: z.number().check(z.nonnegative()),
});

export const NumberProfileSchema = z.object({
  kind: z.literal("number"),
  name: z.string(),
  rows: count,
  missing: count,
  non_numeric: count,
  non_finite: count,
  min: z.nullable(z.number()),
  max: z.nullable(z.number()),
  /** Per shard, in shard digest order: exact, and combined in one fixed order so merging in any order gives the same bytes. */
  moments: z.array(MomentsSchema),
  sketch: z.object({ zero: count, positive: buckets, negative: buckets }),
  /** Exact counts per distinct value while there are at most `MAX_NUMBER_LEVELS` of them; null beyond. */
  values: z.nullable(valueCounts),
});

export const StringProfileSchema = z.object({
  kind: z.literal("string"),
  name: z.string(),
  rows: count,
  missing: count,
  /** Exact counts per distinct value, up to `MAX_STRING_LEVELS` values; the rest are counted in `other`. */
  values: valueCounts,
  other: z.nullable(z.object({ values: count, rows: count })),
});

export const ColumnProfileSchema = z.discriminatedUnion("kind", [NumberProfileSchema, StringProfileSchema]);

/** A mergeable profile of one or more data files (shards of one data set): counts, value counts and sketches. */
export const ProfileSchema = z.object({
  schema: z.literal(PROFILE_SCHEMA),
  sketch_relative_accuracy: z.number().check(z.positive()),
  rows: count,
  shards: z.array(ProfileShardSchema).check(z.minLength(1)),
  /** Sorted by name. */
  columns: z.array(ColumnProfileSchema),
});

export type Profile = z.infer<typeof ProfileSchema>;
export type ColumnProfile = z.infer<typeof ColumnProfileSchema>;
export type NumberProfile = z.infer<typeof NumberProfileSchema>;
export type StringProfile = z.infer<typeof StringProfileSchema>;
