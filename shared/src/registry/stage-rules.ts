import { ownEntry } from "../core/own-entry.js";
import type { RegistryPolicy } from "./registry-policy-schema.js";

/** A gate the policy requires: `evaluate-gate` (any key) or `evaluate-gate/churn`. */
export interface GateRef {
  action: string;
  key?: string;
  /** As written in the policy. */
  text: string;
}

/** A required check: a job's check-run name and the workflow file whose runs may provide it. */
export interface RequiredCheckSpec {
  name: string;
  /** `.github/workflows/<file>`, as a workflow run's `path` names it. */
  workflow: string;
}

/** The rules of `registry.stages.<stage>` that promote and rollback apply, with where they are written. */
export interface StageRules {
  stage: string;
  /** The policy file they came from, as a sentence names it ("modelgate.yml (base branch)"); null without a policy. */
  source: string | null;
  /** The stages the policy lists when it lists some but not this one (such a stage is refused); else null. */
  unlisted: string[] | null;
  require: GateRef[];
  checks: RequiredCheckSpec[];
  rollbackEnvironment: string | null;
}

/** The rules of one stage; none when the policy has no `registry.stages` (then only the evidence rules apply). */
export function readStageRules(
  policy: { registry?: RegistryPolicy | undefined } | undefined,
  stage: string,
  source: string | null,
): StageRules {
  const stages = policy?.registry?.stages;
  // A stage named "constructor" or "toString" is a stage like any other: unlisted unless the policy lists it.
  const rules = stages === undefined ? undefined : ownEntry(stages, stage);
  const none: StageRules = { stage, source, unlisted: null, require: [], checks: [], rollbackEnvironment: null };
  if (!stages) return none;
  if (!rules) return { ...none, unlisted: Object.keys(stages).sort() };
  const workflow = rules.checks === undefined ? undefined : toWorkflowPath(rules.checks.workflow);
  return {
    ...none,
    require: (rules.require ?? []).map(toGateRef),
    checks: workflow === undefined ? [] : [...new Set(rules.checks!.jobs)].map((name) => ({ name, workflow })),
    rollbackEnvironment: rules["rollback-environment"] ?? null,
  };
}

/** A workflow file as a run's `path` names it: a bare `gate.yml` is `.github/workflows/gate.yml`. */
export function toWorkflowPath(file: string): string {
  return file.startsWith(".github/workflows/") ? file : `.github/workflows/${file}`;
}

function toGateRef(text: string): GateRef {
  const slash = text.indexOf("/");
  return slash < 0 ? { action: text, text } : { action: text.slice(0, slash), key: text.slice(slash + 1), text };
}
