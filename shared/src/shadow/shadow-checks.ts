import type { ShadowPolicy, ScoredRule } from "./shadow-policy-schema.js";
import type { ShadowComparison } from "./shadow-comparison.js";
import { isAtLeast, isAtMost } from "../core/compare-within-tolerance.js";
import type { ShadowCheck } from "./shadow-result.js";
import type { Verdict } from "../core/verdict.js";
import { formatDistinct, formatNumber, formatPair, formatPoints, formatShare } from "../core/format-number.js";

type Extra = Partial<
  Pick<ShadowCheck, "baseline" | "delta" | "delta_pct" | "method" | "statistic" | "p_value" | "effect_size" | "ci">
>;

function check(
  metric: string,
  rule: ShadowCheck["rule"],
  value: number,
  threshold: number,
  verdict: Verdict,
  message: string,
  extra: Extra = {},
): ShadowCheck {
  return {
    name: `${metric}:${rule}`,
    metric,
    rule,
    verdict,
    value,
    baseline: null,
    delta: null,
    delta_pct: null,
    threshold,
    message,
    ...extra,
  };
}

function nodata(metric: string, rule: ScoredRule, threshold: number, why: string): ShadowCheck {
  return { ...check(metric, rule, Number.NaN, threshold, "fail", `No data: ${why}`), value: null, nodata: true };
}

/** A share in percent; a difference of shares in percentage points; a plain number. */
type Format = (value: number | null | undefined, digits: number) => string;
const pct: Format = formatShare;
const points: Format = (value, digits) =>
  formatPoints(value === null || value === undefined ? value : value * 100, digits).replace(/^\+/, "");
const plain: Format = formatNumber;

/** `value ≤ bound` (or ≥ for `min-*`) as a pass/fail check, with the contract's 1e-9 relative tolerance. */
function bound(
  metric: string,
  rule: ScoredRule,
  value: number,
  threshold: number,
  describe: Format,
  extra: Extra = {},
): ShadowCheck {
  const atLeast = rule.startsWith("min-");
  const ok = atLeast ? isAtLeast(value, threshold) : isAtMost(value, threshold);
  const relation = atLeast ? (ok ? "≥" : "<") : ok ? "≤" : ">";
  const [shown, limit] = formatPair(value, threshold, describe);
  return check(
    metric,
    rule,
    value,
    threshold,
    ok ? "pass" : "fail",
    `${metric} is ${shown}, ${relation} the ${atLeast ? "minimum" : "maximum"} ${limit}.`,
    extra,
  );
}

/**
 * One check per rule the `shadow:` section sets, from the computed comparison. A rule whose comparison the logs
 * cannot support (no scores, no latencies, too few labels) is a NODATA check that fails: the policy asked for it.
 */
