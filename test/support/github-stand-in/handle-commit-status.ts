import { errorResponse } from "./error-bodies.js";
import { toNodeId, toUserId } from "./github-objects.js";
import { resolveCommit } from "./handle-commit-check-runs.js";
import type { RouteHandler } from "./route-handler.js";
import { toRepository } from "./to-repository.js";

/**
 * `GET /commits/{ref}/status`: the combined status of the commit, the newest status of each context. Its `state`
 * is failure when any is error or failure, pending when any is pending or none exist, else success.
 */
export const getCombinedStatus: RouteHandler = ({ params, query, state, urls, docs }) => {
  const repo = state.repo(params.owner!, params.repo!);
  const sha = resolveCommit(repo, params.ref!);
  if (sha === undefined) return errorResponse(422, `No commit found for SHA: ${params.ref!}`, docs);
  const newest = new Map<string, (typeof repo.statuses)[number]>();
  for (const status of repo.statuses)
    if (status.sha === sha && (newest.get(status.context)?.id ?? -1) < status.id) newest.set(status.context, status);
  const all = [...newest.values()].sort((a, b) => b.id - a.id);
  const states = all.map((status) => status.state);
  const combined = states.some((s) => s === "error" || s === "failure")
    ? "failure"
    : states.length === 0 || states.includes("pending")
      ? "pending"
      : "success";
  const perPage = Number(query.per_page ?? 30);
  const page = Math.max(1, Number(query.page ?? 1));
  const api = `${urls.api}/repos/${repo.owner}/${repo.repo}`;
  return {
    status: 200,
    body: {
      state: combined,
      sha,
      total_count: all.length,
      statuses: all.slice((page - 1) * perPage, page * perPage).map((status) => ({
        id: status.id,
        node_id: toNodeId("SC", status.id),
        url: `${api}/statuses/${sha}`,
        avatar_url: `https://avatars.githubusercontent.com/u/${toUserId(status.creator)}?v=4`,
        state: status.state,
        description: null,
        target_url: null,
        context: status.context,
        created_at: status.created_at,
        updated_at: status.created_at,
      })),
      repository: toRepository(repo, urls),
      commit_url: `${api}/commits/${sha}`,
      url: `${api}/commits/${sha}/status`,
    },
  };
};
