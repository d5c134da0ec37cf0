import { createReadStream } from "node:fs";
import { parse } from "csv-parse";
import { MAX_ROW_CHARS } from "../files/read-limits.js";

/**
 * The first record of a CSV or TSV file (optionally gzip), parsed as `readDelimitedTable` parses it, without
 * reading further: a table whose columns are not known in advance (one per feature) is then read in one pass.
 * Undefined when the header cannot be read this way (empty, unreadable or corrupt file, a header over 1 MiB); the
 * caller's full read then reports why.
 */
export async function readDelimitedHeader(
  absolute: string,
  gzip: boolean,
  delimiter: "," | "\t",
): Promise<string[] | undefined> {
  const parser = parse({
    delimiter,
    bom: true,
    relax_quotes: true,
    skip_empty_lines: true,
    to: 1,
    max_record_size: MAX_ROW_CHARS,
  });
  const file = createReadStream(absolute, { highWaterMark: 1 << 16 });
  // node:zlib loaded for a .gz file only: a plain file's run never needs it.
  const bytes = gzip ? process.getBuiltinModule("node:zlib").createGunzip() : undefined;
  file.on("error", (error) => parser.destroy(error));
  bytes?.on("error", (error) => parser.destroy(error));
  if (bytes) file.pipe(bytes).pipe(parser);
  else file.pipe(parser);
  try {
    for await (const record of parser as AsyncIterable<string[]>) return record;
    return undefined;
  } catch {
    return undefined;
  } finally {
    file.destroy();
    bytes?.destroy();
  }
}
