import type { FairnessCheck } from "../fairness/bias-result.js";
import { formatDistinct, formatSigned } from "../core/format-number.js";

/**
 * A bias-check's interval cell: "[low, high]", or "—" without one. A rule judged against noise (`significance:`)
 * carries the interval of its change, signed as in the significance table; any other check that of its metric.
 */
export function formatFairnessInterval(check: FairnessCheck): string {
  if (!check.ci) return "—";
  return `[${formatDistinct(check.ci, isChangeInterval(check) ? formatSigned : undefined).join(", ")}]`;
}

/** A check judged against noise: its `ci` is the interval of the change, not of the metric. */
export function isChangeInterval(check: FairnessCheck): boolean {
  return check.effect_size !== undefined;
}
