import { DataError } from "../core/modelgate-error.js";
import type { IdInterner } from "../data/table/id-interner.js";
import { requestId } from "./shadow-log.js";
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
  const interner = production.interner;
  // Logs read with one interner share codes; otherwise the shadow log's ids are numbered in the production log's.
  const shadowCodes = shadow.interner === interner ? shadow.ids.codes : recode(shadow, interner);
  const size = interner.size;
  const productionPick = pickRows(production, production.ids.codes, size, policy);
  const shadowPick = pickRows(shadow, shadowCodes, size, policy);
  // Codes number ids in order of first appearance in the production log (read first): pairs follow that order.
  let paired = 0;
  for (let code = 0; code < size; code++) if (productionPick.rows[code]! >= 0 && shadowPick.rows[code]! >= 0) paired++;
  const productionRows = new Int32Array(paired);
  const shadowRows = new Int32Array(paired);
  for (let code = 0, k = 0; code < size; code++) {
    if (productionPick.rows[code]! < 0 || shadowPick.rows[code]! < 0) continue;
    productionRows[k] = productionPick.rows[code]!;
    shadowRows[k++] = shadowPick.rows[code]!;
  }
  if (paired === 0) {
    throw new DataError(
      `Inputs "production" (${production.file}) and "shadow" (${shadow.file}) have no request id in common: ${productionPick.distinct} ids against ${shadowPick.distinct}, e.g. ${sample(production)} and ${sample(shadow)}.`,
      "Both logs must carry the same request id for the same request: check that join-key names the same id column in both and that the logs cover the same time window.",
      { input: "shadow", file: shadow.file },
    );
  }
  return {
    productionRows,
    shadowRows,
    productionRequests: productionPick.distinct,
    shadowRequests: shadowPick.distinct,
    onlyProduction: productionPick.distinct - paired,
    onlyShadow: shadowPick.distinct - paired,
    duplicates: { production: productionPick.duplicates, shadow: shadowPick.duplicates },
    policy,
  };
}

/** The shadow log's codes renumbered in another interner (logs read separately). */
function recode(log: ShadowLog, into: IdInterner): Int32Array {
  const map = new Int32Array(log.interner.size);
  for (let code = 0; code < map.length; code++) map[code] = into.internText(log.interner.text(code));
  return log.ids.codes.map((code) => (code < 0 ? code : map[code]!));
}

/** The row kept for each id code, how many distinct ids the log has, and the duplicates seen. */
function pickRows(
  log: ShadowLog,
  codes: Int32Array,
  size: number,
  policy: DuplicatePolicy,
): { rows: Int32Array; distinct: number; duplicates: Duplicates } {
  const rows = new Int32Array(size).fill(-1);
  const repeats = new Int32Array(size);
  let duplicateRows = 0;
  let firstCode = -1;
  let distinct = 0;
  for (let row = 0; row < codes.length; row++) {
    const code = codes[row] as number;
    if (rows[code] === -1) distinct++;
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
  let ids = 0;
  for (let code = 0; code < size; code++) if (repeats[code]! > 0) ids++;
  const duplicates: Duplicates = {
    rows: duplicateRows,
    ids,
    ...(firstCode >= 0 && { first: firstText(log, codes, firstCode) }),
  };
  if (policy === "error" && duplicateRows > 0) {
    throw new DataError(
      `Input "${log.input}": ${log.file} logs ${ids} request ids more than once (${duplicateRows} extra rows); the first repeated id is ${JSON.stringify(truncate(duplicates.first ?? ""))}. duplicate-ids is "error".`,
      `Set duplicate-ids to "first" (keep the first answer per id) or "last" (keep the last, e.g. after retries), or deduplicate ${log.file} before this step.`,
      { input: log.input, file: log.file },
    );
  }
  return { rows, distinct, duplicates };
}

/** The text of `code` in the code space `codes` uses (the log's own, or the production log's after recoding). */
function firstText(log: ShadowLog, codes: Int32Array, code: number): string {
  const row = codes.indexOf(code);
  return requestId(log, row) ?? "";
}

function sample(log: ShadowLog): string {
  const row = log.ids.codes.findIndex((code) => code >= 0);
  return JSON.stringify(truncate(row < 0 ? "" : (requestId(log, row) ?? "")));
}

function truncate(id: string): string {
  return id.length > 40 ? `${id.slice(0, 40)}…` : id;
}
