import { cutText } from "../core/cut-text.js";
import type { ModelgateOctokit } from "./create-octokit.js";
import { toGitHubApiError } from "./to-github-api-error.js";

export interface CheckRunAnnotationInput {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: "notice" | "warning" | "failure";
  message: string;
  title?: string;
}

export interface CheckRunInput {
  owner: string;
  repo: string;
  headSha: string;
  name: string;
  conclusion: "success" | "neutral" | "failure";
  title: string;
  summary: string;
  annotations: CheckRunAnnotationInput[];
}

/** The Checks API takes at most 50 annotations per request; more go in further updates, which append. */
export const ANNOTATIONS_PER_REQUEST = 50;
/** Limits from GitHub's docs for `output.summary`, an annotation's `title` and its `message` (64 KB). */
export const MAX_SUMMARY_CHARACTERS = 65_535;
export const MAX_ANNOTATION_TITLE_CHARACTERS = 255;
export const MAX_ANNOTATION_MESSAGE_CHARACTERS = 65_535;

const CHECKS_HINT =
  "Grant `checks: write` to the job. Check runs need a GitHub App token such as GITHUB_TOKEN; a personal access token cannot create them.";
const TRUNCATED = "\n\n… (truncated; the full report is in the job summary)";

/**
 * Creates a completed check run on `headSha`, with the first 50 annotations, then appends the rest 50 at a time.
 * @throws GitHubApiError naming the operation and HTTP status when GitHub refuses or fails.
 */
export async function createCheckRun(
  octokit: ModelgateOctokit,
  input: CheckRunInput,
): Promise<{ id: number; url: string }> {
  const { owner, repo } = input;
  const summary = cutText(input.summary, MAX_SUMMARY_CHARACTERS, TRUNCATED);
  const { title } = input;
  const batches = toBatches(input.annotations.map(toAnnotation), ANNOTATIONS_PER_REQUEST);
  let created: { id: number; html_url: string | null };
  try {
    ({ data: created } = await octokit.rest.checks.create({
      owner,
      repo,
      name: input.name,
      head_sha: input.headSha,
      status: "completed",
      conclusion: input.conclusion,
      output: { title, summary, annotations: batches[0] ?? [] },
    }));
  } catch (error) {
    throw toGitHubApiError(
      `creating check run "${input.name}" on ${owner}/${repo}@${input.headSha}`,
      error,
      CHECKS_HINT,
    );
  }
  for (const [index, annotations] of batches.slice(1).entries()) {
    try {
      await octokit.rest.checks.update({
        owner,
        repo,
        check_run_id: created.id,
        output: { title, summary, annotations },
      });
    } catch (error) {
      throw toGitHubApiError(
        `adding annotation batch ${index + 2} of ${batches.length} to check run ${created.id}`,
        error,
        CHECKS_HINT,
      );
    }
  }
  return { id: created.id, url: created.html_url ?? "" };
}

function toAnnotation(annotation: CheckRunAnnotationInput): CheckRunAnnotationInput {
  const message = cutText(annotation.message, MAX_ANNOTATION_MESSAGE_CHARACTERS);
  if (annotation.title === undefined) return { ...annotation, message };
  return { ...annotation, message, title: cutText(annotation.title, MAX_ANNOTATION_TITLE_CHARACTERS) };
}

function toBatches<T>(items: T[], size: number): T[][] {
  const batches: T[][] = [];
  for (let start = 0; start < items.length; start += size) batches.push(items.slice(start, start + size));
  return batches;
}
