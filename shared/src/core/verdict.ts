export type Verdict = "pass" | "warn" | "fail";

const RANK: Record<Verdict, number> = { pass: 0, warn: 1, fail: 2 };

/** The gate's verdict: the worst of its checks (all rules must hold). */
export function worstVerdict(verdicts: Iterable<Verdict>): Verdict {
  let worst: Verdict = "pass";
  for (const v of verdicts) if (RANK[v] > RANK[worst]) worst = v;
  return worst;
}

/** Sort key putting failed checks first, then warnings, then passes. */
export function verdictOrder(v: Verdict): number {
  return 2 - RANK[v];
}
