import { DataError } from "../core/modelgate-error.js";
import { documentLimit, readInputFile } from "../data/files/read-input-file.js";
import { JSON_DOCUMENT_MEMORY_SHARE } from "../data/files/read-limits.js";
import { readTable } from "../data/table/read-table.js";
import type { FileAccess } from "../data/files/resolve-input-path.js";
import type { NumberColumn, StringColumn } from "../data/table/table.js";

/** The shadow's per-request attributions, as its top reasons. */
export interface ShadowExplanations {
  file: string;
  /** The `count` features with the largest |attribution| for a request, as "feature (+0.31)"; [] when unknown. */
  topReasons(id: string, count?: number): string[];
}

/**
 * Reads per-request attributions of the shadow, in either form of contract §4: JSON with `local: [{id,
 * attributions: {feature: value}}]`, or a table as SHAP exports (one numeric column per feature plus the join key).
 * @throws DataError naming the file: every reader error, JSON that is not of that shape, no feature column beside the id.
 */
export async function readShadowExplanations(
  spec: string,
  access: FileAccess,
  joinKey: string,
): Promise<ShadowExplanations> {
  if (/\.json$/i.test(spec)) return readJsonExplanations(spec, access);
  const probe = await readTable(spec, access, {
    input: "shadow-explanations",
    columns: [{ name: joinKey, required: true, as: "string" }],
  });
  const features = [...new Set(probe.fileColumns)].filter((name) => name !== joinKey);
  if (features.length === 0) {
    throw new DataError(
      `Input "shadow-explanations": ${spec} has no attribution column beside "${joinKey}".`,
      "Give one numeric column per feature (the shadow's attribution for each request) beside the id column.",
      {
        input: "shadow-explanations",
        file: spec,
      },
    );
  }
  const table = await readTable(spec, access, {
    input: "shadow-explanations",
    columns: [
      { name: joinKey, required: true, as: "string" },
      ...features.map((name) => ({ name, required: true, as: "number" as const })),
    ],
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
      return row === undefined
        ? []
        : toReasons(
            columns.map((column, i) => [features[i] as string, column.values[row] as number]),
            count,
          );
    },
  };
}

async function readJsonExplanations(spec: string, access: FileAccess): Promise<ShadowExplanations> {
  const file = await readInputFile(
    spec,
    access,
    "shadow-explanations",
    documentLimit(access, JSON_DOCUMENT_MEMORY_SHARE),
  );
  const refuse = (why: string) =>
    new DataError(
      `Input "shadow-explanations": ${spec} ${why}`,
      'Give {"local": [{"id": "<request id>", "attributions": {"<feature>": <number>, …}}, …]}, or a table with the id and one column per feature.',
      {
        input: "shadow-explanations",
        file: spec,
      },
    );
  let parsed: unknown;
  try {
    parsed = JSON.parse(file.text);
  } catch {
    throw refuse("is not valid JSON.");
  }
  const local = (parsed as { local?: unknown } | null)?.local;
  if (!Array.isArray(local)) throw refuse('has no "local" list of per-request attributions.');
  const byId = new Map<string, [string, number][]>();
  local.forEach((entry: unknown, i) => {
    const { id, attributions } = (entry ?? {}) as { id?: unknown; attributions?: unknown };
    if (typeof id !== "string" || typeof attributions !== "object" || attributions === null)
      throw refuse(`has local[${i}] without a string "id" and an "attributions" object.`);
    if (!byId.has(id))
      byId.set(
        id,
        Object.entries(attributions).filter((pair): pair is [string, number] => typeof pair[1] === "number"),
      );
  });
  return { file: spec, topReasons: (id, count = 3) => toReasons(byId.get(id) ?? [], count) };
}

/** The `count` largest |attribution| first (ties by name), zeros and NaN left out, as "feature (+0.31)". */
function toReasons(entries: readonly (readonly [string, number])[], count: number): string[] {
  return entries
    .filter(([, value]) => !Number.isNaN(value) && value !== 0)
    .sort(([fa, a], [fb, b]) => Math.abs(b) - Math.abs(a) || (fa < fb ? -1 : fa > fb ? 1 : 0))
    .slice(0, count)
    .map(([feature, value]) => `${feature} (${value >= 0 ? "+" : ""}${value.toPrecision(3)})`);
}
