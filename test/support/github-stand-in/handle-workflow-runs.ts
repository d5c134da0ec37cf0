import { errorResponse, notFound } from "./error-bodies.js";
import { toNodeId } from "./github-objects.js";
import type { Urls } from "./github-objects.js";
import { toMinimalRepository } from "./repository-objects.js";
import type { RouteHandler } from "./route-handler.js";
import type { RepoState, StoredArtifact } from "./stand-in-state.js";
import type { SeedWorkflowRun } from "./stand-in-types.js";
import { toPage } from "./to-page.js";

/** Where the stand-in serves artifact zips; GitHub redirects to signed blob-storage URLs outside the API. */
export const ARTIFACT_STORAGE_PATH = "/_storage/artifacts/";

const RUN_TIME = "2026-01-02T03:04:05Z";

/** `GET /repos/{owner}/{repo}/actions/runs/{run_id}`: a seeded run, or 404 as for any other id. */
export const getWorkflowRun: RouteHandler = ({ params, state, urls, docs }) => {
  const repo = state.repo(params.owner!, params.repo!);
  const run = repo.runs.get(Number(params.run_id));
  if (!run) return notFound(docs);
  return { status: 200, body: toWorkflowRun(repo, run, urls) };
};

/** `GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts`, page-numbered, with the `name` filter. */
export const listWorkflowRunArtifacts: RouteHandler = ({ params, query, state, urls, docs }) => {
  const repo = state.repo(params.owner!, params.repo!);
  const runId = Number(params.run_id);
  if (!repo.runs.has(runId)) return notFound(docs);
  const matching = repo.artifacts.filter(
    (artifact) => artifact.runId === runId && (query.name === undefined || artifact.name === query.name),
  );
  const page = toPage(matching, query, `${urls.api}/repositories/${repo.id}/actions/runs/${runId}/artifacts`);
  const items = page.body as StoredArtifact[];
  return {
    ...page,
    body: { total_count: matching.length, artifacts: items.map((artifact) => toArtifact(repo, artifact, urls)) },
  };
};

/** `GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}/zip`: a 302 to storage, or 410 once expired. */
export const downloadArtifact: RouteHandler = ({ params, state, urls, docs }) => {
  const repo = state.repo(params.owner!, params.repo!);
  const artifact = repo.artifacts.find((a) => a.id === Number(params.artifact_id));
  if (!artifact || params.archive_format !== "zip") return notFound(docs);
  if (artifact.expired) return errorResponse(410, "Artifact has expired", docs);
  return {
    status: 302,
    headers: { location: `${urls.api}${ARTIFACT_STORAGE_PATH}${artifact.id}?sig=${artifact.signature}` },
  };
};

function toWorkflowRun(repo: RepoState, run: SeedWorkflowRun, urls: Urls): Record<string, unknown> {
  const fullName = `${repo.owner}/${repo.repo}`;
  const api = `${urls.api}/repos/${fullName}/actions/runs/${run.id}`;
  const headName = run.headRepository ?? fullName;
  // Linked pull requests come from either seed list (open ones, or those merged as a commit).
  const pulls = (run.pullRequests ?? []).map((number) => {
    const open = repo.pulls.find((pull) => pull.number === number);
    if (open) return { number, headRef: open.headRef, headSha: open.headSha, baseRef: open.baseRef ?? "main" };
    const merged = repo.commitPulls.find((pull) => pull.number === number);
    if (!merged) throw new Error(`seedWorkflowRun: pull request ${number} is not seeded`);
    return { number, headRef: merged.head_ref, headSha: merged.head_sha, baseRef: merged.base_ref };
  });
  const minimalRepo = { id: repo.id, url: `${urls.api}/repos/${fullName}`, name: repo.repo };
  const suite = run.checkSuiteId ?? run.id + 1;
  return {
    id: run.id,
    node_id: toNodeId("WFR", run.id),
    name: "model gate",
    head_branch: run.headBranch,
    head_sha: run.headSha,
    path: run.path ?? ".github/workflows/pr-fork-safe.yml",
    display_title: "model gate",
    run_number: 7,
    run_attempt: 1,
    referenced_workflows: run.referencedWorkflows ?? [],
    event: run.event,
    check_suite_id: suite,
    check_suite_node_id: toNodeId("CS", suite),
    status: "completed",
    conclusion: run.conclusion ?? "success",
    workflow_id: 1001,
    url: api,
    html_url: `${urls.web}/${fullName}/actions/runs/${run.id}`,
    created_at: RUN_TIME,
    updated_at: RUN_TIME,
    run_started_at: RUN_TIME,
    head_commit: null,
    // A fork's repository has its own id; the stand-in derives a stable one from the base repository's.
    head_repository: toMinimalRepository(headName === fullName ? repo.id : repo.id + 7_000_000, headName, urls),
    repository: toMinimalRepository(repo.id, fullName, urls),
    jobs_url: `${api}/jobs`,
    logs_url: `${api}/logs`,
    check_suite_url: `${urls.api}/repos/${fullName}/check-suites/${suite}`,
    cancel_url: `${api}/cancel`,
    rerun_url: `${api}/rerun`,
    artifacts_url: `${api}/artifacts`,
    workflow_url: `${urls.api}/repos/${fullName}/actions/workflows/1001`,
    pull_requests: pulls.map((pull) => ({
      id: pull.number + 900_000_000,
      number: pull.number,
      url: `${urls.api}/repos/${fullName}/pulls/${pull.number}`,
      head: { ref: pull.headRef, sha: pull.headSha, repo: minimalRepo },
      base: { ref: pull.baseRef, sha: "0".repeat(40), repo: minimalRepo },
    })),
  };
}

function toArtifact(repo: RepoState, artifact: StoredArtifact, urls: Urls): Record<string, unknown> {
  const api = `${urls.api}/repos/${repo.owner}/${repo.repo}/actions/artifacts/${artifact.id}`;
  const run = repo.runs.get(artifact.runId)!;
  return {
    id: artifact.id,
    node_id: toNodeId("MDg", artifact.id),
    name: artifact.name,
    size_in_bytes: artifact.sizeInBytes ?? artifact.zip.length,
    url: api,
    archive_download_url: `${api}/zip`,
    expired: artifact.expired ?? false,
    created_at: RUN_TIME,
    updated_at: RUN_TIME,
    expires_at: "2026-04-02T03:04:05Z",
    workflow_run: {
      id: run.id,
      repository_id: repo.id,
      head_repository_id: repo.id,
      head_branch: run.headBranch,
      head_sha: run.headSha,
    },
  };
}
