import { DataError } from "../core/modelgate-error.js";
import type { ModelgateOctokit } from "./create-octokit.js";
import { toGitHubApiError } from "./to-github-api-error.js";

/** One artifact's zip, as downloaded; its content is untrusted. */
export interface DownloadedArtifact {
  id: number;
  name: string;
  zip: Buffer;
}

export interface ArtifactSelection {
  /** An exact artifact name, or a prefix followed by `*`. */
  name: string;
  /** Compressed bytes one artifact may have; larger ones are refused before download. */
  maxBytes: number;
  /** Artifacts a run may have that match `name`. */
  maxArtifacts: number;
}

const HINT = "Grant `actions: read` to the publishing job so it can list and download the run's artifacts.";

/**
 * Lists the run's artifacts (`GET …/actions/runs/{run_id}/artifacts`, every page), keeps those matching the
 * selection, and downloads each zip (`GET …/actions/artifacts/{id}/zip`, which redirects to storage). Sizes are
 * checked against GitHub's listing before download and against the bytes received after.
 * @throws GitHubApiError when the API fails; DataError for expired, too large or too many artifacts.
 */
export async function downloadRunArtifacts(
  octokit: ModelgateOctokit,
  repo: { owner: string; repo: string },
  runId: number,
  selection: ArtifactSelection,
): Promise<DownloadedArtifact[]> {
  let listed: Array<{ id: number; name: string; size_in_bytes: number; expired: boolean }>;
  try {
    listed = await octokit.paginate(octokit.rest.actions.listWorkflowRunArtifacts, {
      ...repo,
      run_id: runId,
      per_page: 100,
    });
  } catch (error) {
    throw toGitHubApiError(`listing the artifacts of workflow run ${runId}`, error, HINT);
  }
  const wanted = listed
    .filter((artifact) => matchesName(artifact.name, selection.name))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id - b.id));
  const where = { input: "artifact-name" };
  if (wanted.length > selection.maxArtifacts) {
    throw new DataError(
      `Workflow run ${runId} has ${wanted.length} artifacts matching "${selection.name}", more than the limit of ${selection.maxArtifacts}.`,
      "Upload the result JSONs of a run in fewer artifacts, or narrow artifact-name.",
      where,
    );
  }
  const downloaded: DownloadedArtifact[] = [];
  for (const artifact of wanted) {
    const label = JSON.stringify(artifact.name.slice(0, 100));
    if (artifact.expired)
      throw new DataError(
        `Artifact ${label} of workflow run ${runId} has expired.`,
        "Re-run the pull request's workflow; artifacts are kept for the repository's retention period.",
        where,
      );
    const tooLarge = (bytes: number) =>
      new DataError(
        `Artifact ${label} of workflow run ${runId} is ${bytes} bytes, more than the limit of ${selection.maxBytes}; it was not read.`,
        "Upload only the result JSONs (RUNNER_TEMP/modelgate/*.json), not data or models.",
        where,
      );
    if (artifact.size_in_bytes > selection.maxBytes) throw tooLarge(artifact.size_in_bytes);
    let data: ArrayBuffer;
    try {
      ({ data } = (await octokit.rest.actions.downloadArtifact({
        ...repo,
        artifact_id: artifact.id,
        archive_format: "zip",
      })) as { data: ArrayBuffer });
    } catch (error) {
      throw toGitHubApiError(`downloading artifact ${label} (${artifact.id})`, error, HINT);
    }
    if (!(data instanceof ArrayBuffer))
      throw new DataError(`Artifact ${label} did not download as a zip archive.`, HINT, where);
    if (data.byteLength > selection.maxBytes) throw tooLarge(data.byteLength);
    downloaded.push({ id: artifact.id, name: artifact.name, zip: Buffer.from(data) });
  }
  return downloaded;
}

function matchesName(name: string, pattern: string): boolean {
  return pattern.endsWith("*") ? name.startsWith(pattern.slice(0, -1)) : name === pattern;
}