export function toShadowChecks(
  policy: ShadowPolicy,
  comparison: ShadowComparison,
  inconclusive: Verdict,
): ShadowCheck[] {
  const { joined, classes, scores, latency, labels, distribution } = comparison;
  const checks: ShadowCheck[] = [];
  const joinedCount = joined.productionRows.length;
  const coverage = joinedCount / joined.productionRequests;
  const reverse = joinedCount / joined.shadowRequests;
  const rule = <K extends ScoredRule>(key: K) =>
    key === "latency-judge" ? undefined : policy[key as Exclude<ScoredRule, "latency-judge">];
  const add = (key: Exclude<ScoredRule, "latency-judge">, make: (threshold: number) => ShadowCheck) => {
    const threshold = rule(key);
    if (threshold !== undefined) checks.push(make(threshold));
  };
  add("min-coverage", (t) => bound("coverage", "min-coverage", coverage, t, pct, { statistic: joinedCount }));
  add("min-reverse-coverage", (t) => bound("reverse_coverage", "min-reverse-coverage", reverse, t, pct));
  add("max-flip-rate", (t) =>
    classes
      ? bound("flip_rate", "max-flip-rate", classes.flipRate, t, pct)
      : nodata("flip_rate", "max-flip-rate", t, "the logs have no prediction column in common."),
  );
  const scoreRule = (
    key: Exclude<ScoredRule, "latency-judge">,
    metric: string,
    value: number | undefined,
    extra: Extra = {},
  ) =>
    add(key, (t) =>
      value === undefined
        ? nodata(metric, key, t, "the logs have no paired scores.")
        : bound(metric, key, value, t, plain, extra),
    );
  scoreRule(
    "max-mean-abs-score-delta",
    "mean_abs_score_delta",
    scores?.meanAbsDelta,
    scores && { delta: scores.meanDelta },
  );
  scoreRule("max-p95-abs-score-delta", "p95_abs_score_delta", scores?.p95AbsDelta);
  const ks = distribution.scoreKs;
  scoreRule(
    "max-score-ks",
    "score_ks",
    ks?.statistic,
    ks && { method: `ks-${ks.method}`, statistic: ks.statistic, p_value: ks.pValue },
  );
  scoreRule("max-score-wasserstein", "score_wasserstein", distribution.scoreWasserstein, { method: "wasserstein" });
  scoreRule("max-score-psi", "score_psi", distribution.scorePsi, { method: "psi" });
  add("max-prediction-psi", (t) =>
    distribution.predictionPsi === undefined
      ? nodata("prediction_psi", "max-prediction-psi", t, "the logs have no predicted classes to compare.")
      : bound("prediction_psi", "max-prediction-psi", distribution.predictionPsi, t, plain, { method: "psi" }),
  );
  checks.push(...toLatencyChecks(policy, latency, inconclusive));
  add("max-slice-flip-rate", (t) => toSliceCheck(comparison, t, policy["min-slice-requests"]));
  add("max-accuracy-drop", (t) => {
    if (!labels || labels.labelled < policy["min-labels"]) {
      return nodata(
        "accuracy",
        "max-accuracy-drop",
        t,
        `${labels?.labelled ?? 0} joined requests have a label and both predictions; min-labels is ${policy["min-labels"]}.`,
      );
    }
    const drop = labels.productionAccuracy - labels.shadowAccuracy;
    // Decided on the drop; reported as the shadow's accuracy against production's, like every other check.
    const decided = bound("accuracy_drop", "max-accuracy-drop", drop, t, points);
    const [shadowAccuracy, productionAccuracy] = formatPair(labels.shadowAccuracy, labels.productionAccuracy, pct);
    const [dropText, maxText] = formatPair(drop, t, points);
    return {
      ...decided,
      metric: "accuracy",
      name: "accuracy:max-accuracy-drop",
      value: labels.shadowAccuracy,
      message: `Accuracy on ${labels.labelled} labelled requests: shadow ${shadowAccuracy} vs production ${productionAccuracy}, a drop of ${dropText} (${decided.verdict === "pass" ? "≤" : ">"} the maximum ${maxText}).`,
      baseline: labels.productionAccuracy,
      delta: labels.shadowAccuracy - labels.productionAccuracy,
      delta_pct:
        labels.productionAccuracy === 0
          ? null
          : ((labels.shadowAccuracy - labels.productionAccuracy) / labels.productionAccuracy) * 100,
      method: "mcnemar-exact",
      p_value: labels.mcnemar.pValue,
      statistic: labels.labelled,
    };
  });
  return checks;
}

function toSliceCheck(comparison: ShadowComparison, threshold: number, minimum: number): ShadowCheck {
  const judged = comparison.slices.filter((slice) => slice.compared >= minimum);
  if (!comparison.classes || judged.length === 0) {
    return nodata(
      "slice_flip_rate",
      "max-slice-flip-rate",
      threshold,
      `no slice value has ${minimum} or more compared requests (min-slice-requests).`,
    );
  }
  const worst = judged.reduce((a, b) => (b.flipRate > a.flipRate ? b : a));
  const result = bound("slice_flip_rate", "max-slice-flip-rate", worst.flipRate, threshold, pct, {
    statistic: worst.compared,
  });
  return {
    ...result,
    message: `The worst slice, ${worst.column} = ${JSON.stringify(worst.value)} (${worst.compared} requests), flips ${formatPair(worst.flipRate, threshold, pct).join("; the maximum is ")}.`,
  };
}

