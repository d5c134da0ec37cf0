import { DataError } from "../errors/modelgate-error.js";
import { readTable } from "../data/read-table.js";
import type { FileAccess } from "../data/resolve-input-path.js";
import type { NumberColumn, StringColumn } from "../data/table.js";

/** The shadow's per-request attributions, as its top reasons. */
export interface ShadowExplanations {
  file: string;
  /** The `count` features with the largest |attribution| for a request, as "feature (+0.31)"; [] when unknown. */
  topReasons(id: string, count?: number): string[];
}

/**
 * Reads per-request attributions of the shadow (contract §4's table form, as SHAP exports: one numeric column per
 * feature plus the join key).
 * @throws DataError naming the file: every readTable error, no feature column beside the id.
 */
export async function readShadowExplanations(spec: string, access: FileAccess, joinKey: string): Promise<ShadowExplanations> {
  const probe = await readTable(spec, access, { input: "shadow-explanations", columns: [{ name: joinKey, required: true, as: "string" }] });
  const features = [...new Set(probe.fileColumns)].filter((name) => name !== joinKey);
  if (features.length === 0) {
    throw new DataError(`Input "shadow-explanations": ${spec} has no attribution column beside "${joinKey}".`, "Give one numeric column per feature (the shadow's attribution for each request) beside the id column.", {
      input: "shadow-explanations",
      file: spec,
    });
  }
  const table = await readTable(spec, access, {
    input: "shadow-explanations",
    columns: [{ name: joinKey, required: true, as: "string" }, ...features.map((name) => ({ name, required: true, as: "number" as const }))],
  });
  const ids = table.columns.get(joinKey) as StringColumn;
  const columns = features.map((name) => table.columns.get(name) as NumberColumn);
  const rowOf = new Map<string, number>();
  for (let row = 0; row < table.rows; row++) {
    const code = ids.codes[row] as number;
    if (code >= 0 && !rowOf.has(ids.dictionary[code] as string)) rowOf.set(ids.dictionary[code] as string, row);
  }
  return {
    file: spec,
    topReasons(id, count = 3) {
      const row = rowOf.get(id);
      if (row === undefined) return [];
      return columns
        .map((column, i) => ({ feature: features[i] as string, value: column.values[row] as number }))
        .filter((entry) => !Number.isNaN(entry.value) && entry.value !== 0)
        .sort((a, b) => Math.abs(b.value) - Math.abs(a.value) || (a.feature < b.feature ? -1 : 1))
        .slice(0, count)
        .map(({ feature, value }) => `${feature} (${value >= 0 ? "+" : ""}${value.toPrecision(3)})`);
    },
  };
}
