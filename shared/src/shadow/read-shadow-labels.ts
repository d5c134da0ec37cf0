import { DataError } from "../core/modelgate-error.js";
import { readTable } from "../data/table/read-table.js";
import type { FileAccess } from "../data/files/resolve-input-path.js";
import type { StringColumn } from "../data/table/table.js";

/** Delayed ground truth: request id → true class, as text. */
export interface ShadowLabels {
  file: string;
  sha256: string;
  byId: ReadonlyMap<string, string>;
}

/**
 * Reads the `labels` file: the join key and the label column, one row per request.
 * @throws DataError naming the file and column: every readTable error, a missing id, a repeated id.
 */
export async function readShadowLabels(
  spec: string,
  access: FileAccess,
  joinKey: string,
  labelColumn: string,
): Promise<ShadowLabels> {
  const table = await readTable(spec, access, {
    input: "labels",
    columns: [
      { name: joinKey, required: true, as: "string" },
      { name: labelColumn, required: true, as: "string" },
    ],
  });
  const ids = table.columns.get(joinKey) as StringColumn;
  const labels = table.columns.get(labelColumn) as StringColumn;
  const byId = new Map<string, string>();
  for (let row = 0; row < table.rows; row++) {
    const id = ids.codes[row] as number;
    const label = labels.codes[row] as number;
    if (id < 0) {
      throw new DataError(
        `Input "labels": ${spec} has a row without a request id in "${joinKey}" (data row ${row + 1}).`,
        "Give every label row the id of the request it labels.",
        {
          input: "labels",
          file: spec,
          path: joinKey,
        },
      );
    }
    if (label < 0) continue;
    const key = ids.dictionary[id] as string;
    if (byId.has(key)) {
      throw new DataError(
        `Input "labels": ${spec} labels request ${JSON.stringify(key.slice(0, 40))} twice (data row ${row + 1}).`,
        "Keep one label per request id in the labels file.",
        { input: "labels", file: spec, path: joinKey },
      );
    }
    byId.set(key, labels.dictionary[label] as string);
  }
  return { file: spec, sha256: table.sha256, byId };
}
