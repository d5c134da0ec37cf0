import { formatNumber } from "./format-number.js";

/** Each softer bound and the bound of the same unit it must stay below to ever yield `warn`. */
const PAIRS = [
  ["warn-regression", "max-regression"],
  ["warn-regression-pct", "max-regression-pct"],
] as const;

type Bounds = Partial<Record<(typeof PAIRS)[number][number], number>>;

/**
 * Policy warnings for warn bounds that can never fire: a `warn-regression` at or above the `max-regression` of the
 * same metric (and unit) only ever coincides with a fail, so the softer warning the author meant is never shown.
 * One sentence per such rule, naming its policy path; `path` is where `rules` sit (e.g. "evaluate.metrics").
 */
export function findUnreachableWarnings(rules: Readonly<Record<string, Bounds | undefined>>, path: string): string[] {
  const warnings: string[] = [];
  for (const [name, bounds] of Object.entries(rules)) {
    if (!bounds) continue;
    for (const [warn, max] of PAIRS) {
      const soft = bounds[warn];
      const hard = bounds[max];
      if (soft === undefined || hard === undefined || soft < hard) continue;
      warnings.push(
        `Policy warning: ${path}.${name} has ${warn} ${formatNumber(soft)}, ${soft === hard ? "equal to" : "above"} its ${max} ${formatNumber(hard)}, so it can never warn: ` +
          `a regression past ${formatNumber(hard)} already fails. Set ${warn} below ${formatNumber(hard)}, or remove it.`,
      );
    }
  }
  return warnings;
}
