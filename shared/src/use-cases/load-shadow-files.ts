import type { ShadowInputs } from "../shadow/shadow-inputs.js";
import { readShadowExplanations, type ShadowExplanations } from "../shadow/read-shadow-explanations.js";
import { readShadowLabels, type ShadowLabels } from "../shadow/read-shadow-labels.js";
import { readShadowLog } from "../shadow/read-shadow-log.js";
import type { ShadowColumnNames, ShadowLog } from "../shadow/shadow-log.js";
import { IdInterner } from "../data/table/id-interner.js";
import type { FileAccess } from "../data/files/resolve-input-path.js";

export interface ShadowFiles {
  production: ShadowLog;
  shadow: ShadowLog;
  labels?: ShadowLabels;
  explanations?: ShadowExplanations;
}

/**
 * Reads the two logs, and the labels and explanations when given: the only file reads of a shadow comparison.
 * @throws DataError from the readers, naming the input, file and column.
 */
export async function loadShadowFiles(inputs: ShadowInputs, access: FileAccess): Promise<ShadowFiles> {
  const names: ShadowColumnNames = {
    joinKey: inputs.joinKey,
    prediction: inputs.predictionColumn,
    score: inputs.scoreColumn,
    latency: inputs.latencyColumn,
    timestamp: inputs.timestampColumn,
    slices: inputs.sliceColumns,
  };
  // One interner for both logs: the production log's ids are numbered first, in its order, and the shadow log's
  // ids get the same codes, so the join is by code.
  const interner = new IdInterner();
  const production = await readShadowLog(inputs.production, access, "production", names, interner);
  const shadow = await readShadowLog(inputs.shadow, access, "shadow", { ...names, slices: [] }, interner);
  const labels =
    inputs.labels === undefined
      ? undefined
      : await readShadowLabels(inputs.labels, access, inputs.joinKey, inputs.labelColumn);
  const explanations =
    inputs.shadowExplanations === undefined
      ? undefined
      : await readShadowExplanations(inputs.shadowExplanations, access, inputs.joinKey);
  return { production, shadow, ...(labels && { labels }), ...(explanations && { explanations }) };
}
