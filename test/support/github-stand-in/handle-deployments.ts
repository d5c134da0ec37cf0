import { errorResponse, notFound } from "./error-bodies.js";
import { toNodeId, toSimpleUser, toTimestamp } from "./github-objects.js";
import type { Urls } from "./github-objects.js";
import { resolveCommit } from "./handle-commit-check-runs.js";
import type { RouteHandler } from "./route-handler.js";
import type { RepoState } from "./stand-in-state.js";
import type { StoredDeployment, StoredDeploymentStatus } from "./stand-in-types.js";

/**
 * `POST /deployments`: a deployment of the commit `ref` names. GitHub checks `required_contexts` against the
 * commit's statuses; the stand-in keeps no commit statuses, so it answers 409 when contexts are required at all.
 */
export const createDeployment: RouteHandler = ({ params, body, grant, state, urls, docs }) => {
  const repo = state.repo(params.owner!, params.repo!);
  const input = body as {
    ref: string;
    task?: string;
    environment?: string;
    description?: string | null;
    payload?: unknown;
    required_contexts?: string[];
    transient_environment?: boolean;
    production_environment?: boolean;
  };
  const sha = resolveCommit(repo, input.ref);
  if (sha === undefined) return errorResponse(422, `No ref found for: ${input.ref}`, docs);
  if (input.required_contexts === undefined || input.required_contexts.length > 0) {
    return errorResponse(409, "Conflict: Commit status checks failed for " + input.ref + ".", docs);
  }
  const now = toTimestamp(new Date());
  const deployment: StoredDeployment = {
    id: state.releaseId(),
    sha,
    ref: input.ref,
    task: input.task ?? "deploy",
    environment: input.environment ?? "production",
    description: input.description ?? "",
    payload: input.payload ?? {},
    creator: grant.login,
    created_at: now,
    transient_environment: input.transient_environment ?? false,
    production_environment: input.production_environment ?? (input.environment ?? "production") === "production",
    statuses: [],
  };
  repo.deployments.push(deployment);
  return { status: 201, body: toDeployment(repo, deployment, urls) };
};

/** `POST /deployments/{deployment_id}/statuses`. */
export const createDeploymentStatus: RouteHandler = ({ params, body, grant, state, urls, docs }) => {
  const repo = state.repo(params.owner!, params.repo!);
  const deployment = repo.deployments.find((candidate) => candidate.id === Number(params.deployment_id));
  if (!deployment) return notFound(docs);
  const input = body as {
    state: StoredDeploymentStatus["state"];
    description?: string;
    log_url?: string;
    environment_url?: string;
  };
  const status: StoredDeploymentStatus = {
    id: state.releaseId(),
    state: input.state,
    description: input.description ?? "",
    log_url: input.log_url ?? "",
    environment_url: input.environment_url ?? "",
    creator: grant.login,
    created_at: toTimestamp(new Date()),
  };
  deployment.statuses.push(status);
  return { status: 201, body: toDeploymentStatus(repo, deployment, status, urls) };
};

function toDeployment(repo: RepoState, deployment: StoredDeployment, urls: Urls): Record<string, unknown> {
  const base = `${urls.api}/repos/${repo.owner}/${repo.repo}`;
  return {
    url: `${base}/deployments/${deployment.id}`,
    id: deployment.id,
    node_id: toNodeId("DE", deployment.id),
    sha: deployment.sha,
    ref: deployment.ref,
    task: deployment.task,
    payload: deployment.payload,
    original_environment: deployment.environment,
    environment: deployment.environment,
    description: deployment.description,
    creator: toSimpleUser(deployment.creator, deployment.creator.endsWith("[bot]") ? "Bot" : "User", urls),
    created_at: deployment.created_at,
    updated_at: deployment.statuses.at(-1)?.created_at ?? deployment.created_at,
    statuses_url: `${base}/deployments/${deployment.id}/statuses`,
    repository_url: base,
    transient_environment: deployment.transient_environment,
    production_environment: deployment.production_environment,
  };
}

function toDeploymentStatus(
  repo: RepoState,
  deployment: StoredDeployment,
  status: StoredDeploymentStatus,
  urls: Urls,
): Record<string, unknown> {
  const base = `${urls.api}/repos/${repo.owner}/${repo.repo}`;
  return {
    url: `${base}/deployments/${deployment.id}/statuses/${status.id}`,
    id: status.id,
    node_id: toNodeId("DES", status.id),
    state: status.state,
    creator: toSimpleUser(status.creator, status.creator.endsWith("[bot]") ? "Bot" : "User", urls),
    description: status.description,
    environment: deployment.environment,
    // `target_url` is required; GitHub answers "" when no URL was given, which the description's `format: uri`
    // rejects, so a status without a log URL shows up in `violations`. The optional URLs are left out when unset.
    target_url: status.log_url,
    ...(status.log_url ? { log_url: status.log_url } : {}),
    ...(status.environment_url ? { environment_url: status.environment_url } : {}),
    created_at: status.created_at,
    updated_at: status.created_at,
    deployment_url: `${base}/deployments/${deployment.id}`,
    repository_url: base,
  };
}
