import { ModelgateError } from "../core/modelgate-error.js";
import type { Check } from "../core/check.js";
import { registryCheck } from "../registry/registry-check.js";
import type { RegistryEffects } from "../registry/registry-result.js";
import type { StageMove } from "../registry/stage-move.js";
import { dispatchWorkflow } from "./dispatch-workflow.js";
import type { GitHubClient } from "./github-client.js";
import { recordDeployment } from "./record-deployment.js";

export interface EffectsInputs {
  environment?: string | undefined;
  dispatch?: string | undefined;
  dispatchRef?: string | undefined;
}

/**
 * After a stage moved: records a GitHub Deployment of the version's commit to `environment` and starts the
 * `dispatch` workflow (inputs model, stage, version, tag). The registry is already written when these run, so a
 * failure is a failed check saying so, never an undone promotion.
 */
export async function applyRegistryEffects(
  client: GitHubClient,
  inputs: EffectsInputs,
  move: StageMove,
): Promise<{ effects: RegistryEffects; checks: Check[] }> {
  const effects: RegistryEffects = { deployment: null, dispatched: null };
  const checks: Check[] = [];
  const done = `${move.model} ${move.version} is in ${move.stage} (${move.tag}); `;
  if (inputs.environment !== undefined) {
    const environment = inputs.environment;
    try {
      const payload = { model: move.model, stage: move.stage, version: move.version, tag: move.tag };
      const id = await recordDeployment(client.octokit, client.repo, {
        sha: move.sha,
        environment,
        description: move.description,
        payload,
        logUrl: move.runUrl,
      });
      effects.deployment = { environment, id };
      checks.push(
        effectCheck(
          "deployment",
          environment,
          "pass",
          `Deployment ${id} of ${move.sha.slice(0, 7)} to ${environment} recorded.`,
        ),
      );
    } catch (error) {
      checks.push(
        effectCheck(
          "deployment",
          environment,
          "fail",
          `${done}recording the deployment to ${environment} failed: ${describe(error)}`,
        ),
      );
    }
  }
  if (inputs.dispatch !== undefined) {
    const workflow = inputs.dispatch;
    try {
      await dispatchWorkflow(client.octokit, client.repo, {
        workflow,
        ref: inputs.dispatchRef!,
        inputs: { model: move.model, stage: move.stage, version: move.version, tag: move.tag },
      });
      effects.dispatched = workflow;
      checks.push(
        effectCheck(
          "dispatch",
          workflow,
          "pass",
          `Started ${workflow} on ${inputs.dispatchRef} with model, stage, version and tag.`,
        ),
      );
    } catch (error) {
      checks.push(effectCheck("dispatch", workflow, "fail", `${done}starting ${workflow} failed: ${describe(error)}`));
    }
  }
  return { effects, checks };
}

function effectCheck(
  rule: "deployment" | "dispatch",
  target: string,
  verdict: "pass" | "fail",
  message: string,
): Check {
  return registryCheck(`${rule}:${target}`, target, rule, verdict, message);
}

function describe(error: unknown): string {
  if (error instanceof ModelgateError) return `${error.message} Fix: ${error.hint}`;
  return error instanceof Error ? error.message : String(error);
}
