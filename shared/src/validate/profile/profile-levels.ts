// Without zod: the readers that count a profile (on a worker thread too) need these and not the schema.

/** Number columns keep exact value counts up to this many distinct values (enough for contract §7's ≤ 5 levels rule). */
export const MAX_NUMBER_LEVELS = 20;
/** Text columns keep exact counts for this many distinct values; beyond, the rarest are folded into `other`. */
export const MAX_STRING_LEVELS = 10_000;
