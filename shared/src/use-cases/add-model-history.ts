import { PolicyError } from "../core/modelgate-error.js";
import { verdictOrder, worstVerdict } from "../core/verdict.js";
import { decideHistoryMedian } from "../evaluate/decide-history-median.js";
import type { EvaluatePolicy } from "../evaluate/evaluate-policy-schema.js";
import type { EvaluateCheck, GateResult } from "../evaluate/gate-result.js";
import { buildModelHistory, toShortfallNote } from "../registry/model-history.js";
import { readModelRegistry } from "../registry/read-model-registry.js";
import { requireRegistryName } from "../registry/registry-names.js";
import type { RegistryStore } from "../registry/registry-store.js";

/** The default N of `evaluate.history.versions`. */
export const DEFAULT_HISTORY_VERSIONS = 5;

/**
 * Adds the policy's `evaluate.history` to a decided result: the gated metrics over the last N versions that held
 * the stage (read from the registry: the local git repository in the CLI, the API in the action), compared only
 * on the candidate's evaluation data, and the `max-below-median` rules decided as checks like any other.
 * @throws PolicyError when the rule names a metric the gate does not judge, or no registry is reachable.
 */
export async function addModelHistory(
  result: GateResult,
  evaluate: EvaluatePolicy,
  model: string,
  openRegistry: (() => Promise<RegistryStore>) | undefined,
  lineOf?: (path: readonly string[]) => number | undefined,
): Promise<GateResult> {
  const policy = evaluate.history;
  if (!policy) return result;
  const rules = Object.entries(policy["max-below-median"] ?? {});
  for (const [metric] of rules) {
    if (!(metric in evaluate.metrics)) {
      throw new PolicyError(
        `evaluate.history.max-below-median names ${metric}, which evaluate.metrics does not gate.`,
        `Add ${metric} to evaluate.metrics (its direction decides which way is worse), or remove it from the rule.`,
        { path: `evaluate.history.max-below-median.${metric}` },
      );
    }
  }
  if (!openRegistry) {
    throw new PolicyError(
      "evaluate.history compares with the registry's versions, but no registry is available here.",
      "Run where the repository's registry tags are reachable, or remove evaluate.history.",
      { path: "evaluate.history" },
    );
  }
  const registry = await readModelRegistry(await openRegistry(), requireRegistryName(policy.model ?? model, "model"));
  const metrics = Object.keys(evaluate.metrics);
  const history = buildModelHistory(registry, {
    stage: policy.stage,
    window: policy.versions ?? DEFAULT_HISTORY_VERSIONS,
    metrics,
    candidateEvalData: result.subject.eval_data_sha256 ?? null,
  });
  const candidate: Record<string, number | null> = {};
  for (const metric of metrics)
    candidate[metric] = result.checks.find((c) => c.metric === metric && c.slice === undefined)?.value ?? null;
  const added: EvaluateCheck[] = rules.map(([metric, threshold]) => {
    const check = decideHistoryMedian({
      metric,
      direction: evaluate.metrics[metric]!.direction,
      candidate: candidate[metric] ?? null,
      median: history.median[metric] ?? null,
      comparable: history.comparable.length,
      threshold,
    });
    const line = lineOf?.(["evaluate", "history", "max-below-median", metric]);
    return line === undefined ? check : { ...check, policy_line: line };
  });
  const checks = [...result.checks, ...added].sort((a, b) => verdictOrder(a.verdict) - verdictOrder(b.verdict));
  const notes = [...result.notes];
  if (result.subject.eval_data_sha256 === undefined)
    notes.push(
      "History: this run records no digest of its evaluation data, so no version can be compared with it; name the file its metrics were computed on with eval-data (--eval-data on the CLI).",
    );
  if (history.shortfall) notes.push(toShortfallNote(history.shortfall));
  return {
    ...result,
    checks,
    verdict: worstVerdict(checks.map((c) => c.verdict)),
    notes,
    history: { ...history, candidate },
  };
}
