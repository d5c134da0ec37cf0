import type { MetricPolicy } from "./evaluate-policy-schema.js";
import { formatNumber } from "../core/format-number.js";
import { computeSignificancePValue } from "../stats/compute-significance-p-value.js";
import {
  decideSignificanceEvidence,
  gatherSignificanceEvidence,
  type GatheredEvidence,
  type SignificanceMetric,
} from "./evaluate-significance-rule.js";
import type { EvaluateCheck, SignificanceSettings } from "./gate-result.js";
import { toSignificanceLevels } from "../stats/to-adjusted-alphas.js";
import type { SignificanceRuleKind } from "../stats/to-significance-margin.js";

/** One baseline rule with `significance:`, with the plain check it replaces and the paired data it is decided on. */
export interface SignificanceTask {
  /** The rule's plain check: name, values, change. */
  check: EvaluateCheck;
  rules: MetricPolicy;
  kind: SignificanceRuleKind;
  metric: SignificanceMetric;
  /** Both models' per-example values on the same examples, or the sentence saying why there are none. */
  data: { yTrue: Float64Array; candidate: Float64Array; baseline: Float64Array } | { missing: string };
}

export interface SignificanceOptions {
  seed: number;
  resamples: number;
  /** Default: holm with more than one check (contract §3). */
  multipleTesting?: "holm" | "bonferroni" | "none" | undefined;
  /** The gate-wide default of each rule's `on-inconclusive`; default fail (fail closed). */
  onInconclusive?: "fail" | "warn" | undefined;
}

/**
 * Decides a gate's significance rules as one family (contract §3): gathers each rule's evidence once (seeded paired
 * bootstrap or DeLong), adjusts the levels across the family (Holm by default, Bonferroni, or none), then reads each
 * interval at its adjusted level. `inconclusive` becomes the rule's `on-inconclusive` (default fail). A rule without
 * paired data fails and says why: significance is never silently skipped. Checks come back in task order.
 * The family alpha is the rules' common `significance`; `familyAlpha` is given when they must agree.
 */
export function judgeSignificance(
  tasks: readonly SignificanceTask[],
  options: SignificanceOptions,
  familyAlpha: number,
): { checks: EvaluateCheck[]; settings: SignificanceSettings } {
  const method = tasks.length > 1 ? (options.multipleTesting ?? "holm") : "none";
  const gathered: (GatheredEvidence | string)[] = tasks.map((task) =>
    "missing" in task.data
      ? task.data.missing
      : gatherSignificanceEvidence(
          { metric: task.metric, ...task.data },
          {
            // The smallest level the rule may be decided at: Holm's first step and Bonferroni divide by the family.
            alpha: (task.rules.significance as number) / (method === "none" ? 1 : tasks.length),
            seed: options.seed,
            resamples: options.resamples,
            interval: task.rules.interval ?? "bca",
          },
        ),
  );
  const pValues = tasks.map((task, i) => {
    const evidence = gathered[i];
    if (typeof evidence === "string" || evidence === undefined || !evidence.ok) return 1;
    const p = computeSignificancePValue({ ...toRule(task), baseline: evidence.baselineValue }, evidence.evidence);
    return p.ok ? p.value : 1;
  });
  const levels = toSignificanceLevels(
    pValues,
    tasks.map((task) => task.rules.significance as number),
    { familyAlpha, method },
  );
  const checks = tasks.map((task, i): EvaluateCheck => {
    const evidence = gathered[i] as GatheredEvidence | string;
    const level = levels[i] as { alpha: number; p_value_adjusted?: number | undefined };
    return toCheck(task, evidence, level.alpha, level.p_value_adjusted, options.onInconclusive);
  });
  return {
    checks,
    settings: {
      seed: options.seed,
      resamples: options.resamples,
      multiple_testing: method,
      family_alpha: familyAlpha,
      checks: tasks.length,
    },
  };
}

function toRule(task: SignificanceTask) {
  return { direction: task.rules.direction, kind: task.kind, bound: task.rules[task.kind] as number };
}

function toCheck(
  task: SignificanceTask,
  evidence: GatheredEvidence | string,
  alpha: number,
  adjusted: number | undefined,
  gateDefault: "fail" | "warn" | undefined,
): EvaluateCheck {
  const plain = task.check;
  const stripped: EvaluateCheck = { ...plain, alpha, ...(adjusted !== undefined && { p_value_adjusted: adjusted }) };
  if (typeof evidence === "string") {
    return {
      ...stripped,
      verdict: "fail",
      message: `significance: ${formatNumber(task.rules.significance as number)} cannot be decided: ${evidence}`,
    };
  }
  const method =
    evidence.method.method === "bootstrap" ? `bootstrap-${evidence.method.interval}` : evidence.method.method;
  const decided = decideSignificanceEvidence(evidence, toRule(task), alpha);
  if (!decided.decided)
    return { ...stripped, method, verdict: "fail", message: `${decided.message} The gate cannot decide, so it fails.` };
  const beside =
    decided.p_value_no_difference === undefined ? {} : { p_value_no_difference: decided.p_value_no_difference };
  // An unbounded metric's exact bound has infinite limits, which JSON cannot carry: the message states them.
  const ci = decided.ci.every(Number.isFinite) ? { ci: decided.ci } : {};
  const common = {
    ...stripped,
    method,
    ...ci,
    p_value: decided.p_value,
    ...beside,
    ...(plain.delta !== null && { effect_size: plain.delta }),
  };
  if (task.kind.startsWith("warn-regression")) return toWarningCheck(common, decided.verdict, decided.message);
  if (decided.verdict !== "inconclusive") return { ...common, verdict: decided.verdict, message: decided.message };
  const onInconclusive = task.rules["on-inconclusive"] ?? gateDefault ?? "fail";
  return { ...common, verdict: onInconclusive, message: `${decided.message} on-inconclusive: ${onInconclusive}.` };
}

/**
 * A warn-regression rule decided on the interval: a warning only for a regression shown beyond its bound (the
 * interval wholly on the wrong side), so `on-inconclusive` does not apply; shown within the bound, or neither, passes.
 */
function toWarningCheck(
  common: EvaluateCheck,
  verdict: "pass" | "fail" | "inconclusive",
  message: string,
): EvaluateCheck {
  if (verdict === "fail")
    return { ...common, verdict: "warn", message: `${message} A warning: the regression is significant.` };
  if (verdict === "pass") return { ...common, verdict: "pass", message };
  return {
    ...common,
    verdict: "pass",
    message: `${message} No warning: warn-regression warns only on a regression shown beyond its bound.`,
  };
}
