import { parseByteSize } from "../core/byte-size.js";
import { READ_LIMIT_NAMES, ReadLimits } from "../data/files/read-limits.js";
import type { ReadLimitName, ReadLimitValues } from "../data/files/read-limits.js";
import type { LimitsPolicy } from "../policy/limits-policy-schema.js";
import { policyLimitValues } from "../policy/to-read-limits.js";
import { UsageError } from "./commands.js";

/** The help lines of `--limit`, for the commands that read a table without a gate's policy. */
export const LIMIT_FLAG_HELP = `  --limit NAME=VALUE   raise or lower a read limit (repeatable): rows=N, columns=N, bytes=SIZE
                       (uncompressed file size), memory=SIZE (data held), e.g. --limit memory=2GiB`;

/**
 * The read limits of a command run from `--limit NAME=VALUE` flags, over the policy's `limits:` when one was given
 * and the defaults: refusals then point at the flag.
 * @throws UsageError for an unknown name or a value that is not a positive whole number (rows, columns) or size.
 */
export function readLimitFlags(flags: readonly string[], policy?: LimitsPolicy): ReadLimits {
  const values: Partial<ReadLimitValues> = policyLimitValues(policy);
  for (const flag of flags) {
    const [name = "", value = ""] = flag.split("=", 2);
    if (!(READ_LIMIT_NAMES as readonly string[]).includes(name))
      throw new UsageError(
        `--limit ${flag}: the limits are ${READ_LIMIT_NAMES.join(", ")} (e.g. --limit rows=20000000).`,
      );
    const parsed =
      name === "bytes" || name === "memory"
        ? parseByteSize(value)
        : /^\d+$/.test(value) && Number(value) >= 1
          ? Number(value)
          : undefined;
    if (parsed === undefined || !Number.isSafeInteger(parsed))
      throw new UsageError(
        `--limit ${flag}: ${name} takes ${name === "bytes" || name === "memory" ? "a size such as 2GiB or 512MiB" : "a whole number of at least 1"}.`,
      );
    values[name as ReadLimitName] = parsed;
  }
  return new ReadLimits(values, (name) => `--limit ${name}=…`);
}
