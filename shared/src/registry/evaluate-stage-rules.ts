import type { Check } from "../core/check.js";
import type { GateEvidence } from "./promotion-evidence.js";
import { registryCheck as check } from "./registry-check.js";
import type { StageRules } from "./stage-rules.js";

/**
 * The policy's rules for the stage as checks: a stage the policy does not list is refused once it lists any, and
 * each gate `require:` names must be among the results with a pass or warn (its own verdict and subject checks
 * decide whether that result is evidence). With `allowUngated` (the CLI's explicit override) a missing required
 * gate is a warning that says so; a result that is there and failed still fails.
 */
export function evaluateStageRules(
  rules: StageRules,
  results: readonly GateEvidence[],
  allowUngated: boolean,
): Check[] {
  const where = `${rules.source ?? "the policy"} registry.stages`;
  if (rules.unlisted) {
    return [
      check(
        `policy:stage:${rules.stage}`,
        rules.stage,
        "policy-stage",
        "fail",
        `${where} lists ${rules.unlisted.join(", ")} but not ${rules.stage}: a stage the policy does not name has no rules, so nothing is promoted to it. Add ${rules.stage} under registry.stages (with require: [] if it needs no gate).`,
      ),
    ];
  }
  return rules.require.map((ref) => {
    const name = `require:${ref.text}`;
    const found = results.filter(
      ({ result }) => result.action === ref.action && (ref.key === undefined || result.key === ref.key),
    );
    const passed = found.find(({ result }) => result.verdict !== "fail" && !result.error);
    const rule = `${where}.${rules.stage}.require`;
    if (passed)
      return check(
        name,
        ref.text,
        "required-gate",
        "pass",
        `${ref.text} is required by ${rule}; ${passed.file} is its ${passed.result.verdict} result.`,
      );
    if (found.length > 0)
      return check(
        name,
        ref.text,
        "required-gate",
        "fail",
        `${ref.text} is required by ${rule}, and its result ${found[0]!.file} did not pass.`,
      );
    if (allowUngated)
      return check(
        name,
        ref.text,
        "required-gate",
        "warn",
        `${ref.text} is required by ${rule}, but no result of it was given: promoted without it (allow-ungated), as the version record says.`,
      );
    return check(
      name,
      ref.text,
      "required-gate",
      "fail",
      `${ref.text} is required by ${rule}, but no result of it was given; pass its result JSON in results (a gate step of this run).`,
    );
  });
}
