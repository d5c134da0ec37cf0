import { statSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { MIN_SPLIT_BYTES } from "../data/table/plan-table-parts.js";
import { prestartReaderWorker } from "../use-cases/prestart-reader-worker.js";

/** `profile build`'s options that take a value: the next argument, unless given as `--name=value`. */
const VALUED: ReadonlySet<string> = new Set(["--output", "--policy", "--limit"]);

/**
 * For `modelgate profile build FILE …` (`args` after `build`): starts the reader's worker thread at once when FILE
 * is likely to be read in two parts (`profileFile`: a CSV, TSV or Parquet file of `MIN_SPLIT_BYTES` or more, on two
 * cores or more), so that the worker boots, and loads the Parquet reader for a Parquet file, while this thread loads
 * the command, its policy and its limits. A guess from the arguments as given: the command decides as before, and a
 * worker it does not take costs only its start.
 */
export function prestartProfileBuild(args: readonly string[]): void {
  const file = firstPositional(args);
  if (file === undefined || !/\.(?:csv|tsv|parquet)$/i.test(file) || availableParallelism() < 2) return;
  let size: number;
  try {
    const info = statSync(path.resolve(file));
    size = info.isFile() ? info.size : 0;
  } catch {
    return;
  }
  if (size >= MIN_SPLIT_BYTES) prestartReaderWorker(/\.parquet$/i.test(file) ? "parquet" : undefined);
}

function firstPositional(args: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--") return args[i + 1];
    if (VALUED.has(arg)) i++;
    else if (!arg.startsWith("-")) return arg;
  }
  return undefined;
}
