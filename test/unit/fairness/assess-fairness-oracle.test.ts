import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readPredictions } from "../../../shared/src/data/predictions/read-predictions.js";
import type { StringColumn } from "../../../shared/src/data/table/table.js";
import { assessFairness } from "../../../shared/src/fairness/assess-fairness.js";

// The SciPy/NumPy oracle's paired predictions and expected.json, as copied into ../stats/fixtures (SOURCE.md there).
const folder = path.join(path.dirname(fileURLToPath(import.meta.url)), "../stats/fixtures");
const oracle = JSON.parse(readFileSync(path.join(folder, "oracle-expected.json"), "utf8")).paired_models;

for (const model of ["baseline", "candidate"] as const) {
  describe(`assessFairness on the oracle's ${model} predictions`, () => {
    it("matches expected.json's per-group rates, parity difference, min/max ratio and equalized odds difference", async () => {
      const read = await readPredictions(
        "paired_predictions.csv",
        { workspace: folder, allowedRoots: [folder] },
        {
          input: "predictions",
          task: "classification",
          columns: { label: "y_true", prediction: `${model}_pred`, score: "no_score", id: "no_id" },
          extraColumns: ["group"],
        },
      );
      const group = read.extra!.get("group") as StringColumn;
      const assessment = assessFairness(
        read.labels,
        read.predictions,
        [{ name: "group", codes: group.codes, dictionary: group.dictionary }],
        {
          favorable: 1,
          minGroupSize: 30,
          privileged: {},
          specs: [
            { metric: "demographic_parity_difference", method: "between_groups", agg: "worst_case" },
            { metric: "demographic_parity_ratio", method: "between_groups", agg: "worst_case" },
            { metric: "equalized_odds_difference", method: "between_groups", agg: "worst_case" },
          ],
        },
      );
      const want = oracle[`fairness_${model}`];
      const [grouping] = assessment.groupings;
      for (const name of ["g1", "g2"]) {
        const found = grouping!.groups.find((g) => g.name === name)!;
        expect(found.count).toBe(want[name].n);
        expect(found.rates.selection_rate).toBeCloseTo(want[name].selection_rate, 14);
        expect(found.rates.tpr).toBeCloseTo(want[name].tpr, 14);
        expect(found.rates.fpr).toBeCloseTo(want[name].fpr, 14);
        expect(found.rates.accuracy).toBeCloseTo(want[name].accuracy, 14);
      }
      const [dpd, dpr, eod] = grouping!.metrics.map((m) => m.value);
      expect(dpd).toBeCloseTo(want.demographic_parity_difference, 14);
      expect(dpr).toBeCloseTo(want.disparate_impact_ratio_min_over_max, 14);
      expect(eod).toBeCloseTo(want.equalized_odds_difference_max_of_tpr_fpr_gaps, 14);
    });
  });
}
