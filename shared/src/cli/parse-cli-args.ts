import { parseArgs } from "node:util";
import type { ParseArgsConfig } from "node:util";
import { UsageError } from "./commands.js";

/**
 * `parseArgs` (node:util), refusing a flag that takes one value but is given twice: parseArgs keeps the last, so
 * `--candidate a.json --candidate b.json` would judge b.json without a word. Flags declared `multiple` (shown as
 * "repeatable" in the command's help) may repeat.
 * @throws UsageError naming the flag and both values.
 */
export function parseCliArgs<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>> {
  const parsed = parseArgs({ ...config, tokens: true });
  const given = new Map<string, string[]>();
  for (const token of parsed.tokens ?? []) {
    if (token.kind !== "option" || config.options?.[token.name]?.multiple) continue;
    const values = [...(given.get(token.name) ?? []), token.value === undefined ? "" : JSON.stringify(token.value)];
    given.set(token.name, values);
    if (values.length < 2) continue;
    if (config.options?.[token.name]?.type === "boolean")
      throw new UsageError(`--${token.name} is given twice; give it once.`);
    throw new UsageError(
      `--${token.name} is given twice (${values.join(", then ")}); it takes one value, so give it once.`,
    );
  }
  return parsed as unknown as ReturnType<typeof parseArgs<T>>;
}
