import { errorResponse, notFound, validationFailed } from "./error-bodies.js";
import { toCheckRunResponse, toTimestamp } from "./github-objects.js";
import type { RouteHandler } from "./route-handler.js";
import type { RepoState } from "./stand-in-state.js";
import type { CheckRun, CheckRunAnnotation } from "./stand-in-types.js";

interface CheckRunBody {
  name?: string;
  head_sha?: string;
  status?: string;
  conclusion?: string;
  started_at?: string;
  completed_at?: string;
  details_url?: string;
  external_id?: string;
  output?: { title?: string; summary?: string; text?: string; annotations?: CheckRunAnnotation[] };
}

export const createCheckRun: RouteHandler = ({ params, body, grant, state, urls, docs }) => {
  // Only GitHub Apps (GITHUB_TOKEN is one) may write checks; a personal token is refused.
  if (grant.kind !== "installation") return errorResponse(403, "You must authenticate via a GitHub App.", docs);
  const input = (body ?? {}) as CheckRunBody;
  const now = toTimestamp(new Date());
  const repo = state.repo(params.owner!, params.repo!);
  const run: CheckRun = {
    id: state.checkRunId(),
    name: input.name!,
    head_sha: input.head_sha!,
    status: "queued",
    conclusion: null,
    started_at: input.started_at ?? now,
    completed_at: null,
    details_url: input.details_url ?? null,
    external_id: input.external_id ?? "",
    output: { title: null, summary: null, text: null },
    annotations: [],
    created_by: grant.login,
    // GITHUB_TOKEN is the GitHub Actions app's token. GitHub puts such a run into the first Actions check suite of
    // the commit (the first workflow run's), whichever workflow made it: the suite does not tell who created it.
    app_slug: "github-actions",
    check_suite_id: firstRunSuite(repo, input.head_sha!) ?? state.checkSuiteId(),
  };
  const invalid = applyUpdate(run, input);
  if (invalid) return validationFailed(docs, invalid);
  repo.checkRuns.push(run);
  return { status: 201, body: toCheckRunResponse(run, params.owner!, params.repo!, urls) };
};

export const updateCheckRun: RouteHandler = ({ params, body, state, urls, docs }) => {
  const run = state
    .repo(params.owner!, params.repo!)
    .checkRuns.find((candidate) => candidate.id === Number(params.check_run_id));
  if (!run) return notFound(docs);
  const invalid = applyUpdate(run, (body ?? {}) as CheckRunBody);
  if (invalid) return validationFailed(docs, invalid);
  return { status: 200, body: toCheckRunResponse(run, params.owner!, params.repo!, urls) };
};

function firstRunSuite(repo: RepoState, headSha: string): number | undefined {
  const first = [...repo.runs.values()].filter((run) => run.headSha === headSha).sort((a, b) => a.id - b.id)[0];
  return first && (first.checkSuiteId ?? first.id + 1);
}

/** GitHub's update rules: a conclusion completes the run, and annotations are appended, never replaced. */
function applyUpdate(
  run: CheckRun,
  input: CheckRunBody,
): { resource: string; code: string; field: string } | undefined {
  if (input.status === "completed" && input.conclusion === undefined && run.conclusion === null) {
    return { resource: "CheckRun", code: "missing_field", field: "conclusion" };
  }
  if (input.name !== undefined) run.name = input.name;
  if (input.details_url !== undefined) run.details_url = input.details_url;
  if (input.external_id !== undefined) run.external_id = input.external_id;
  if (input.started_at !== undefined) run.started_at = input.started_at;
  if (input.status !== undefined) run.status = input.status;
  if (input.conclusion !== undefined) {
    run.conclusion = input.conclusion;
    run.status = "completed";
  }
  if (run.status === "completed") run.completed_at = input.completed_at ?? run.completed_at ?? toTimestamp(new Date());
  if (input.output) {
    run.output = {
      title: input.output.title ?? run.output.title,
      summary: input.output.summary ?? run.output.summary,
      text: input.output.text ?? run.output.text,
    };
    run.annotations.push(...(input.output.annotations ?? []));
  }
  return undefined;
}
