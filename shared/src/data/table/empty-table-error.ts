import { DataError } from "../../core/modelgate-error.js";
import type { TableSource } from "../files/table-source.js";

/** The DataError for a table with nothing to read; `why` says what is missing ("is 0 bytes", "has no header row"). */
export function emptyTableError(source: TableSource, why: string): DataError {
  return new DataError(
    `Input "${source.input}": ${source.file} is empty: it ${why}.`,
    `Point ${source.input} at a file with a header and rows, or check the step that writes ${source.file}.`,
    { input: source.input, file: source.file },
  );
}
