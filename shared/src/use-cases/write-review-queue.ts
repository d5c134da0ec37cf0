import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { DataError } from "../core/modelgate-error.js";
import type { ReviewRow } from "../shadow/to-review-rows.js";
import { resolveInputPath, type FileAccess } from "../data/files/resolve-input-path.js";

/** RFC 4180 quoting; a leading = + - @ is prefixed with ' so a spreadsheet never runs a logged string as a formula. */
function toCsvCell(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) && !/^-?\d/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * Writes the review queue as CSV (header, then one row per request, an empty `label` column to fill in), inside
 * the workspace or RUNNER_TEMP like every path a workflow gives.
 * @throws DataError naming review-queue when the path leaves the allowed folders or cannot be written.
 */
export async function writeReviewQueue(
  spec: string,
  access: FileAccess,
  queue: { columns: string[]; rows: ReviewRow[] },
): Promise<string> {
  const absolute = resolveInputPath(spec, access, "review-queue");
  const lines = [
    queue.columns.map(toCsvCell).join(","),
    ...queue.rows.map((row) => queue.columns.map((column) => toCsvCell(row[column] ?? "")).join(",")),
  ];
  try {
    await mkdir(path.dirname(absolute), { recursive: true });
    await writeFile(absolute, `${lines.join("\n")}\n`);
  } catch (cause) {
    throw new DataError(
      `Input "review-queue": ${spec} cannot be written (${(cause as NodeJS.ErrnoException).code ?? "error"}).`,
      "Point review-queue at a writable path in the workspace or RUNNER_TEMP.",
      {
        input: "review-queue",
        file: spec,
      },
      { cause },
    );
  }
  return spec;
}
