import type { ValidateDataResult } from "../validate/validate-result.js";
import { isCommentAuthor } from "./find-comment-author.js";
import type { GitHubClient } from "./github-client.js";

/** What the scheduled drift check did on GitHub. */
export interface DriftIssueOutcome {
  action: "opened" | "updated" | "unchanged" | "closed" | "none";
  url?: string;
  dispatched?: string;
}

export interface DriftIssueOptions {
  labels: readonly string[];
  runUrl: string | undefined;
  /** Workflow file to dispatch when drift trips, and the ref to run it on. */
  dispatch?: { workflow: string; ref: string } | undefined;
}

/** The hidden marker that finds the one drift issue of a key (the whole string, so `churn` never finds `churn-v2`). */
export function driftIssueMarker(key: string): string {
  return `<!-- modelgate:validate-data-drift:${key} -->`;
}

/** Whether drift trips: a column's drift check or the data set's drift share did not pass. */
export function driftTripped(result: ValidateDataResult): boolean {
  return (
    result.drift !== null &&
    result.checks.some((c) => (c.rule === "drift" || c.rule === "drift-share") && c.verdict !== "pass")
  );
}

/**
 * The scheduled drift watch: one open issue per key while drift trips (opened once, its body updated on later
 * runs, found by its hidden marker across all pages of open issues), and a comment plus close when the data is
 * back in bounds. Only issues written by the client's author count (`comment-author`, else the token's own
 * account), so a marker pasted into someone else's issue is never adopted. With `dispatch`, the run that opens the issue also starts that workflow (e.g. retraining) with the run URL,
 * the issue URL and the drifted columns as inputs. Needs `issues: write` (and `actions: write` to dispatch).
 */
export async function syncDriftIssue(
  client: GitHubClient,
  result: ValidateDataResult,
  markdown: string,
  options: DriftIssueOptions,
): Promise<DriftIssueOutcome> {
  const { octokit, repo } = client;
  const marker = driftIssueMarker(result.key);
  // Only an issue we opened is ours: anyone may paste the marker into an issue of their own.
  const author = await client.author();
  let existing: { number: number; body: string; html_url: string } | undefined;
  await octokit.paginate(
    octokit.rest.issues.listForRepo,
    { ...repo, state: "open", per_page: 100 },
    (response, done) => {
      const found = response.data.find(
        (issue) =>
          !issue.pull_request && isCommentAuthor(issue.user?.login, author) && (issue.body ?? "").includes(marker),
      );
      if (found) {
        existing = { number: found.number, body: found.body ?? "", html_url: found.html_url };
        done();
      }
      return [];
    },
  );
  if (!driftTripped(result)) {
    if (!existing) return { action: "none" };
    const share = result.drift
      ? `${(result.drift.drift_share * 100).toFixed(1)}% of columns drifted`
      : "no drift comparison";
    await octokit.rest.issues.createComment({
      ...repo,
      issue_number: existing.number,
      body: `${marker}\nThe data is back in bounds (${share})${options.runUrl ? ` in [this run](${options.runUrl})` : ""}; closing.`,
    });
    await octokit.rest.issues.update({
      ...repo,
      issue_number: existing.number,
      state: "closed",
      state_reason: "completed",
    });
    return { action: "closed", url: existing.html_url };
  }
  const body = `${marker}\n${markdown}${options.runUrl ? `\n\nLast checked in ${options.runUrl}` : ""}`;
  let outcome: DriftIssueOutcome;
  if (existing) {
    if (existing.body === body) outcome = { action: "unchanged", url: existing.html_url };
    else {
      await octokit.rest.issues.update({ ...repo, issue_number: existing.number, body });
      outcome = { action: "updated", url: existing.html_url };
    }
  } else {
    const created = await octokit.rest.issues.create({
      ...repo,
      title: `Data drift: ${result.key}`,
      body,
      labels: [...options.labels],
    });
    outcome = { action: "opened", url: created.data.html_url };
  }
  // Once per episode of drift: later runs update the issue but do not start another retraining.
  if (options.dispatch && outcome.action === "opened") {
    await octokit.rest.actions.createWorkflowDispatch({
      ...repo,
      workflow_id: options.dispatch.workflow,
      ref: options.dispatch.ref,
      inputs: {
        run_url: options.runUrl ?? "",
        issue_url: outcome.url ?? "",
        drifted_columns: JSON.stringify(result.drift?.drifted_columns ?? []),
      },
    });
    outcome.dispatched = options.dispatch.workflow;
  }
  return outcome;
}
