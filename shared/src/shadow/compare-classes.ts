import { DataError } from "../core/modelgate-error.js";
import type { JoinedLogs } from "./join-shadow-logs.js";
import type { ShadowLog } from "./shadow-log.js";

/** How often the shadow's class differs from production's on the same request, and into what. */
export interface ClassComparison {
  /** Paired requests where both logs have a predicted class. */
  compared: number;
  /** Paired requests where one of the two has no class (the shadow did not answer, or production logged none). */
  unanswered: number;
  agreement: number;
  flipRate: number;
  /** Flips production class → shadow class, most frequent first (ties by class names). */
  flips: { from: string; to: string; count: number }[];
  /** Per class: how many compared requests each model assigns to it. */
  classes: { label: string; production: number; shadow: number }[];
  /** Whether pair i (in join order) disagrees; 0/1, 2 where not compared. */
  disagree: Uint8Array;
}

/**
 * Agreement and flip rate of the two models' predicted classes on the joined requests, and the confusion of flips.
 * @throws DataError naming both files when the two logs share no class at all (e.g. "1"/"0" against "yes"/"no").
 */
export function compareClasses(
  production: ShadowLog,
  shadow: ShadowLog,
  joined: JoinedLogs,
): ClassComparison | undefined {
  const a = production.predictions;
  const b = shadow.predictions;
  if (!a || !b) return undefined;
  // Shadow dictionary code → production code, so a pair compares two integers.
  const productionCode = new Map(a.dictionary.map((label, code) => [label, code]));
  const mapped = Int32Array.from(b.dictionary, (label) => productionCode.get(label) ?? -2);
  const n = joined.productionRows.length;
  const disagree = new Uint8Array(n);
  const flipCounts = new Map<string, number>();
  const perClass = new Map<string, { production: number; shadow: number }>();
  let compared = 0;
  let agree = 0;
  for (let i = 0; i < n; i++) {
    const p = a.codes[joined.productionRows[i] as number] as number;
    const s = b.codes[joined.shadowRows[i] as number] as number;
    if (p < 0 || s < 0) {
      disagree[i] = 2;
      continue;
    }
    compared++;
    const from = a.dictionary[p] as string;
    const to = b.dictionary[s] as string;
    const tally = perClass.get(from) ?? { production: 0, shadow: 0 };
    tally.production++;
    perClass.set(from, tally);
    const other = perClass.get(to) ?? { production: 0, shadow: 0 };
    other.shadow++;
    perClass.set(to, other);
    if (mapped[s] === p) {
      agree++;
      continue;
    }
    disagree[i] = 1;
    const key = JSON.stringify([from, to]);
    flipCounts.set(key, (flipCounts.get(key) ?? 0) + 1);
  }
  requireSharedClasses(production, shadow, perClass, compared);
  const flips = [...flipCounts].map(([key, count]) => {
    const [from, to] = JSON.parse(key) as [string, string];
    return { from, to, count };
  });
  flips.sort((x, y) => y.count - x.count || compareText(x.from, y.from) || compareText(x.to, y.to));
  const classes = [...perClass]
    .map(([label, counts]) => ({ label, ...counts }))
    .sort((x, y) => compareText(x.label, y.label));
  return {
    compared,
    unanswered: n - compared,
    agreement: compared === 0 ? 0 : agree / compared,
    flipRate: compared === 0 ? 0 : 1 - agree / compared,
    flips,
    classes,
    disagree,
  };
}

function requireSharedClasses(
  production: ShadowLog,
  shadow: ShadowLog,
  perClass: Map<string, { production: number; shadow: number }>,
  compared: number,
): void {
  if (compared === 0) return;
  const shared = [...perClass.values()].some((counts) => counts.production > 0 && counts.shadow > 0);
  if (shared) return;
  const list = (key: "production" | "shadow") =>
    [...perClass]
      .filter(([, counts]) => counts[key] > 0)
      .slice(0, 5)
      .map(([label]) => JSON.stringify(label))
      .join(", ");
  throw new DataError(
    `Inputs "production" (${production.file}) and "shadow" (${shadow.file}) predict disjoint sets of classes: ${list("production")} against ${list("shadow")}, so no request can agree.`,
    "Log the classes in one spelling in both models (e.g. both 1/0 or both yes/no), or map the shadow's labels before this step.",
    { input: "shadow", file: shadow.file },
  );
}

/** Code-unit order, the same on every machine (localeCompare is not). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
