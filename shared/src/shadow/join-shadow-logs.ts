import { DataError } from "../errors/modelgate-error.js";
import type { StringColumn } from "../data/table.js";
import type { ShadowLog } from "./shadow-log.js";

/** What to do with a request id logged more than once: refuse the log, or keep its first or last row. */
export type DuplicatePolicy = "error" | "first" | "last";

/** Duplicated ids in one log: how many rows repeat an id, how many ids are repeated, and the first such id. */
export interface Duplicates {
  rows: number;
  ids: number;
  first?: string;
}

/** The two logs joined on the request id: row i of the pairs is the same request in both logs. */
export interface JoinedLogs {
  /** 0-based rows of the production and shadow logs, one entry per request answered by both. */
  productionRows: Int32Array;
  shadowRows: Int32Array;
  /** Distinct request ids in each log, and how many of them only one log has. */
  productionRequests: number;
  shadowRequests: number;
  onlyProduction: number;
  onlyShadow: number;
  /** Ids logged more than once in each log, resolved by `policy`. */
  duplicates: { production: Duplicates; shadow: Duplicates };
  policy: DuplicatePolicy;
}

/**
 * Joins the production and shadow logs on their request ids (an inner join; unmatched requests are counted, never
 * dropped silently), one row per id by the duplicate policy. Pairs come in the order of the production log.
 * @throws DataError naming both files: duplicated ids under policy "error" (how many, the first), no id in common.
 */
export function joinShadowLogs(production: ShadowLog, shadow: ShadowLog, policy: DuplicatePolicy): JoinedLogs {
  const productionPick = pickRows(production, policy);
  const shadowPick = pickRows(shadow, policy);
  const shadowCode = new Map<string, number>();
  shadow.ids.dictionary.forEach((id, code) => shadowCode.set(id, code));
  const productionRows: number[] = [];
  const shadowRows: number[] = [];
  production.ids.dictionary.forEach((id, code) => {
    const other = shadowCode.get(id);
    if (other === undefined) return;
    productionRows.push(productionPick.rows[code] as number);
    shadowRows.push(shadowPick.rows[other] as number);
  });
  const paired = productionRows.length;
  if (paired === 0) {
    throw new DataError(
      `Inputs "production" (${production.file}) and "shadow" (${shadow.file}) have no request id in common: ${production.ids.dictionary.length} ids against ${shadow.ids.dictionary.length}, e.g. ${sample(production.ids)} and ${sample(shadow.ids)}.`,
      "Both logs must carry the same request id for the same request: check that join-key names the same id column in both and that the logs cover the same time window.",
      { input: "shadow", file: shadow.file },
    );
  }
  return {
    productionRows: Int32Array.from(productionRows),
    shadowRows: Int32Array.from(shadowRows),
    productionRequests: production.ids.dictionary.length,
    shadowRequests: shadow.ids.dictionary.length,
    onlyProduction: production.ids.dictionary.length - paired,
    onlyShadow: shadow.ids.dictionary.length - paired,
    duplicates: { production: productionPick.duplicates, shadow: shadowPick.duplicates },
    policy,
  };
}

/** The row kept for each distinct id (indexed by dictionary code), and the duplicates seen. */
function pickRows(log: ShadowLog, policy: DuplicatePolicy): { rows: Int32Array; duplicates: Duplicates } {
  const { codes, dictionary } = log.ids;
  const rows = new Int32Array(dictionary.length).fill(-1);
  const repeats = new Int32Array(dictionary.length);
  let duplicateRows = 0;
  let firstCode = -1;
  for (let row = 0; row < codes.length; row++) {
    const code = codes[row] as number;
    if (rows[code] === -1 || policy === "last") {
      if (rows[code] !== -1) {
        duplicateRows++;
        if (repeats[code]!++ === 0 && firstCode < 0) firstCode = code;
      }
      rows[code] = row;
    } else {
      duplicateRows++;
      if (repeats[code]!++ === 0 && firstCode < 0) firstCode = code;
    }
  }
  const ids = repeats.reduce((count, r) => count + (r > 0 ? 1 : 0), 0);
  const duplicates: Duplicates = { rows: duplicateRows, ids, ...(firstCode >= 0 && { first: dictionary[firstCode] as string }) };
  if (policy === "error" && duplicateRows > 0) {
    throw new DataError(
      `Input "${log.input}": ${log.file} logs ${ids} request ids more than once (${duplicateRows} extra rows); the first repeated id is ${JSON.stringify(truncate(duplicates.first ?? ""))}. duplicate-ids is "error".`,
      `Set duplicate-ids to "first" (keep the first answer per id) or "last" (keep the last, e.g. after retries), or deduplicate ${log.file} before this step.`,
      { input: log.input, file: log.file },
    );
  }
  return { rows, duplicates };
}

function sample(ids: StringColumn): string {
  return JSON.stringify(truncate(ids.dictionary[0] ?? ""));
}

function truncate(id: string): string {
  return id.length > 40 ? `${id.slice(0, 40)}…` : id;
}
