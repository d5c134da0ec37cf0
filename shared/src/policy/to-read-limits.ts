import { parseByteSize } from "../core/byte-size.js";
import { ReadLimits } from "../data/files/read-limits.js";
import type { ReadLimitValues } from "../data/files/read-limits.js";
import type { LimitsPolicy } from "./limits-policy-schema.js";

/** The limits a policy's `limits:` sets, in bytes and counts (what it leaves out keeps its default). */
export function policyLimitValues(limits: LimitsPolicy | undefined): Partial<ReadLimitValues> {
  const values: Partial<ReadLimitValues> = {};
  if (limits?.rows !== undefined) values.rows = limits.rows;
  if (limits?.columns !== undefined) values.columns = limits.columns;
  for (const name of ["bytes", "memory"] as const) {
    const size = limits?.[name];
    if (size !== undefined) values[name] = typeof size === "number" ? size : parseByteSize(size)!;
  }
  return values;
}

/** The run's `ReadLimits` from the policy's `limits:`; refusals name `limits.<name> in <file>` as the setting to change. */
export function toReadLimits(limits: LimitsPolicy | undefined, file: string): ReadLimits {
  return new ReadLimits(policyLimitValues(limits), (name) => `limits.${name} in ${file}`);
}
