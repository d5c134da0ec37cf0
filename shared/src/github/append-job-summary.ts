import { accessSync, appendFileSync, constants } from "node:fs";

/**
 * Appends `markdown` to the job summary file, as `core.summary.addRaw(markdown).write()` does (the same access check
 * and message, the same append), but synchronously: the asynchronous write took four trips to libuv's thread pool
 * (access, open, write, close) at the end of every run, the main thread waiting on each.
 * @throws Error when the file cannot be read and written, or the append fails.
 */
export function appendJobSummary(file: string, markdown: string): void {
  try {
    accessSync(file, constants.R_OK | constants.W_OK);
  } catch {
    throw new Error(`Unable to access summary file: '${file}'. Check if the file has correct read/write permissions.`);
  }
  appendFileSync(file, markdown, { encoding: "utf8" });
}
