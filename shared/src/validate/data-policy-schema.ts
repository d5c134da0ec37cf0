import * as z from "zod/mini";
import { once } from "../core/once.js";

/** Column types a schema can declare (`modelgate infer-schema` writes the same names). */
export const COLUMN_TYPES = ["integer", "number", "string", "boolean", "datetime", "category"] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];

/** Drift methods selectable by name (contract §7); `auto` picks per column by the table of §7. */
export const DRIFT_METHODS = ["auto", "ks", "psi", "chi2", "jensen-shannon", "wasserstein"] as const;
export type DriftMethodName = (typeof DRIFT_METHODS)[number];

/**
 * The `data:` section's schemas, built on first use: a run whose policy has no `data:` section never builds them.
 */
export const dataPolicySchemas = once(() => {
  const finite = z.number().check(z.refine(Number.isFinite, "must be a finite number"));
  const percent = z
    .number()
    .check(z.refine((n) => Number.isFinite(n) && n >= 0 && n <= 100, "must be a percent from 0 to 100"));
  const probability = z
    .number()
    .check(z.refine((n) => Number.isFinite(n) && n > 0 && n < 1, "must be a number between 0 and 1 (exclusive)"));
  const nonNegative = z.number().check(z.refine((n) => Number.isFinite(n) && n >= 0, "must be zero or more"));
  const count = z
    .number()
    .check(z.refine((n) => Number.isSafeInteger(n) && n >= 0, "must be a whole number, zero or more"));
  const regexText = z.string().check(
    z.refine((text) => {
      try {
        new RegExp(text, "u");
        return true;
      } catch {
        return false;
      }
    }, "must be a valid regular expression (JavaScript syntax, Unicode mode)"),
  );

  const ColumnSchemaSchema = z
    .strictObject({
      type: z.enum(COLUMN_TYPES),
      nullable: z.optional(z.boolean()),
      "max-null-pct": z.optional(percent),
      min: z.optional(finite),
      max: z.optional(finite),
      allowed: z.optional(
        z.array(z.union([z.string(), z.number(), z.boolean()])).check(z.minLength(1, "must list at least one value")),
      ),
      pattern: z.optional(regexText),
      unique: z.optional(z.boolean()),
    })
    .check(
      z.refine(
        (c) => c.min === undefined || c.max === undefined || c.min <= c.max,
        "has min greater than max, so no value can pass",
      ),
    );

  const ColumnDriftSchema = z.strictObject({
    method: z.optional(z.enum(DRIFT_METHODS)),
    threshold: z.optional(nonNegative),
    skip: z.optional(z.boolean()),
  });

  const DriftPolicySchema = z.strictObject({
    method: z._default(z.enum(DRIFT_METHODS), "auto"),
    /** The p-value bound of p-value methods (KS, chi-square, two-proportion z). */
    alpha: z._default(probability, 0.05),
    /** Overrides the method's default distance threshold (distance methods only). */
    threshold: z.optional(nonNegative),
    "multiple-testing": z._default(z.enum(["holm", "bh", "none"]), "holm"),
    "min-effect": z._default(nonNegative, 0.05),
    /** Share of compared columns that may drift before the data set as a whole counts as drifted. */
    "max-drift-share": z._default(
      z.number().check(z.refine((n) => Number.isFinite(n) && n >= 0 && n <= 1, "must be a share from 0 to 1")),
      0.5,
    ),
    /** Verdict of one drifted column; the data set's drift share decides `fail`. */
    "on-column-drift": z._default(z.enum(["warn", "fail"]), "warn"),
    sample: z.optional(
      z
        .number()
        .check(z.refine((n) => Number.isSafeInteger(n) && n >= 100, "must be a whole number of rows, 100 or more")),
    ),
    seed: z._default(count, 0),
    columns: z._default(z.record(z.string().check(z.minLength(1)), ColumnDriftSchema), {}),
  });

  const DataPolicySchema = z.strictObject({
    /** Per-column expectations, by exact column name. */
    schema: z._default(
      z.record(z.string().check(z.minLength(1, "column names must not be empty")), ColumnSchemaSchema),
      {},
    ),
    /** exact: the file has the schema's columns and no others; superset: it may have others; subset: it may lack some. */
    columns: z._default(z.enum(["exact", "subset", "superset"]), "superset"),
    rows: z.optional(
      z
        .strictObject({ min: z.optional(count), max: z.optional(count) })
        .check(
          z.refine((r) => r.min === undefined || r.max === undefined || r.min <= r.max, "has min greater than max"),
        ),
    ),
    drift: z.prefault(DriftPolicySchema, {}),
  });
  return { ColumnSchemaSchema, ColumnDriftSchema, DriftPolicySchema, DataPolicySchema };
});
type Schemas = ReturnType<typeof dataPolicySchemas>;
export type ColumnSchema = z.infer<Schemas["ColumnSchemaSchema"]>;
export type ColumnDriftPolicy = z.infer<Schemas["ColumnDriftSchema"]>;
export type DriftPolicy = z.infer<Schemas["DriftPolicySchema"]>;
export type DataPolicy = z.infer<Schemas["DataPolicySchema"]>;
