import { createCheckRun, updateCheckRun } from "./handle-check-runs.js";
import { getAuthenticatedUser, getContent } from "./handle-contents-and-user.js";
import { createIssueComment, listIssueComments, updateIssueComment } from "./handle-issue-comments.js";
import { listIssues } from "./handle-issue-list.js";
import { createIssue, getIssue, updateIssue } from "./handle-issues.js";
import { listPulls } from "./handle-pulls.js";
import { downloadArtifact, getWorkflowRun, listWorkflowRunArtifacts } from "./handle-workflow-runs.js";
import { listCommitCheckRuns } from "./handle-commit-check-runs.js";
import { listCommitPulls } from "./handle-commit-pulls.js";
import { getCombinedStatus } from "./handle-commit-status.js";
import { createDeployment, createDeploymentStatus } from "./handle-deployments.js";
import {
  createRef,
  createTagObject,
  deleteRef,
  getCommitSha,
  getRef,
  getTagObject,
  listMatchingRefs,
} from "./handle-git-refs.js";
import {
  createRelease,
  deleteRelease,
  deleteReleaseAsset,
  getReleaseAsset,
  listReleases,
  updateRelease,
  uploadReleaseAsset,
} from "./handle-releases.js";
import type { RouteHandler } from "./route-handler.js";
import { dispatchWorkflow } from "./handle-workflow-dispatch.js";
import { getJob, listRunApprovals } from "./handle-run-jobs.js";

/** The operations the stand-in implements, keyed "METHOD template"; any other described operation answers 501. */
export const ROUTE_HANDLERS: Record<string, RouteHandler> = {
  "GET /repos/{owner}/{repo}/issues": listIssues,
  "POST /repos/{owner}/{repo}/issues": createIssue,
  "GET /repos/{owner}/{repo}/issues/{issue_number}": getIssue,
  "PATCH /repos/{owner}/{repo}/issues/{issue_number}": updateIssue,
  "GET /repos/{owner}/{repo}/issues/{issue_number}/comments": listIssueComments,
  "POST /repos/{owner}/{repo}/issues/{issue_number}/comments": createIssueComment,
  "PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}": updateIssueComment,
  "POST /repos/{owner}/{repo}/check-runs": createCheckRun,
  "PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}": updateCheckRun,
  "GET /repos/{owner}/{repo}/contents/{path}": getContent,
  "GET /user": getAuthenticatedUser,
  "GET /repos/{owner}/{repo}/actions/runs/{run_id}": getWorkflowRun,
  "GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts": listWorkflowRunArtifacts,
  "GET /repos/{owner}/{repo}/actions/runs/{run_id}/approvals": listRunApprovals,
  "GET /repos/{owner}/{repo}/actions/jobs/{job_id}": getJob,
  "GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}": downloadArtifact,
  "GET /repos/{owner}/{repo}/pulls": listPulls,
  "POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches": dispatchWorkflow,
  "POST /repos/{owner}/{repo}/git/refs": createRef,
  "GET /repos/{owner}/{repo}/git/ref/{ref}": getRef,
  "DELETE /repos/{owner}/{repo}/git/refs/{ref}": deleteRef,
  "GET /repos/{owner}/{repo}/git/matching-refs/{ref}": listMatchingRefs,
  "POST /repos/{owner}/{repo}/git/tags": createTagObject,
  "GET /repos/{owner}/{repo}/git/tags/{tag_sha}": getTagObject,
  "GET /repos/{owner}/{repo}/commits/{ref}": getCommitSha,
  "GET /repos/{owner}/{repo}/commits/{ref}/check-runs": listCommitCheckRuns,
  "GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls": listCommitPulls,
  "GET /repos/{owner}/{repo}/commits/{ref}/status": getCombinedStatus,
  "POST /repos/{owner}/{repo}/deployments": createDeployment,
  "POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses": createDeploymentStatus,
  "GET /repos/{owner}/{repo}/releases": listReleases,
  "POST /repos/{owner}/{repo}/releases": createRelease,
  "PATCH /repos/{owner}/{repo}/releases/{release_id}": updateRelease,
  "DELETE /repos/{owner}/{repo}/releases/{release_id}": deleteRelease,
  "POST /repos/{owner}/{repo}/releases/{release_id}/assets": uploadReleaseAsset,
  "GET /repos/{owner}/{repo}/releases/assets/{asset_id}": getReleaseAsset,
  "DELETE /repos/{owner}/{repo}/releases/assets/{asset_id}": deleteReleaseAsset,
};
