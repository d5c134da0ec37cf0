import type { Predictions } from "../../data/predictions/predictions.js";
import { computeChange } from "../../core/compute-change.js";
import { formatNumber } from "../../core/format-number.js";
import { toPerExampleValues } from "../../stats/per-example-values.js";
import type { EvaluationPredictions } from "../collect-significance-tasks.js";
import type { EvaluatePolicy } from "../evaluate-policy-schema.js";
import type { EvaluateCheck } from "../gate-result.js";
import { chooseSliceLoss, describeLoss } from "./choose-slice-loss.js";
import type { ChosenLoss } from "./choose-slice-loss.js";
import { encodeSliceFeature } from "./encode-slice-features.js";
import type { EncodedFeature } from "./encode-slice-features.js";
import { scanSliceLattice, sumSliceValues } from "./scan-slice-lattice.js";
import type { PairedLosses, ScannedSlice } from "./scan-slice-lattice.js";
import { testSlicesAgainstMargin } from "./test-slices-against-margin.js";
import type { FoundSlice, SliceSearchSummary } from "./slice-search-result.js";
import { SLICE_SEARCH_METHOD } from "./slice-search-result.js";

/** Defaults of `evaluate.slice-search`. */
export const SLICE_SEARCH_DEFAULTS = { depth: 2, minSize: 100, alpha: 0.05, bins: 5, top: 5, maxColumns: 20 } as const;

export interface SliceSearchOutcome {
  /** Absent when the search could not run (a note says why). */
  summary?: SliceSearchSummary;
  /** The worst significant slice as a check (warn by default), when any. */
  check?: EvaluateCheck;
  notes: string[];
}

/**
 * The automatic slice search (contract §3, evaluate-gate): where did the candidate get worse than the baseline?
 * Over the candidate's feature columns (categorical values and numeric quantile bins as predicates, `encodeSliceFeature`),
 * scans conjunctions of up to `depth` predicates (`scanSliceLattice`) for the paired change of a per-example loss
 * (`chooseSliceLoss`), tests each against the margin and adjusts by Holm over every slice of at least the minimum
 * size (`testSlicesAgainstMargin`). Undefined when the policy turns it off, the predictions carry no feature column, or
 * there are no paired baseline predictions (the change is paired).
 */
