import type { Check } from "../core/check.js";
import { registryCheck } from "./registry-check.js";
import type { StageRules } from "./stage-rules.js";

/** A review of the run's deployment to an environment, as GitHub lists a run's approvals. */
export interface RunApproval {
  environments: string[];
  state: string;
  user: string;
}

/** What the run can show about its environment approvals: the list, or why there is none (not a workflow run). */
export type ApprovalEvidence = { runId: number; approvals: readonly RunApproval[] } | { unavailable: string };

/**
 * The `rollback-environment` rule of a stage: the rollback run must show an approved review of its deployment to
 * that environment (a job with `environment:` and required reviewers). Undefined when the stage sets none.
 */
export function checkRollbackEnvironment(rules: StageRules, evidence: ApprovalEvidence): Check | undefined {
  const environment = rules.rollbackEnvironment;
  if (environment === null) return undefined;
  const name = `environment:${environment}`;
  const rule = `${rules.source ?? "the policy"} registry.stages.${rules.stage}.rollback-environment`;
  if ("unavailable" in evidence) {
    return registryCheck(
      name,
      environment,
      "rollback-environment",
      "fail",
      `${rule} requires the rollback to run in environment ${environment}, which ${evidence.unavailable}.`,
    );
  }
  const approved = evidence.approvals.find((a) => a.state === "approved" && a.environments.includes(environment));
  if (approved)
    return registryCheck(
      name,
      environment,
      "rollback-environment",
      "pass",
      `Workflow run ${evidence.runId} was approved for environment ${environment} by ${approved.user}, as ${rule} requires.`,
    );
  const seen = evidence.approvals.map((a) => `${a.state} for ${a.environments.join(", ") || "no environment"}`);
  return registryCheck(
    name,
    environment,
    "rollback-environment",
    "fail",
    `${rule} requires the rollback to run in environment ${environment}, but workflow run ${evidence.runId} shows no approved review for it${seen.length > 0 ? ` (${seen.join("; ")})` : ""}. Give the rollback job environment: ${environment}, with required reviewers.`,
  );
}
