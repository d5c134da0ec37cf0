import { PolicyError } from "../core/modelgate-error.js";
import type { ShadowPolicy } from "./shadow-policy-schema.js";
import type { ShadowComparison } from "./shadow-comparison.js";
import type { PolicyProvenance } from "../core/result-base.js";
import { scoreShadowChecks } from "./score-shadow-checks.js";
import { toShadowChecks } from "./shadow-checks.js";
import type { ShadowCheck, ShadowResult } from "./shadow-result.js";
import { toShadowSummary } from "./to-shadow-summary.js";
import { verdictOrder, worstVerdict } from "../core/verdict.js";

export interface EvaluateShadowInput {
  /** The policy's model and shadow: section (the parts shadow-compare reads). */
  policy: { model?: string | undefined; shadow?: ShadowPolicy | undefined };
  policyProvenance: PolicyProvenance;
  policyLineOf?: (path: ReadonlyArray<string>) => number | undefined;
  key?: string;
  comparison: ShadowComparison;
  labelsFile?: string;
  /** Where the review queue was written, when it was. */
  reviewQueue?: { path: string; rows: number };
  /** Rendered only with show-examples (contract §2). */
  examples?: ShadowResult["examples"];
  notes?: readonly string[];
}

/**
 * Judges the shadow against production under the policy's `shadow:` rules: fewer joined requests than
 * min-requests fails (too little data is not a pass), then one check per rule, then the optional Kayenta-style
 * scorecard. Pure: the logs are already read and compared.
 * @throws PolicyError when the policy has no `shadow:` section.
 */
export function evaluateShadow(input: EvaluateShadowInput): ShadowResult {
  const { policy, comparison } = input;
  const section = requireShadowPolicy(policy, input.policyProvenance.file);
  const summary = toShadowSummary(comparison);
  const joined = summary.requests.joined;
  const minimum = section["min-requests"];
  const enough: ShadowCheck = {
    name: "requests:min-requests",
    metric: "requests",
    rule: "min-requests",
    verdict: joined >= minimum ? "pass" : "fail",
    value: joined,
    baseline: null,
    delta: null,
    delta_pct: null,
    threshold: minimum,
    message:
      joined >= minimum
        ? `${joined} requests were answered by both models (min-requests ${minimum}).`
        : `Only ${joined} requests were answered by both models; min-requests is ${minimum}, and too little data fails the gate.`,
  };
  const ruleChecks = toShadowChecks(section, comparison, section["on-inconclusive"]);
  const scored = section.scorecard ? scoreShadowChecks(ruleChecks, section.scorecard) : undefined;
  const checks = [enough, ...(scored ? [scored.check, ...scored.checks] : ruleChecks)].map((check) => {
    const line = input.policyLineOf?.(["shadow", check.rule === "scorecard" ? "scorecard" : check.rule]);
    return line === undefined ? check : { ...check, policy_line: line };
  });
  checks.sort((a, b) => verdictOrder(a.verdict) - verdictOrder(b.verdict));
  const model = policy.model ?? "default";
  const { production, shadow } = comparison;
  return {
    action: "shadow-compare",
    key: input.key ?? model,
    verdict: worstVerdict(checks.map((c) => c.verdict)),
    checks,
    policy: input.policyProvenance,
    notes: [...(input.notes ?? []), ...toNotes(comparison)],
    subject: { model },
    files: {
      production: production.file,
      shadow: shadow.file,
      labels: input.labelsFile ?? null,
      review_queue: input.reviewQueue?.path ?? null,
    },
    summary,
    ...(scored && { scorecard: scored.scorecard }),
    ...(input.examples && { examples: input.examples }),
    outputs: {
      agreement: summary.classes ? String(summary.classes.agreement) : "",
      coverage: String(summary.requests.coverage),
      ...(input.reviewQueue && { "review-queue": input.reviewQueue.path }),
    },
  };
}

/**
 * The policy's `shadow:` section.
 * @throws PolicyError when there is none, since the gate could not decide anything.
 */
export function requireShadowPolicy(policy: { shadow?: ShadowPolicy | undefined }, file: string): ShadowPolicy {
  if (policy.shadow) return policy.shadow;
  throw new PolicyError(
    `${file} has no shadow: section, so shadow-compare has no rule to apply.`,
    "Add a shadow: section, e.g. shadow: { min-coverage: 0.95, max-flip-rate: 0.02, max-latency-p95-regression-pct: 10 }.",
    { file, path: "shadow" },
  );
}

function toNotes(comparison: ShadowComparison): string[] {
  const { joined, production, shadow, classes } = comparison;
  const notes: string[] = [...production.warnings, ...shadow.warnings];
  if (joined.onlyProduction > 0 || joined.onlyShadow > 0) {
    notes.push(
      `Partial join: ${joined.onlyProduction} production requests have no shadow answer and ${joined.onlyShadow} shadow requests have no production counterpart; both are counted in the coverage, not dropped.`,
    );
  }
  for (const [name, log] of [
    ["production", joined.duplicates.production],
    ["shadow", joined.duplicates.shadow],
  ] as const) {
    if (log.rows > 0)
      notes.push(
        `The ${name} log repeats ${log.ids} request ids (${log.rows} extra rows); duplicate-ids is "${joined.policy}", so the ${joined.policy} row per id was kept.`,
      );
  }
  for (const log of [production, shadow]) {
    if (log.window && !log.window.sorted)
      notes.push(
        `The ${log.input} log is not in time order; its window is taken from its earliest to its latest timestamp.`,
      );
  }
  if (classes && classes.unanswered > 0)
    notes.push(
      `${classes.unanswered} joined requests lack a predicted class in one of the logs and are left out of agreement.`,
    );
  return notes;
}
