import type { Explanations } from "./explanations.js";
import { parseExplanationsJson } from "./parse-explanations-json.js";
import { readExplanationsTable } from "./read-explanations-table.js";
import { documentLimit, readInputFile } from "../data/files/read-input-file.js";
import { JSON_DOCUMENT_MEMORY_SHARE } from "../data/files/read-limits.js";
import type { FileAccess } from "../data/files/resolve-input-path.js";

/**
 * Reads one model's explanations (contract §4): a `.json` summary, or a table of per-example attributions in any
 * format `readTable` reads (chosen by extension, like predictions).
 * @throws DataError from the JSON parser or the table reader, naming the input, file and fix.
 */
export async function readExplanations(
  spec: string,
  access: FileAccess,
  input: string,
  idColumn = "id",
): Promise<Explanations> {
  if (/\.json$/i.test(spec)) {
    const file = await readInputFile(spec, access, input, documentLimit(access, JSON_DOCUMENT_MEMORY_SHARE));
    return parseExplanationsJson(file.text, file.name, file.sha256, input);
  }
  return readExplanationsTable(spec, access, input, idColumn);
}
