import { loadEvaluateFiles } from "../../../../shared/src/use-cases/load-evaluate-files.js";
import { evaluateGate } from "../../../../shared/src/evaluate/evaluate-gate.js";
import type { GateResult } from "../../../../shared/src/evaluate/gate-result.js";
import { selectPolicy } from "../../../../shared/src/policy/select-policy.js";
import { fixtureAccess } from "./load-fixtures.js";

export const EXPLAINED_POLICY = `version: 1
model: churn
evaluate:
  metrics:
    roc_auc: { direction: higher, max-regression: 0.05 }
  explanations:
    top-k: 3
    max-rank-change: { age: 1, tenure: 3 }
`;

/** evaluate-gate's result on the explanation fixtures: predictions paired by id, both models' attributions. */
export async function explainedResult(options: { showExamples: boolean; policy?: string }): Promise<GateResult> {
  const selected = selectPolicy({
    file: "modelgate.yml",
    mode: "file",
    head: { text: options.policy ?? EXPLAINED_POLICY, sha256: "sha256-of-policy" },
  });
  const files = await loadEvaluateFiles(
    {
      candidatePredictions: "candidate-predictions.csv",
      baselinePredictions: "baseline-predictions.csv",
      candidateExplanations: "candidate-attributions.csv",
      baselineExplanations: "baseline-attributions.csv",
      showExamples: options.showExamples,
    },
    fixtureAccess,
  );
  return evaluateGate({
    ...files,
    policy: selected.policy,
    policyProvenance: selected.provenance,
    policyLineOf: selected.lineOf,
  });
}
