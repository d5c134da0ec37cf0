import type { Explanations, LocalAttributions } from "./explanations.js";

/** An attribution counts as signed only above this share of the feature's mean |attribution| in that model. */
export const SIGN_NOISE_FLOOR = 0.05;

/** A feature's sign changed when more than this share of its clearly signed examples reversed. */
export const SIGN_CHANGE_SHARE = 0.5;

/** From summaries alone, a mean attribution gives a direction only when |mean| is at least this share of mean |attribution|. */
export const SUMMARY_DIRECTION_FLOOR = 0.1;

/** Whether a feature's attributions changed sign between two models, and on what evidence. */
export interface SignComparison {
  /** Null when it cannot be seen (a file gives importance only). */
  changed: boolean | null;
  /** Share of the compared examples whose attribution reversed; null when decided from summaries. */
  share: number | null;
  /** Examples compared (both attributions above the noise floor); 0 when decided from summaries. */
  compared: number;
}

/**
 * The one definition of a sign change of a feature's attributions between baseline and candidate. With per-example
 * attributions from both models, paired by id (or by row when neither file has ids and both have as many rows): the
 * examples where both attributions are clearly signed — |attribution| above `SIGN_NOISE_FLOOR` (5%) of the feature's
 * mean |attribution| in that model — are compared, and the sign changed when more than half of them
 * (`SIGN_CHANGE_SHARE`) reversed. Centred attributions (linear SHAP, coefficient × standardised value) average to
 * about zero whatever the model learned, so the sign of their mean is noise; the share of reversed examples is not:
 * an equivalent retrain reverses almost none, a reversed effect almost all. From summaries alone (mean and mean
 * |attribution|, no rows to pair), a model's direction is the sign of its mean only where |mean| is at least 10%
 * (`SUMMARY_DIRECTION_FLOOR`) of mean |attribution| — at least 55% of the attribution mass on one side — and the
 * sign changed when both models have a direction and they differ. Unknown (null) when a file gives importance only.
 */
export function compareAttributionSigns(
  feature: string,
  candidate: Explanations,
  baseline: Explanations,
): SignComparison {
  const c = candidate.global.get(feature);
  const b = baseline.global.get(feature);
  if (!c || !b) return { changed: null, share: null, compared: 0 };
  const paired = pairRows(candidate.local, baseline.local, feature);
  if (paired) {
    const floorC = SIGN_NOISE_FLOOR * c.meanAbs;
    const floorB = SIGN_NOISE_FLOOR * b.meanAbs;
    let compared = 0;
    let reversed = 0;
    for (const [x, y] of paired) {
      if (!(Math.abs(x) > floorC && Math.abs(y) > floorB)) continue;
      compared++;
      if (Math.sign(x) !== Math.sign(y)) reversed++;
    }
    if (compared === 0) return { changed: false, share: null, compared: 0 };
    const share = reversed / compared;
    return { changed: share > SIGN_CHANGE_SHARE, share, compared };
  }
  if (c.mean === null || b.mean === null) return { changed: null, share: null, compared: 0 };
  const direction = (mean: number, meanAbs: number) =>
    meanAbs > 0 && Math.abs(mean) >= SUMMARY_DIRECTION_FLOOR * meanAbs ? Math.sign(mean) : 0;
  const dc = direction(c.mean, c.meanAbs);
  const db = direction(b.mean, b.meanAbs);
  return { changed: dc !== 0 && db !== 0 && dc !== db, share: null, compared: 0 };
}

/** The feature's (candidate, baseline) attribution of each example both models explain; undefined when rows cannot be paired. */
function pairRows(
  candidate: LocalAttributions | undefined,
  baseline: LocalAttributions | undefined,
  feature: string,
): Array<[number, number]> | undefined {
  if (!candidate || !baseline) return undefined;
  const fc = candidate.features.indexOf(feature);
  const fb = baseline.features.indexOf(feature);
  if (fc < 0 || fb < 0) return undefined;
  const vc = candidate.values[fc]!;
  const vb = baseline.values[fb]!;
  if (candidate.ids && baseline.ids) {
    const rowOf = new Map(baseline.ids.map((id, row) => [id, row]));
    const pairs: Array<[number, number]> = [];
    candidate.ids.forEach((id, row) => {
      const other = rowOf.get(id);
      if (other !== undefined) pairs.push([vc[row]!, vb[other]!]);
    });
    return pairs.length > 0 ? pairs : undefined;
  }
  if (candidate.ids || baseline.ids || candidate.rows !== baseline.rows) return undefined;
  return Array.from({ length: candidate.rows }, (_, row) => [vc[row]!, vb[row]!] as [number, number]);
}