const LATENCY_RULES = [
  [50, "max-latency-p50-regression-pct"],
  [95, "max-latency-p95-regression-pct"],
  [99, "max-latency-p99-regression-pct"],
] as const;

function toLatencyChecks(
  policy: ShadowPolicy,
  latency: ShadowComparison["latency"],
  inconclusive: Verdict,
): ShadowCheck[] {
  if (policy["latency-judge"] === "kayenta") {
    if (!latency || latency.judge !== "kayenta")
      return [nodata("latency", "latency-judge", 0, "the logs have no latency column in common.")];
    const { judgement } = latency;
    const test = judgement.test;
    return [
      {
        ...check(
          "latency",
          "latency-judge",
          test?.estimate ?? 0,
          0,
          judgement.classification === "high" ? "fail" : "pass",
          `Kayenta's Mann–Whitney judge classifies the shadow's latency as ${judgement.classification.toUpperCase()}: ${judgement.reason}`,
        ),
        method: "kayenta-mann-whitney",
        ...(test && { p_value: test.pValue, ci: [test.low, test.high] as [number, number] }),
        ...(judgement.meanRatio !== null && { effect_size: judgement.meanRatio }),
        ...(judgement.classification === "nodata" && { nodata: true as const }),
      },
    ];
  }
  const checks: ShadowCheck[] = [];
  for (const [percent, key] of LATENCY_RULES) {
    const allowed = policy[key];
    if (allowed === undefined) continue;
    const metric = `latency_p${percent}`;
    const ratio = latency?.judge === "bootstrap" ? latency.ratios.find((r) => r.percent === percent) : undefined;
    if (!ratio) {
      checks.push(nodata(metric, key, allowed, "the logs have no latency column in common."));
      continue;
    }
    if (!ratio.interval.ok) {
      checks.push(nodata(metric, key, allowed, ratio.interval.reason));
      continue;
    }
    const limit = 1 + allowed / 100;
    const { low, high, estimate, confidence } = ratio.interval;
    const verdict: Verdict = isAtMost(high, limit) ? "pass" : low > limit ? "fail" : inconclusive;
    const where = verdict === "pass" ? "lies wholly within" : verdict === "fail" ? "lies wholly beyond" : "straddles";
    const [treatment, control] = formatPair(ratio.treatment, ratio.control);
    const [ratioText, lowText, highText, limitText] = formatDistinct([estimate, low, high, limit]);
    const message = Number.isFinite(estimate)
      ? `Shadow p${percent} ${treatment} vs production ${control}: ratio ${ratioText}, ${formatNumber(confidence * 100)}% interval [${lowText}, ${highText}] ${where} the allowed ${limitText} (+${formatNumber(allowed)}%).`
      : `Shadow p${percent} ${treatment} vs production ${control}: production's p${percent} is 0 on every resample of the requests and the shadow's is not, so the shadow is slower by more than any factor, beyond the allowed ${limitText} (+${formatNumber(allowed)}%).`;
    checks.push({
      ...check(metric, key, ratio.treatment, allowed, verdict, message),
      baseline: ratio.control,
      delta: ratio.treatment - ratio.control,
      delta_pct: ratio.control === 0 ? null : ((ratio.treatment - ratio.control) / Math.abs(ratio.control)) * 100,
      method: "paired-bootstrap-percentile",
      ...(Number.isFinite(estimate) && { effect_size: estimate }),
      // An infinite ratio's limits, which JSON cannot carry, are stated by the message.
      ...(Number.isFinite(high) && { ci: [low, high] as [number, number] }),
    });
  }
  return checks;
}
