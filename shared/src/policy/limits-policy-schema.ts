import * as z from "zod/mini";
import { once } from "../core/once.js";
import { BYTE_SIZE_PATTERN, parseByteSize } from "../core/byte-size.js";

/**
 * The `limits:` section's schema, built on first use: a run whose policy has no `limits:` section never builds it.
 */
export const limitsPolicySchema = once(() => {
  const positiveInteger = z
    .number()
    .check(z.refine((n) => Number.isSafeInteger(n) && n >= 1, "must be a whole number of at least 1"));
  const byteSize = z.union([
    positiveInteger,
    z.string().check(
      z.regex(BYTE_SIZE_PATTERN, "must be a size such as 2 GiB, 512 MiB or a whole number of bytes"),
      z.refine((text) => parseByteSize(text) !== undefined, "must be at least 1 byte"),
    ),
  ]);

  /**
   * The limits on what the gates read (the catalog's "Limits"): per table file `rows`, `columns` and `bytes` (its
   * size uncompressed), and `memory`, what the tables of one run hold together. Sizes are bytes or `2 GiB`-style text.
   */
  const LimitsPolicySchema = z.strictObject({
    rows: z.optional(positiveInteger),
    columns: z.optional(positiveInteger),
    bytes: z.optional(byteSize),
    memory: z.optional(byteSize),
  });
  return LimitsPolicySchema;
});
export type LimitsPolicy = z.infer<ReturnType<typeof limitsPolicySchema>>;
