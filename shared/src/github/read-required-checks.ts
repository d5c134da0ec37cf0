import type { ModelgateOctokit } from "./create-octokit.js";
import { toGitHubApiError } from "./to-github-api-error.js";

/** One required check as found on the judged commit. */
export interface RequiredCheck {
  name: string;
  /** The newest run's conclusion; null when it has not completed, "missing" when no run of that name exists. */
  conclusion: string | null;
  /** Only a completed run concluding `success` passes. */
  ok: boolean;
  /** One sentence: why it passes or not. */
  message: string;
  /** The check run's page or the status's target URL, when GitHub gives one. */
  url: string | null;
}

interface CheckRunsPage {
  total_count: number;
  check_runs: Array<{ id: number; name: string; status: string; conclusion: string | null; html_url: string | null }>;
}

const STATUSES_READ_HINT = "Give the job `permissions: statuses: read` so the commit statuses of the judged commit can be read.";
const CHECKS_READ_HINT = "Give the job `permissions: checks: read` so the required checks of the judged commit can be read.";

/**
 * Reads the newest check run of each required name on `sha` (`GET /commits/{sha}/check-runs`, all pages); a name
 * without a check run is looked up among the commit's status contexts (`GET /commits/{sha}/status`). A name found
 * in neither fails closed: a gate that never ran is not a passed gate.
 */
export async function readRequiredChecks(
  octokit: ModelgateOctokit,
  repository: { owner: string; repo: string },
  sha: string,
  names: readonly string[],
): Promise<RequiredCheck[]> {
  if (names.length === 0) return [];
  const newest = new Map<string, CheckRunsPage["check_runs"][number]>();
  try {
    for (let page = 1; ; page++) {
      const { data } = await octokit.request("GET /repos/{owner}/{repo}/commits/{ref}/check-runs", { ...repository, ref: sha, filter: "latest", per_page: 100, page });
      const body = data as CheckRunsPage;
      for (const run of body.check_runs) if ((newest.get(run.name)?.id ?? -1) < run.id) newest.set(run.name, run);
      if (body.check_runs.length < 100 || page * 100 >= body.total_count) break;
    }
  } catch (error) {
    throw toGitHubApiError(`reading the check runs of ${sha}`, error, CHECKS_READ_HINT);
  }
  const contexts = names.every((name) => newest.has(name)) ? new Map<string, StatusContext>() : await readStatusContexts(octokit, repository, sha);
  return [...new Set(names)].map((name): RequiredCheck => {
    const run = newest.get(name);
    const context = contexts.get(name);
    if (!run && context !== undefined) {
      const ok = context.state === "success";
      return { name, conclusion: context.state, ok, url: context.url, message: `Status "${name}" on ${sha.slice(0, 7)} is ${context.state}${ok ? "." : "; it must be success."}` };
    }
    if (!run) return { name, conclusion: "missing", ok: false, url: null, message: `No check run or status named "${name}" is on ${sha.slice(0, 7)}.` };
    const url = run.html_url ?? null;
    if (run.status !== "completed") return { name, conclusion: null, ok: false, url, message: `Check "${name}" on ${sha.slice(0, 7)} is still ${run.status}.` };
    const ok = run.conclusion === "success";
    return { name, conclusion: run.conclusion, ok, url, message: `Check "${name}" on ${sha.slice(0, 7)} concluded ${run.conclusion ?? "nothing"}${ok ? "." : "; it must be success."}` };
  });
}

interface StatusContext {
  state: string;
  url: string | null;
}

/** The newest state of each status context on `sha` (the combined status lists each context once, all pages). */
async function readStatusContexts(octokit: ModelgateOctokit, repository: { owner: string; repo: string }, sha: string): Promise<Map<string, StatusContext>> {
  const contexts = new Map<string, StatusContext>();
  try {
    for (let page = 1; ; page++) {
      const { data } = await octokit.request("GET /repos/{owner}/{repo}/commits/{ref}/status", { ...repository, ref: sha, per_page: 100, page });
      const body = data as { total_count: number; statuses: Array<{ context: string; state: string; target_url: string | null }> };
      for (const status of body.statuses) if (!contexts.has(status.context)) contexts.set(status.context, { state: status.state, url: status.target_url ?? null });
      if (body.statuses.length < 100 || page * 100 >= body.total_count) break;
    }
  } catch (error) {
    throw toGitHubApiError(`reading the commit statuses of ${sha}`, error, STATUSES_READ_HINT);
  }
  return contexts;
}
