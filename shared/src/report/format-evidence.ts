import type { Check } from "../core/check.js";
import type { SignificanceSettings } from "../evaluate/gate-result.js";
import { formatNumber, formatSigned } from "../core/format-number.js";

/**
 * A check's statistical evidence in one cell: the one-sided limits of the change, the level read, and the
 * p-values ("[−0.012, +0.004], 95% one-sided · p 0.031 · adjusted 0.062"); empty for a check decided on point values.
 */
export function formatEvidence(check: Check): string {
  // A test without an interval (the slice search's t test against the margin) shows its statistic and p-values.
  if (!check.ci && typeof check.statistic === "number" && typeof check.p_value_adjusted === "number") {
    return `t ${formatNumber(check.statistic)} · p ${formatNumber(check.p_value)} · adjusted ${formatNumber(check.p_value_adjusted)}`;
  }
  if (!check.ci) return check.method ? `${check.method}, no interval` : "";
  const level = check.alpha === undefined ? "" : `, ${formatNumber((1 - check.alpha) * 100)}% one-sided`;
  const parts = [`[${formatSigned(check.ci[0])}, ${formatSigned(check.ci[1])}]${level}`];
  if (check.p_value !== undefined) parts.push(`p ${formatNumber(check.p_value)}`);
  if (check.p_value_adjusted !== undefined) parts.push(`adjusted ${formatNumber(check.p_value_adjusted)}`);
  return parts.join(" · ");
}

/** One sentence on how the gate's significance checks were computed, so a reviewer can repeat them. */
export function describeSignificance(settings: SignificanceSettings): string {
  const family =
    settings.multiple_testing === "none"
      ? "each at its own level (no multiple-testing adjustment)"
      : `${settings.multiple_testing === "holm" ? "Holm" : "Bonferroni"} across ${settings.checks} checks at family-wise α ${formatNumber(settings.family_alpha)}`;
  return (
    `Significance: one-sided intervals of the paired change (candidate − baseline on the same examples); the interval ` +
    `shown is the two one-sided limits [low, high]. Paired bootstrap with ${settings.resamples} resamples, seed ${settings.seed}; ` +
    `DeLong's test for roc_auc; a change with no variance (the same on every example, or every pair ranked alike) by its ` +
    `exact bound, Clopper–Pearson on the share of examples that differ; ${family}.`
  );
}
