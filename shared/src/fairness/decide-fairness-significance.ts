import { PolicyError } from "../core/modelgate-error.js";
import type { FairnessCheck, FairnessSignificanceSettings } from "./bias-result.js";
import { toMeasureOptions } from "./assess-fairness.js";
import { bootstrapFairnessChange } from "./bootstrap-fairness-change.js";
import type { ChangeTarget } from "./bootstrap-fairness-change.js";
import { FAIRNESS_METRICS } from "./fairness-metrics.js";
import type { FairnessPolicy } from "./fairness-policy-schema.js";
import type { SensitiveColumn } from "./group-cells.js";
import type { FavorableClass } from "./group-rates.js";
import { toGroupings } from "./groupings.js";
import { judgeFairnessSignificance } from "./judge-fairness-significance.js";
import type { FairnessSignificanceTask } from "./judge-fairness-significance.js";
import { toSpecLabel } from "./measure-grouping.js";
import { splitPairedCounts, tallyPairedCells } from "./paired-cells.js";

/** Both models' 0/1 predictions of the same rows, with the rows' labels and sensitive columns. */
export interface PairedFairnessData {
  labels: Float64Array;
  candidate: Float64Array;
  baseline: Float64Array;
  sensitive: readonly SensitiveColumn[];
  favorable: FavorableClass;
}

/**
 * Replaces, in `checks`, every max-regression check whose rule has `significance:` by its decision on the paired
 * bootstrap interval of the change (`bootstrapFairnessChange`, `judgeFairnessSignificance`), all of them one family
 * for the multiple-testing adjustment. A check whose candidate or baseline value is undefined keeps its plain
 * "cannot decide" failure and stays out of the family. Undefined when no rule asks for significance, or there is
 * no baseline (the plain check then warns that the regression cannot be measured).
 * @throws PolicyError when the rules use different levels and the family is adjusted (holm, bonferroni).
 */
export function decideFairnessSignificance(
  fairness: FairnessPolicy,
  checks: FairnessCheck[],
  data: PairedFairnessData | undefined,
  file: string,
): FairnessSignificanceSettings | undefined {
  if (!data) return undefined;
  const tally = tallyPairedCells(data.labels, data.candidate, data.baseline, data.sensitive);
  const candidateCounts = new Float64Array(4 * tally.cells.length);
  splitPairedCounts(tally.counts, candidateCounts, new Float64Array(candidateCounts.length));
  const cellTally = {
    columns: data.sensitive.map((column) => column.name),
    cells: tally.cells,
    counts: candidateCounts,
  };
  const groupings = toGroupings(cellTally);
  const found: { index: number; target: ChangeTarget; task: Omit<FairnessSignificanceTask, "distribution"> }[] = [];
  for (const metric of FAIRNESS_METRICS) {
    const rule = fairness.metrics[metric];
    if (rule?.significance === undefined) continue;
    const spec = { metric, method: rule.method, agg: rule.agg };
    groupings.forEach((grouping, g) => {
      const index = checks.findIndex(
        (check) => check.name === `${toSpecLabel(spec)} [${grouping.name}]:max-regression`,
      );
      const check = checks[index];
      if (!check || check.value === null || check.baseline === null) return;
      found.push({ index, target: { grouping: g, spec }, task: { check, rule } });
    });
  }
  if (found.length === 0) return undefined;
  const alphas = [...new Set(found.map((f) => f.task.rule.significance as number))];
  const multipleTesting = fairness["multiple-testing"];
  if (alphas.length > 1 && found.length > 1 && multipleTesting !== "none") {
    throw new PolicyError(
      `${file}: the fairness significance rules use different levels (${alphas.join(", ")}), so there is no one family-wise level for ${multipleTesting ?? "holm"} to hold.`,
      "Give every fairness metric the same significance (e.g. 0.05), or set fairness.multiple-testing: none to test each rule at its own level.",
      { file, path: "fairness.multiple-testing" },
    );
  }
  const options = toMeasureOptions(cellTally, groupings, {
    favorable: data.favorable,
    minGroupSize: fairness["min-group-size"],
    privileged: fairness.privileged,
  });
  const bootstrap = { resamples: fairness.resamples, seed: fairness.seed };
  const distributions = bootstrapFairnessChange(
    tally,
    groupings,
    found.map((f) => f.target),
    options,
    bootstrap,
  );
  const judged = judgeFairnessSignificance(
    found.map((f, i) => ({ ...f.task, distribution: distributions[i]! })),
    { ...bootstrap, rows: data.labels.length, multipleTesting, onInconclusive: fairness["on-inconclusive"] },
    alphas[0] as number,
  );
  found.forEach((f, i) => (checks[f.index] = judged.checks[i]!));
  return judged.settings;
}
