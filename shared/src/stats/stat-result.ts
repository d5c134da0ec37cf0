/** A statistic that exists for valid input but not for this input (one class only, zero variance, ...). */
export interface CannotCompute {
  ok: false;
  /** One sentence for the report: what is missing, and why the statistic is undefined without it. */
  reason: string;
}

/**
 * The result of a statistic that may be undefined for valid input (style rule 6): fields of `T` when `ok`,
 * a reason otherwise, never NaN or null.
 */
export type StatResult<T extends object> = (T & { ok: true }) | CannotCompute;

/** A single number or the reason it does not exist. */
export type ScalarResult = StatResult<{ value: number }>;

/** Builds the "cannot compute" branch of a `StatResult`. */
export function cannotCompute(reason: string): CannotCompute {
  return { ok: false, reason };
}
