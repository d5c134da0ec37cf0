import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { readPredictions } from "../../../../shared/src/data/predictions/read-predictions.js";
import type { StringColumn } from "../../../../shared/src/data/table/table.js";
import type { SensitiveColumn } from "../../../../shared/src/fairness/group-cells.js";

export const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), "../fixtures");
export const fixtureAccess = { workspace: fixtures, allowedRoots: [fixtures] };

/** The reference values written by fixtures/make_reference_values.py (numpy, fairlearn's formulas). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Reference = Record<string, any>;
export const reference = JSON.parse(readFileSync(path.join(fixtures, "reference-values.json"), "utf8")) as Reference;

/** ProPublica's filtered COMPAS rows as our predictions reader gives them, with race and sex as sensitive columns. */
export async function readCompas(): Promise<{
  labels: Float64Array;
  predictions: Float64Array;
  race: SensitiveColumn;
  sex: SensitiveColumn;
}> {
  const read = await readPredictions("compas-filtered.csv.gz", fixtureAccess, {
    input: "predictions",
    task: "classification",
    columns: { label: "two_year_recid", prediction: "medium_or_high" },
    extraColumns: ["race", "sex"],
  });
  const column = (name: string): SensitiveColumn => {
    const found = read.extra?.get(name) as StringColumn;
    return { name, codes: found.codes, dictionary: found.dictionary };
  };
  return { labels: read.labels, predictions: read.predictions, race: column("race"), sex: column("sex") };
}
