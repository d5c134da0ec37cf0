import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The fixture folder, readable by the readers as a workspace. */
export const fixtureFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), "../fixtures");
export const fixtureAccess = { workspace: fixtureFolder, allowedRoots: [fixtureFolder] };

interface ExpectedFeature {
  mean_abs: number;
  mean: number;
  rank: number;
}

interface ExpectedReason {
  feature: string;
  attribution: number;
}

/** NumPy's values for the fixtures (fixtures/expected.json, written by make-explanations.py). */
export interface ExpectedExplanations {
  top_k: number;
  candidate: Record<string, ExpectedFeature>;
  baseline: Record<string, ExpectedFeature>;
  candidate_top: string[];
  baseline_top: string[];
  sign_flips: string[];
  changed: number;
  max_abs_delta: number;
  largest: Array<{
    id: string;
    baseline: number;
    candidate: number;
    delta: number;
    candidate_reasons: ExpectedReason[];
    baseline_reasons: ExpectedReason[];
  }>;
}

export const expected = JSON.parse(
  readFileSync(path.join(fixtureFolder, "expected.json"), "utf8"),
) as ExpectedExplanations;

/** `id,label,score` rows of a fixture predictions file, in file order. */
export function readScores(file: string): { ids: string[]; scores: Float64Array } {
  const lines = readFileSync(path.join(fixtureFolder, file), "utf8").trim().split("\n").slice(1);
  return {
    ids: lines.map((line) => line.split(",")[0]!),
    scores: Float64Array.from(lines, (line) => Number(line.split(",")[2])),
  };
}
