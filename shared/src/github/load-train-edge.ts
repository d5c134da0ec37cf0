import { existsSync } from "node:fs";
import path from "node:path";
import type { PolicyProvenance } from "../core/result-base.js";
import type { TrainServices } from "../lineage/train-services.js";
import { systemProbe } from "../lineage/system-probe.js";
import type { ActionRun } from "./action-run.js";
import { actionsArtifactStore } from "./actions-artifact-store.js";
import { actionsOutputCache } from "./actions-output-cache.js";
import { loadRunPolicy } from "./load-run-policy.js";
import { warning } from "./runner-annotations.js";
import type { TrainEdge } from "../use-cases/run-train-reproducibly.js";

/**
 * What a training run gets from the runner: the real process, the job log, the cache and artifact
 * services when the runner has them, and the run's file access and link. The policy is optional here (train-reproducibly has no rules of
 * its own in it): when the file exists it names the key, as in every action.
 */
export async function loadTrainEdge(
  run: ActionRun,
  inputs: { policy: string; policySource: "base" | "head"; policyMaxBytes: number },
): Promise<TrainEdge> {
  const policyInput = inputs.policy;
  const selected = existsSync(path.resolve(run.fileAccess.workspace, policyInput))
    ? await loadRunPolicy(run, policyInput, inputs.policySource, inputs.policyMaxBytes)
    : undefined;
  const policy: PolicyProvenance = selected?.provenance ?? { file: policyInput, sha256: "", source: "file" };
  const services: TrainServices = {
    probe: systemProbe(),
    stdout: process.stdout,
    stderr: process.stderr,
    now: Date.now,
    cache: actionsOutputCache(process.env),
    artifacts: actionsArtifactStore(process.env),
    warn: (message) => warning(message),
    policy,
  };
  // The file access is read after the policy set its read limits.
  return { services, model: selected?.policy.model, access: run.fileAccess, runUrl: run.context.runUrl ?? null };
}
