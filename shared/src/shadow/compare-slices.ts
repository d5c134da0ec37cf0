import type { ClassComparison } from "./compare-classes.js";
import { compareText } from "./compare-classes.js";
import type { JoinedLogs } from "./join-shadow-logs.js";
import type { ShadowLog } from "./shadow-log.js";

/** Disagreement within one value of one slice column (read from the production log). */
export interface SliceDisagreement {
  column: string;
  /** The slice value; "" stands for rows where the column is empty. */
  value: string;
  compared: number;
  flips: number;
  flipRate: number;
}

/**
 * The flip rate of each value of each slice column among the joined requests both models answered, so a
 * disagreement concentrated in one segment shows even when the overall rate is small. Ordered by column, then value.
 */
export function compareSlices(
  production: ShadowLog,
  joined: JoinedLogs,
  classes: ClassComparison | undefined,
): SliceDisagreement[] {
  if (!classes) return [];
  const out: SliceDisagreement[] = [];
  for (const [column, values] of [...production.slices].sort(([x], [y]) => compareText(x, y))) {
    const compared = new Int32Array(values.dictionary.length + 1);
    const flips = new Int32Array(values.dictionary.length + 1);
    joined.productionRows.forEach((row, i) => {
      const status = classes.disagree[i] as number;
      if (status === 2) return;
      const code = (values.codes[row] as number) + 1;
      compared[code]!++;
      if (status === 1) flips[code]!++;
    });
    const entries = ["", ...values.dictionary].map((value, code) => ({
      column,
      value,
      compared: compared[code] as number,
      flips: flips[code] as number,
      flipRate: (compared[code] as number) === 0 ? 0 : (flips[code] as number) / (compared[code] as number),
    }));
    out.push(...entries.filter((entry) => entry.compared > 0).sort((x, y) => compareText(x.value, y.value)));
  }
  return out;
}
