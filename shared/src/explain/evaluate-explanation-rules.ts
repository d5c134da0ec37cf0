import type { Check } from "../core/check.js";
import type { Verdict } from "../core/verdict.js";
import { formatShare, formatSigned } from "../core/format-number.js";
import { compareAttributionSigns } from "./compare-attribution-signs.js";
import type { ExplanationPolicy, ExplanationRuleName } from "./explanation-policy-schema.js";
import type { Explanations } from "./explanations.js";
import { rankFeatures } from "./rank-features.js";

export type ExplanationCheck = Check<ExplanationRuleName>;

interface Side {
  explanations: Explanations | undefined;
  ranks: Map<string, number>;
}

/**
 * The checks `evaluate.explanations` asks for (none when it only sets top-k). Read like metric rules (contract §3):
 * a feature the candidate's explanations lack, or no candidate explanations at all, fails; no baseline
 * explanations makes a baseline rule a warning; a feature the baseline lacks cannot be compared, so it fails.
 */
export function evaluateExplanationRules(
  policy: ExplanationPolicy,
  candidate: Explanations | undefined,
  baseline: Explanations | undefined,
  policyLineOf?: (path: ReadonlyArray<string>) => number | undefined,
): ExplanationCheck[] {
  const c: Side = { explanations: candidate, ranks: candidate ? rankFeatures(candidate.global) : new Map() };
  const b: Side = { explanations: baseline, ranks: baseline ? rankFeatures(baseline.global) : new Map() };
  const checks: ExplanationCheck[] = [];
  const at = (...path: string[]) => {
    const line = policyLineOf?.(["evaluate", "explanations", ...path]);
    return line === undefined ? {} : { policy_line: line };
  };
  for (const [feature, bound] of Object.entries(policy["max-rank-change"] ?? {})) {
    const metric = `rank(${feature})`;
    const base = {
      name: `${metric}:max-rank-change`,
      metric,
      rule: "max-rank-change" as const,
      threshold: bound,
      delta_pct: null,
      ...at("max-rank-change", feature),
    };
    const missing = findMissing(feature, c, b);
    if (missing) {
      checks.push({
        ...base,
        ...missing,
        value: c.ranks.get(feature) ?? null,
        baseline: b.ranks.get(feature) ?? null,
        delta: null,
      });
      continue;
    }
    const value = c.ranks.get(feature)!;
    const before = b.ranks.get(feature)!;
    const delta = value - before;
    const verdict: Verdict = Math.abs(delta) <= bound ? "pass" : "fail";
    const moved =
      delta === 0
        ? "kept its rank"
        : `moved ${delta < 0 ? "up" : "down"} ${Math.abs(delta)} (rank ${before} → ${value})`;
    const message = `${feature} ${moved}; at most ${bound} allowed.`;
    checks.push({ ...base, verdict, value, baseline: before, delta, message });
  }
  for (const feature of policy["sign-stable"] ?? []) {
    const metric = `mean attribution(${feature})`;
    const cMean = candidate?.global.get(feature)?.mean ?? null;
    const bMean = baseline?.global.get(feature)?.mean ?? null;
    const base = {
      name: `${metric}:sign-stable`,
      metric,
      rule: "sign-stable" as const,
      threshold: 0,
      delta_pct: null,
      value: cMean,
      baseline: bMean,
      ...at("sign-stable"),
    };
    const delta = cMean !== null && bMean !== null ? cMean - bMean : null;
    const missing = findMissing(feature, c, b);
    if (missing) {
      checks.push({ ...base, ...missing, delta });
    } else if (cMean === null || bMean === null) {
      const which = cMean === null ? "candidate" : "baseline";
      const message = `The ${which}'s explanations give ${feature}'s importance only (a bare number), so its sign cannot be checked; give {"mean_abs", "mean"} or per-example attributions.`;
      checks.push({ ...base, verdict: "fail", delta, message });
    } else {
      const signs = compareAttributionSigns(feature, candidate!, baseline!);
      const flipped = signs.changed === true;
      const evidence =
        signs.share === null
          ? `mean attribution ${formatSigned(bMean)} → ${formatSigned(cMean)}, direction counted only beyond ±10% of mean |attribution|`
          : `reversed on ${formatShare(signs.share)} of ${signs.compared} examples where both attributions are clearly signed`;
      const message = flipped
        ? `${feature}'s attributions changed sign (${evidence}).`
        : `${feature}'s attributions kept their sign (${evidence}).`;
      checks.push({ ...base, verdict: flipped ? "fail" : "pass", delta, message });
    }
  }
  const mismatch = policy["on-feature-mismatch"];
  if (mismatch !== "report" && candidate && baseline)
    checks.push({ ...checkFeatureMismatch(mismatch, c, b), ...at("on-feature-mismatch") });
  return checks;
}

function checkFeatureMismatch(level: "warn" | "fail", c: Side, b: Side): ExplanationCheck {
  const onlyCandidate = [...c.ranks.keys()].filter((name) => !b.ranks.has(name));
  const onlyBaseline = [...b.ranks.keys()].filter((name) => !c.ranks.has(name));
  const count = onlyCandidate.length + onlyBaseline.length;
  const list = (names: string[]) =>
    names.slice(0, 5).join(", ") + (names.length > 5 ? `, and ${names.length - 5} more` : "");
  const parts = [
    ...(onlyCandidate.length > 0 ? [`only in the candidate's explanations: ${list(onlyCandidate)}`] : []),
    ...(onlyBaseline.length > 0 ? [`only in the baseline's: ${list(onlyBaseline)}`] : []),
  ];
  const metric = "features in one model only";
  return {
    name: `${metric}:on-feature-mismatch`,
    metric,
    rule: "on-feature-mismatch",
    verdict: count === 0 ? "pass" : level,
    value: count,
    baseline: null,
    delta: null,
    delta_pct: null,
    threshold: 0,
    message:
      count === 0
        ? "Both models' explanations name the same features."
        : `${count} features differ: ${parts.join("; ")}.`,
  };
}

/** Why a feature rule cannot be decided, or undefined when both models have the feature. */
function findMissing(feature: string, c: Side, b: Side): { verdict: Verdict; message: string } | undefined {
  if (!c.explanations) {
    return {
      verdict: "fail",
      message: `No candidate explanations were given, so ${feature} cannot be checked; set candidate-explanations.`,
    };
  }
  if (!c.ranks.has(feature) && !b.ranks.has(feature)) {
    const near = [...c.ranks.keys()].find((name) => name.toLowerCase() === feature.toLowerCase());
    const hint = near === undefined ? "" : ` Did you mean ${JSON.stringify(near)}?`;
    return {
      verdict: "fail",
      message: `Neither model's explanations have a feature named ${JSON.stringify(feature)}.${hint}`,
    };
  }
  if (!c.ranks.has(feature)) {
    return {
      verdict: "fail",
      message: `${feature} is absent from the candidate's explanations (${c.explanations.name}): the candidate no longer uses it.`,
    };
  }
  if (!b.explanations)
    return {
      verdict: "warn",
      message: `No baseline explanations were given, so ${feature} is not compared; set baseline-explanations.`,
    };
  if (!b.ranks.has(feature)) {
    return {
      verdict: "fail",
      message: `${feature} is absent from the baseline's explanations (${b.explanations.name}), so it cannot be compared: it is new in the candidate.`,
    };
  }
  return undefined;
}
