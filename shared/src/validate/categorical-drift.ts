import type { DriftMethodName } from "./data-policy-schema.js";
import { chiSquareContingency } from "../stats/chi-square.js";
import { jensenShannonDistance } from "../stats/jensen-shannon.js";
import { populationStabilityIndex } from "../stats/population-stability-index.js";
import { twoProportionZTest } from "../stats/two-proportion-z-test.js";
import { classifyCategoricalColumn } from "./classify-drift-column.js";
import type { RawColumnDrift } from "./drift-types.js";
import { PSI_EPSILON, SMALL_REFERENCE_ROWS } from "./drift-constants.js";

/**
 * The categorical tests of contract §7 on value counts (a table's or a profile's: the same numbers either way), all
 * over the union of both sides' categories, so a value that appears or vanishes counts in every test: the pooled
 * two-proportion z-test only when both sides hold the same two values (`classifyCategoricalColumn`), else
 * chi-square on the 2×K table (scipy.stats.chi2_contingency; Yates-corrected when K = 2); Jensen–Shannon distance
 * base 2; PSI with each side's zero shares floored at 1e-4. A vanished category is not drift by itself: it weighs
 * in the test like any other change of shares, so a rare one vanishing stays within chance.
 */
export function categoricalDrift(
  reference: ReadonlyMap<string, number>,
  current: ReadonlyMap<string, number>,
  requested: DriftMethodName,
): RawColumnDrift {
  const type = classifyCategoricalColumn(reference, current);
  // One order for both count vectors: the reference's categories sorted, then current-only ones sorted.
  const known = [...reference.keys()].sort();
  const unseen = [...current.keys()].filter((value) => !reference.has(value)).sort();
  const levels = [...known, ...unseen];
  const referenceCounts = levels.map((value) => reference.get(value) ?? 0);
  const currentCounts = levels.map((value) => current.get(value) ?? 0);
  const referenceRows = sum(referenceCounts);
  const currentRows = sum(currentCounts);
  const newRows = unseen.reduce((total, value) => total + current.get(value)!, 0);
  const sizes = {
    reference_rows: referenceRows,
    current_rows: currentRows,
    new_categories: { values: unseen.length, rows: newRows },
  };
  const js = jensenShannonDistance(referenceCounts, currentCounts, 2);
  const effect = { effect_size: js, effect_size_name: "jensen-shannon" as const };
  const automatic = referenceRows <= SMALL_REFERENCE_ROWS ? (type === "binary" ? "z-test" : "chi2") : "jensen-shannon";
  const method = requested === "psi" || requested === "chi2" || requested === "jensen-shannon" ? requested : automatic;
  switch (method) {
    case "z-test": {
      // Both sides hold the same two values: the share of the first (in sorted order) says everything.
      const level = known[0]!;
      const z = twoProportionZTest(reference.get(level)!, referenceRows, current.get(level)!, currentRows);
      return { column_type: type, method: "z-test", statistic: z.statistic, p_value: z.pValue, ...effect, ...sizes };
    }
    case "chi2": {
      const chi = chiSquareContingency([referenceCounts, currentCounts]);
      return { column_type: type, method: "chi2", statistic: chi.statistic, p_value: chi.pValue, ...effect, ...sizes };
    }
    case "jensen-shannon":
      return { column_type: type, method: "jensen-shannon", statistic: js, p_value: null, ...effect, ...sizes };
    case "psi": {
      const psi = populationStabilityIndex(referenceCounts, currentCounts, { epsilon: PSI_EPSILON }).value;
      return {
        column_type: type,
        method: "psi",
        statistic: psi,
        p_value: null,
        effect_size: psi,
        effect_size_name: "psi",
        ...sizes,
      };
    }
  }
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
