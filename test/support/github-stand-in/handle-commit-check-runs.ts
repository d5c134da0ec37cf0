import { errorResponse } from "./error-bodies.js";
import { toCheckRunResponse } from "./github-objects.js";
import type { RouteHandler } from "./route-handler.js";
import type { RepoState } from "./stand-in-state.js";

/**
 * `GET /commits/{ref}/check-runs`: the check runs of the commit `ref` names (a sha, branch or tag), filtered by
 * `check_name` and `status`; `filter=latest` (the default) keeps the newest run of each name, as GitHub does.
 */
export const listCommitCheckRuns: RouteHandler = ({ params, query, state, urls, docs }) => {
  const repo = state.repo(params.owner!, params.repo!);
  const sha = resolveCommit(repo, params.ref!);
  if (sha === undefined) return errorResponse(422, `No commit found for SHA: ${params.ref!}`, docs);
  let runs = repo.checkRuns.filter((run) => run.head_sha === sha);
  if (query.check_name !== undefined) runs = runs.filter((run) => run.name === query.check_name);
  if (query.status !== undefined) runs = runs.filter((run) => run.status === query.status);
  if ((query.filter ?? "latest") === "latest") {
    const newest = new Map<string, (typeof runs)[number]>();
    for (const run of runs) if ((newest.get(run.name)?.id ?? -1) < run.id) newest.set(run.name, run);
    runs = [...newest.values()];
  }
  runs.sort((a, b) => b.id - a.id);
  const perPage = Number(query.per_page ?? 30);
  const page = Math.max(1, Number(query.page ?? 1));
  const slice = runs.slice((page - 1) * perPage, page * perPage);
  return {
    status: 200,
    body: {
      total_count: runs.length,
      check_runs: slice.map((run) => toCheckRunResponse(run, repo.owner, repo.repo, urls)),
    },
  };
};

/** A sha the repository has, or the commit a branch or tag ref points at (peeling annotated tags). */
export function resolveCommit(repo: RepoState, ref: string): string | undefined {
  const candidates = [ref, `refs/${ref}`, `refs/heads/${ref}`, `refs/tags/${ref}`];
  let sha = repo.commits.has(ref)
    ? ref
    : candidates.map((name) => repo.refs.get(name)).find((found) => found !== undefined);
  if (sha !== undefined && repo.tagObjects.has(sha)) sha = repo.tagObjects.get(sha)!.object.sha;
  return sha !== undefined && repo.commits.has(sha) ? sha : undefined;
}