export function searchSlices(
  policy: EvaluatePolicy,
  evaluation: EvaluationPredictions | undefined,
  file: string,
): SliceSearchOutcome | undefined {
  const asked = policy["slice-search"];
  if (asked === false || !evaluation) return undefined;
  const { candidate, baseline } = evaluation;
  const features = candidate.features;
  if (!features || features.size === 0) return undefined;
  const settings = asked ?? {};
  if (!baseline)
    return settings === asked
      ? {
          notes: [
            "evaluate.slice-search needs baseline predictions of the same examples (baseline-predictions): it searches the paired change.",
          ],
        }
      : undefined;
  const notes: string[] = [];
  const depth = settings.depth ?? SLICE_SEARCH_DEFAULTS.depth;
  const minSize = settings["min-size"] ?? SLICE_SEARCH_DEFAULTS.minSize;
  const alpha = settings.alpha ?? SLICE_SEARCH_DEFAULTS.alpha;
  const bins = settings.bins ?? SLICE_SEARCH_DEFAULTS.bins;
  let columns = [...features.values()];
  if (!settings.columns && columns.length > SLICE_SEARCH_DEFAULTS.maxColumns) {
    notes.push(
      `The slice search used the first ${SLICE_SEARCH_DEFAULTS.maxColumns} of ${columns.length} feature columns; list the ones to search under evaluate.slice-search.columns.`,
    );
    columns = columns.slice(0, SLICE_SEARCH_DEFAULTS.maxColumns);
  }
  const chosen = chooseSliceLoss(
    policy.metrics,
    {
      ...(settings.loss && { loss: settings.loss }),
      ...(settings.margin !== undefined && { margin: settings.margin }),
    },
    candidate,
    file,
  );
  notes.push(...chosen.notes);
  const encoded = columns.map((column) => encodeSliceFeature(column, minSize, bins));
  const capped = encoded.filter((f) => f.capped > 0);
  if (capped.length > 0)
    notes.push(
      `The slice search kept the ${capped.length === 1 ? "" : "each "}most frequent values of ${capped.map((f) => f.column).join(", ")} (${capped.map((f) => f.capped).join(", ")} more left out).`,
    );
  const losses = pairedLosses(chosen, candidate, baseline);
  const scan = scanSliceLattice(encoded, losses.regression, minSize, depth, chosen.margin);
  const nameOf = (s: ScannedSlice) =>
    s.predicates.map(([f, code]) => (encoded[f] as EncodedFeature).predicates[code] as string).join(", ");
  const tested = testSlicesAgainstMargin(scan.candidates, chosen.margin, scan.family, nameOf);
  const onFinding = settings["on-finding"] ?? "warn";
  const slices = tested.slice(0, settings.top ?? SLICE_SEARCH_DEFAULTS.top).map((t): FoundSlice => {
    const sums = sumSliceValues(encoded, t.slice.predicates, losses.candidate, losses.baseline);
    const value = sums.candidate / t.slice.rows;
    const base = sums.baseline / t.slice.rows;
    return {
      slice: nameOf(t.slice),
      predicates: t.slice.predicates.map(([f, code]) => (encoded[f] as EncodedFeature).predicates[code] as string),
      rows: t.slice.rows,
      value,
      baseline: base,
      delta: value - base,
      regression: t.regression,
      statistic: t.statistic,
      p_value: t.p,
      p_value_adjusted: t.adjusted,
      significant: t.adjusted <= alpha,
    };
  });
  const found = tested.filter((t) => t.adjusted <= alpha).length;
  const summary: SliceSearchSummary = {
    loss: chosen.loss,
    metric: chosen.metric,
    direction: chosen.direction,
    margin: chosen.margin,
    margin_source: chosen.marginSource,
    method: "t-test-holm",
    alpha,
    family: scan.family,
    family_by_depth: scan.familyByDepth,
    tested: tested.length,
    depth,
    min_size: minSize,
    bins,
    columns: encoded.map((f) => f.column),
    rows: candidate.rows,
    found,
    on_finding: onFinding,
    slices,
  };
  const worst = slices[0];
  const check = worst?.significant ? findingCheck(worst, summary, chosen) : undefined;
  return { summary, ...(check && { check }), notes };
}

/** Both models' per-example metric values and the regression, oriented so that worse is positive. */
function pairedLosses(chosen: ChosenLoss, candidate: Predictions, baseline: Predictions): PairedLosses {
  const inputs = (p: Predictions) =>
    chosen.loss === "log-loss" || chosen.loss === "brier" ? (p.scores as Float64Array) : p.predictions;
  const c = toPerExampleValues(chosen.perExample, candidate.labels, inputs(candidate));
  const b = toPerExampleValues(chosen.perExample, baseline.labels, inputs(baseline));
  const regression = new Float64Array(c.length);
  const sign = chosen.direction === "higher" ? -1 : 1;
  for (let i = 0; i < c.length; i++) regression[i] = sign * ((c[i] as number) - (b[i] as number));
  return { candidate: c, baseline: b, regression };
}

function findingCheck(worst: FoundSlice, summary: SliceSearchSummary, chosen: ChosenLoss): EvaluateCheck {
  const others = summary.found - 1;
  // Check names and slices stay short enough for every surface (the published result caps them at 300 characters).
  const slice = worst.slice.length > 200 ? `${worst.slice.slice(0, 199)}…` : worst.slice;
  return {
    name: `${chosen.metric}:max-regression[found: ${slice}]`,
    metric: chosen.metric,
    rule: "max-regression",
    verdict: summary.on_finding,
    value: worst.value,
    baseline: worst.baseline,
    ...computeChange(worst.value, worst.baseline),
    threshold: chosen.margin,
    message:
      `Found automatically: on ${slice} (${worst.rows} examples) ${chosen.metric} regressed by ${formatNumber(worst.regression)}, beyond the margin ${formatNumber(chosen.margin)} ` +
      `(Holm-adjusted p ${formatNumber(worst.p_value_adjusted)} over ${summary.family} slices, ${describeLoss(chosen.loss)})${others > 0 ? `; ${others} more slice${others === 1 ? "" : "s"} too` : ""}.`,
    slice: `found: ${slice}`,
    method: SLICE_SEARCH_METHOD,
    statistic: worst.statistic,
    p_value: worst.p_value,
    p_value_adjusted: worst.p_value_adjusted,
    alpha: summary.alpha,
  };
}
