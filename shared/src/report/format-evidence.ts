import type { Check } from "../core/check.js";
import type { SignificanceSettings } from "../evaluate/gate-result.js";
import { SLICE_SEARCH_METHOD } from "../evaluate/slice-search/slice-search-result.js";
import {
  formatDistinct,
  formatNumber,
  formatPValue,
  formatSigned,
  resamplingResolution,
} from "../core/format-number.js";

/** What a significance check's own p-value measures (a regression or improvement rule decided on an interval). */
export const RULE_P_MEANING =
  "p is the smallest α at which the one-sided interval clears the rule's limit — a small p means the change is within the rule";

/**
 * What the p-value of a slice found automatically measures: its t test asks whether the slice regressed beyond the
 * margin, so a small p is the opposite news of a small p on an interval rule.
 */
export const SLICE_P_MEANING =
  "a found slice's p is the chance of a regression this large on the slice if it had regressed by no more than the margin — a small p means the slice regressed beyond the margin";

/** What McNemar's and DeLong's "no difference" p-values, reported beside a rule, measure. */
export const NO_DIFFERENCE_P_MEANING = "chance of a difference this large if the models were equally good";

/** The smallest p-value and adjusted p-value a check's method can resolve; none for analytic tests. */
export interface PResolution {
  p?: number;
  adjusted?: number;
}

/**
 * The resolution of a check's p-values: a bootstrap of B resamples resolves 1 / (B + 1) (its p-value is read off
 * the resamples, so a smaller one is the floor of a search), and its adjusted p-value m times that across m checks
 * (Holm and Bonferroni multiply the smallest p by m). DeLong's test and exact bounds are analytic: no floor.
 */
export function pResolution(check: Check, settings: SignificanceSettings | undefined): PResolution {
  if (!settings || !check.method?.startsWith("bootstrap")) return {};
  const p = resamplingResolution(settings.resamples);
  return { p, adjusted: settings.multiple_testing === "none" ? p : Math.min(1, p * settings.checks) };
}

/**
 * A check's statistical evidence in one cell: the one-sided limits of the change, the level read, and the
 * p-values floored at the method's resolution ("[-0.012, +0.004], 95% one-sided · p 0.031 · adjusted 0.062");
 * empty for a check decided on point values.
 */
export function formatEvidence(check: Check, resolution: PResolution = {}): string {
  // A test without an interval (the slice search's t test against the margin) shows its statistic and p-values;
  // a slice whose changes are all equal has no t.
  if (isSliceFinding(check)) {
    return `t ${formatNumber(check.statistic ?? null)} · p ${formatPValue(check.p_value ?? null)} · adjusted ${formatPValue(check.p_value_adjusted ?? null)}`;
  }
  if (!check.ci) return check.method ? `${check.method}, no interval` : "";
  const level = check.alpha === undefined ? "" : `, ${formatNumber((1 - check.alpha) * 100)}% one-sided`;
  const [low, high] = formatDistinct(check.ci, formatSigned);
  const parts = [`[${low}, ${high}]${level}`];
  if (check.p_value !== undefined) parts.push(`p ${formatPValue(check.p_value, resolution.p)}`);
  if (check.p_value_adjusted !== undefined)
    parts.push(`adjusted ${formatPValue(check.p_value_adjusted, resolution.adjusted)}`);
  return parts.join(" · ");
}

/** Whether the check is a slice search finding, whose p-values test the slice against the margin. */
export function isSliceFinding(check: Check): boolean {
  return check.method === SLICE_SEARCH_METHOD;
}

/**
 * What the p-values of `checks` measure, one sentence per kind that occurs: an interval rule's p, a found slice's p.
 * Empty when no check has a p-value of its own.
 */
export function describePValues(checks: readonly Check[]): string[] {
  const withP = checks.filter((c) => c.p_value !== undefined && c.p_value !== null);
  return [
    ...(withP.some((c) => !isSliceFinding(c)) ? [RULE_P_MEANING] : []),
    ...(withP.some(isSliceFinding) ? [SLICE_P_MEANING] : []),
  ];
}

/** The "no difference" p-value beside a check, named for its test and saying what it measures; "" when none. */
export function formatNoDifference(check: Check): string {
  if (check.p_value_no_difference === undefined) return "";
  const test = check.metric === "roc_auc" ? "DeLong" : "McNemar";
  return `${test} p ${formatPValue(check.p_value_no_difference)} (${NO_DIFFERENCE_P_MEANING})`;
}

/** One sentence on how the gate's significance checks were computed, so a reviewer can repeat them. */
export function describeSignificance(settings: SignificanceSettings): string {
  const family =
    settings.multiple_testing === "none"
      ? "each at its own level (no multiple-testing adjustment)"
      : `${settings.multiple_testing === "holm" ? "Holm" : "Bonferroni"} across ${settings.checks} checks at family-wise α ${formatNumber(settings.family_alpha)}`;
  return (
    `Significance: one-sided intervals of the paired change (candidate − baseline on the same examples); the interval ` +
    `shown is the two one-sided limits [low, high]. Paired bootstrap with ${settings.resamples} resamples, seed ${settings.seed} ` +
    `(p-values resolved to ${formatNumber(resamplingResolution(settings.resamples))}); ` +
    `DeLong's test for roc_auc; a change with no variance (the same on every example, or every pair ranked alike) or on too few examples (½^k > α) by its ` +
    `exact bound, Clopper–Pearson on the share of examples that differ; ${family}. Reading the p-values: ${RULE_P_MEANING}; ` +
    `McNemar's or DeLong's p beside a rule is the ${NO_DIFFERENCE_P_MEANING}.`
  );
}
