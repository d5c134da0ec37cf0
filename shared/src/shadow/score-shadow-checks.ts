import type { ShadowPolicy } from "./shadow-policy-schema.js";
import type { ShadowCheck, ShadowScorecard } from "./shadow-result.js";
import type { Verdict } from "../core/verdict.js";

type Scorecard = NonNullable<ShadowPolicy["scorecard"]>;

/**
 * Kayenta's scoring (WeightedSumScorer and ThresholdScoreClassifier) over the rule checks, each rule its own group:
 * a group scores 100 when its check passes, 0 when not, 100 without data; rules without a weight share what the
 * weights leave of 100 equally; the score is 0 when a critical rule does not pass or the share of rules without
 * data reaches max-nodata-share. Returns the scorecard and the checks as they count toward the gate: a non-critical
 * failure lowers the score and becomes a warning; a critical one stays a failure.
 */
export function scoreShadowChecks(
  checks: readonly ShadowCheck[],
  scorecard: Scorecard,
): { scorecard: ShadowScorecard; check: ShadowCheck; checks: ShadowCheck[] } {
  const weights = scorecard.weights ?? {};
  const explicit = checks.reduce((sum, c) => sum + (weights[c.rule as keyof typeof weights] ?? 0), 0);
  const unweighted = checks.filter((c) => weights[c.rule as keyof typeof weights] === undefined).length;
  const share = unweighted === 0 ? 0 : Math.max(0, 100 - explicit) / unweighted;
  const critical = new Set<string>(scorecard.critical ?? []);
  let score = 0;
  for (const c of checks) {
    const weight = weights[c.rule as keyof typeof weights] ?? share;
    const groupScore = c.nodata || c.verdict === "pass" ? 100 : 0;
    score += (groupScore * weight) / 100;
  }
  const nodataShare = checks.length === 0 ? 0 : checks.filter((c) => c.nodata).length / checks.length;
  const criticalFailures = checks.filter((c) => critical.has(c.rule) && c.verdict !== "pass").map((c) => c.name);
  if (criticalFailures.length > 0 || nodataShare >= scorecard["max-nodata-share"]) score = 0;
  // Kayenta rounds the summary score to two decimals (Precision.round(summaryScore, 2)).
  score = Math.round(score * 100) / 100;
  const verdict: Verdict = score >= scorecard.pass ? "pass" : score >= scorecard.marginal ? "warn" : "fail";
  const why =
    criticalFailures.length > 0
      ? ` (0 because critical ${criticalFailures.join(", ")} did not pass)`
      : nodataShare >= scorecard["max-nodata-share"]
        ? ` (0 because ${Math.round(nodataShare * 100)}% of the rules have no data; max-nodata-share is ${scorecard["max-nodata-share"]})`
        : "";
  const check: ShadowCheck = {
    name: "scorecard:scorecard",
    metric: "scorecard",
    rule: "scorecard",
    verdict,
    value: score,
    baseline: null,
    delta: null,
    delta_pct: null,
    threshold: scorecard.pass,
    message: `Score ${score.toFixed(1)} of 100${why}: pass at ${scorecard.pass}, marginal at ${scorecard.marginal}.`,
  };
  const counted = checks.map((c): ShadowCheck =>
    c.verdict === "fail" && !critical.has(c.rule) ? { ...c, verdict: "warn" } : c,
  );
  return {
    scorecard: {
      score,
      pass: scorecard.pass,
      marginal: scorecard.marginal,
      nodata_share: nodataShare,
      critical_failures: criticalFailures,
    },
    check,
    checks: counted,
  };
}
