import { DataError } from "../../core/modelgate-error.js";
import type { Predictions } from "./predictions.js";
import { gather } from "../../stats/gather.js";

/** Candidate and baseline predictions aligned example by example: row i of each is the same example. */
export interface PairedPredictions {
  pairedBy: "id" | "position";
  candidate: Predictions;
  /** The baseline reordered into the candidate's row order. */
  baseline: Predictions;
  /** `baselineRows[i]` is the baseline file's 0-based row paired with candidate row i. */
  baselineRows: Int32Array;
}

const SHOWN = 3;

/**
 * Pairs two models' predictions of the same examples for paired tests (McNemar, DeLong, paired bootstrap): by id
 * when both files have the id column, else by position. Both must hold the same examples with the same labels.
 * @throws DataError naming the files: only one file has ids; row counts differ (by position); ids only in one file
 * (how many each side, the first few); a label that differs between the files (how many, the first).
 */
export function pairPredictions(candidate: Predictions, baseline: Predictions): PairedPredictions {
  if (candidate.task !== baseline.task)
    throw new Error(`pairPredictions: ${candidate.task} vs ${baseline.task} predictions.`);
  if ((candidate.ids === undefined) !== (baseline.ids === undefined)) throw onlyOneHasIds(candidate, baseline);
  const pairedBy = candidate.ids ? "id" : "position";
  const baselineRows =
    candidate.ids && baseline.ids
      ? matchIds(candidate, candidate.ids, baseline, baseline.ids)
      : matchPositions(candidate, baseline);
  const reordered = reorder(baseline, baselineRows);
  requireSameLabels(candidate, reordered);
  return { pairedBy, candidate, baseline: reordered, baselineRows };
}

function matchIds(
  candidate: Predictions,
  candidateIds: readonly string[],
  baseline: Predictions,
  baselineIds: readonly string[],
): Int32Array {
  const baselineRow = new Map(baselineIds.map((id, row) => [id, row]));
  const onlyCandidate = candidateIds.filter((id) => !baselineRow.has(id));
  const candidateSet = new Set(candidateIds);
  const onlyBaseline = baselineIds.filter((id) => !candidateSet.has(id));
  if (onlyCandidate.length > 0 || onlyBaseline.length > 0) {
    throw new DataError(
      `${describe(candidate)} and ${describe(baseline)} hold different examples: ${onlyCandidate.length} ids are only in the candidate${listIds(onlyCandidate)}, ` +
        `${onlyBaseline.length} only in the baseline${listIds(onlyBaseline)}.`,
      "Score both models on the same evaluation set (same ids), or filter both files to the ids they share before this step.",
      { input: candidate.input, file: candidate.name },
    );
  }
  return Int32Array.from(candidateIds, (id) => baselineRow.get(id) ?? -1);
}

function matchPositions(candidate: Predictions, baseline: Predictions): Int32Array {
  if (candidate.rows !== baseline.rows) {
    throw new DataError(
      `${describe(candidate)} has ${candidate.rows} rows but ${describe(baseline)} has ${baseline.rows}; without ids, rows pair by position.`,
      "Score both models on the same evaluation set in the same order, or add an id column to both files and set id-column.",
      { input: candidate.input, file: candidate.name },
    );
  }
  return Int32Array.from({ length: candidate.rows }, (_, i) => i);
}

function reorder(predictions: Predictions, rows: Int32Array): Predictions {
  const take = (values: Float64Array) => gather(values, rows);
  const { ids, scores, slices } = predictions;
  return {
    ...predictions,
    rows: rows.length,
    labels: take(predictions.labels),
    predictions: take(predictions.predictions),
    ...(ids && { ids: Array.from(rows, (row) => ids[row] as string) }),
    ...(scores && { scores: take(scores) }),
    ...(slices && {
      slices: new Map([...slices].map(([name, values]) => [name, Array.from(rows, (row) => values[row] ?? null)])),
    }),
  };
}

function requireSameLabels(candidate: Predictions, baseline: Predictions): void {
  let differ = 0;
  let first = -1;
  candidate.labels.forEach((label, i) => {
    if (label !== baseline.labels[i]) {
      differ++;
      if (first < 0) first = i;
    }
  });
  if (differ === 0) return;
  const where = candidate.ids ? `id ${JSON.stringify(candidate.ids[first]?.slice(0, 40))}` : `data row ${first + 1}`;
  throw new DataError(
    `${describe(candidate)} and ${describe(baseline)} disagree on the true label of ${differ} examples; the first is ${where}.`,
    "Both files must carry the same labels for the same examples; regenerate them from one evaluation set.",
    { input: candidate.input, file: candidate.name },
  );
}

function onlyOneHasIds(candidate: Predictions, baseline: Predictions): DataError {
  const [withIds, without] = candidate.ids ? [candidate, baseline] : [baseline, candidate];
  return new DataError(
    `${describe(withIds)} has an id column but ${describe(without)} does not, so the rows cannot be paired by id.`,
    `Add the id column (named by id-column) to ${without.name}, or leave it out of both files to pair rows by position.`,
    { input: without.input, file: without.name },
  );
}

const describe = (predictions: Predictions): string => `Input "${predictions.input}" (${predictions.name})`;

/** The first few ids as JSON strings, so quotes, commas and control characters cannot blur the list. */
function listIds(ids: readonly string[]): string {
  if (ids.length === 0) return "";
  const shown = ids.slice(0, SHOWN).map((id) => JSON.stringify(id.length > 40 ? `${id.slice(0, 40)}…` : id));
  return ` (${shown.join(", ")}${ids.length > SHOWN ? ", …" : ""})`;
}
