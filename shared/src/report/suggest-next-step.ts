import type { Check } from "../core/check.js";
import { escapeMarkdown } from "./escape-markdown.js";

/**
 * What a reader can do about a check that failed or warned, one sentence per gate and kind of rule. Plain text
 * with `policy` (the policy file's name, untrusted) escaped for markdown by the caller's `escape`, which cuts the
 * text at `maxLength` (default 200) characters.
 */
type Escape = (text: string, maxLength?: number) => string;

const md: Escape = (text, maxLength = 200) => escapeMarkdown(text, maxLength);

/**
 * evaluate-gate: metric rules, significance, slices and explanation rules. `historyBelow` is false where the report
 * has no history table (a published result's report): the step then points to evaluate-gate's own report.
 */
export function suggestEvaluateStep(check: Check, policy: string, escape: Escape = md, historyBelow = true): string {
  const file = escape(policy);
  const where = check.slice === undefined ? "" : ` on ${escape(check.slice)}`;
  if (check.verdict === "warn" && check.baseline === null && check.rule !== "min" && check.rule !== "max") {
    return "Give the gate a baseline (its metrics file) so the change can be judged.";
  }
  if (check.ci && check.verdict !== "pass" && /inconclusive/i.test(check.message)) {
    return `Evaluate on more examples${where} to narrow the interval, or accept the risk explicitly.`;
  }
  // A rule the gate could not apply (a value the candidate or the baseline lacks, a registry version promoted
  // without it) failed closed: retraining would not help, the fix its reason names would.
  const fix = check.verdict === "fail" ? / Fix: (.+)$/s.exec(check.message)?.[1] : undefined;
  if (fix !== undefined) return escape(fix, 400);
  if (check.verdict === "fail" && /^significance: \S+ cannot be decided: /.test(check.message)) {
    return `Give both models' predictions of the same examples (candidate-predictions, and baseline-predictions or a registry: version promoted with its predictions), with scores where the metric needs them; or remove significance from the rule in ${file} on the base branch.`;
  }
  switch (check.rule) {
    case "min":
    case "max":
      return `Improve the candidate's ${escape(check.metric)}${where}, or change the bound in ${file} on the base branch if it is wrong.`;
    case "sign-stable":
    case "max-rank-change":
      return `Check why the feature's role changed (feature pipeline, leakage, a renamed column) before merging.`;
    case "max-below-median":
      if (check.baseline === null || check.value === null)
        return `Name the evaluation data with eval-data, as the stage's versions did, so the history has a median to compare with; or remove the rule in ${file} on the base branch.`;
      return `Compare with the versions in ${historyBelow ? "the history table" : "the history table of evaluate-gate's own report (its job summary)"}: ${escape(check.metric)} has slid below what the stage usually held; find what the recent retrains lost (data, features, parameters) before merging.`;
    case "on-feature-mismatch":
      return "Make both models' explanations name the same features, or confirm the feature set changed on purpose.";
    default:
      if (check.verdict === "warn")
        return `Review the change of ${escape(check.metric)}${where}; a warning does not block the merge.`;
      return `Find what made ${escape(check.metric)}${where} worse than the baseline (data, features, parameters) and retrain; loosen the rule in ${file} only on the base branch.`;
  }
}

/** validate-data: schema, quality and drift checks. */
export function suggestValidateStep(check: Check, escape: Escape = md): string {
  const column = escape(check.metric);
  if (check.rule === "drift")
    return `Check whether ${column}'s source or preprocessing changed; if the shift is real, refresh the reference data and retrain.`;
  if (check.rule === "new-categories")
    return `Map ${column}'s new categories in the pipeline, or add them to the reference if they are expected.`;
  if (check.rule === "present")
    return `Restore column ${column} upstream, or remove it from the schema if it was dropped on purpose.`;
  if (check.rule.startsWith("rows-"))
    return "Check the extract that produced the file (a filter, a partial load), or change the row bounds in the schema.";
  if (check.verdict === "warn") return `Review ${column}; a warning does not block.`;
  return `Fix ${column} upstream, or update the schema if the new values are valid.`;
}

/**
 * bias-check: a fairness metric against its bound. `groupsBelow` is false where the report has no groups tables
 * (a published result's report): the step then points to bias-check's own report, where they are.
 */
export function suggestBiasStep(check: Check, escape: Escape = md, groupsBelow = true): string {
  const what = escape(check.metric);
  const worst = groupsBelow
    ? "the worst groups below"
    : "the worst groups in bias-check's own report (its job summary)";
  // A warning's step does not repeat the metric its row names: in a table, that name was a second unbreakable
  // column as wide as the metric's own.
  if (check.verdict === "warn" && check.ci && /inconclusive/i.test(check.message))
    return "Evaluate on more rows to narrow the interval, or accept the risk explicitly; a warning does not block.";
  if (check.verdict === "warn") return `Review ${worst}; a warning does not block.`;
  if (check.value === null)
    return `Add rows for the groups ${what} needs, or lower min-group-size, so the metric is defined.`;
  return `Look at ${worst}: rebalance or reweight their training data, or adjust the decision threshold per the fairness policy.`;
}

/** shadow-compare: the shadow model against production on the same requests. */
export function suggestShadowStep(check: Check, escape: Escape = md): string {
  if (check.rule === "min-requests") return "Let the shadow run longer so enough requests are answered by both models.";
  if (/latency/.test(check.rule))
    return "Profile the shadow model's serving path (model size, batching, hardware) before promoting it.";
  if (check.verdict === "warn") return `Review ${escape(check.metric)}; a warning does not block.`;
  return `Read the disagreeing requests (show-examples, the review queue) to see where the shadow model goes wrong.`;
}

/** train-reproducibly: the command, repeatability and the cache. */
export function suggestTrainStep(check: Check): string {
  switch (check.rule) {
    case "exit-code":
      return "Read the command's last lines below and fix the training command.";
    case "repeatable":
    case "repeatable-within":
      return "Pin every seed and nondeterministic kernel (threads, GPU), and compare outputs with a tolerance if bitwise equality cannot hold.";
    case "restored-outputs":
      return "Clear the cache entry; the restored outputs do not match their recorded digests.";
    default:
      return check.verdict === "warn"
        ? "Review the warning; it does not block."
        : "Read the check's reason and rerun once fixed.";
  }
}

/** promote and rollback: the evidence the registry requires. */
export function suggestRegistryStep(check: Check): string {
  if (check.verdict === "warn") return "Review the warning; it does not block.";
  if (check.rule === "subject")
    return "Give as results the result output of a gate step that ran in this job on the promoted files; a result from elsewhere (a pull request's run, a download, a file in the repository) is no evidence.";
  if (check.rule === "verdict")
    return "Run the gate in this job on the promoted files (after fixing what it failed on, if it failed) and give its result output, unchanged.";
  if (check.rule === "rollback-environment")
    return "Run the rollback from a workflow job in the environment the policy names, with required reviewers (as workflows-examples/manual-rollback.yml does), and have a reviewer approve the run.";
  return "Produce the missing evidence (run the gates on this commit) or choose a version whose evidence passes.";
}
