import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { resolveInputPath } from "../data/files/resolve-input-path.js";
import { GitHubApiError, ModelgateError } from "../core/modelgate-error.js";
import { worstVerdict } from "../core/verdict.js";
import { readPublishInputs } from "../publish/publish-inputs.js";
import { toCanonicalJson } from "../core/canonical-json.js";
import { publishRunResults } from "./publish-run-results.js";
import type { PublishOutcome } from "./publish-run-results.js";
import { readRunContext } from "./read-run-context.js";
import * as core from "@actions/core";
import * as annotations from "./runner-annotations.js";

/**
 * The runner edge of publish-reports: reads its inputs, publishes, then writes the summary file
 * (`modelgate.publish/v1`: the checked results and the comments written), the job summary and the outputs.
 * Publishing is this action's whole job, so anything it cannot do fails the step (exit 1) with the fix.
 */
export async function runPublishAction(): Promise<void> {
  try {
    const inputs = readPublishInputs((name) => core.getInput(name));
    const context = readRunContext(process.env);
    if (!inputs.githubToken)
      throw new GitHubApiError(
        "No github-token was given, so modelgate cannot read the run's artifacts.",
        "Keep the default github-token (${{ github.token }}).",
      );
    core.setSecret(inputs.githubToken);
    const outcome = await publishRunResults({
      owner: context.owner,
      repo: context.repo,
      token: inputs.githubToken,
      apiUrl: context.apiUrl,
      serverUrl: context.serverUrl,
      runId: inputs.runId,
      artifactName: inputs.artifactName,
      combine: inputs.combine,
      key: inputs.key,
      commentAuthor: inputs.commentAuthor,
      log: { warning: (message) => annotations.warning(message), info: core.info, debug: core.debug },
    });
    const resultPath = inputs.resultPath
      ? resolveInputPath(
          inputs.resultPath,
          { workspace: context.workspace, allowedRoots: [context.workspace, context.runnerTemp] },
          "result-path",
        )
      : path.join(context.runnerTemp, "modelgate", "publish-reports.json");
    const reportPath = resultPath.replace(/(\.json)?$/, ".md");
    mkdirSync(path.dirname(resultPath), { recursive: true });
    writeFileSync(resultPath, toPublishJson(outcome));
    writeFileSync(reportPath, outcome.markdown);
    if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(outcome.markdown).write();
    const verdict = worstVerdict(outcome.results.map((r) => r.verdict));
    const outputs: Record<string, string> = {
      verdict,
      passed: String(verdict !== "fail"),
      result: resultPath,
      report: reportPath,
      "pull-request": outcome.pullRequest === undefined ? "" : String(outcome.pullRequest),
      published: String(outcome.comments.length),
      ...(outcome.comments.length > 0 ? { "comment-url": outcome.comments[0]!.url } : {}),
    };
    for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value);
  } catch (error) {
    if (error instanceof ModelgateError) {
      annotations.error(`${error.message} Fix: ${error.hint}`, { title: "modelgate publish-reports" });
    } else {
      const detail = error instanceof Error ? error.message : String(error);
      annotations.error(
        `modelgate publish-reports hit an internal error: ${detail}. Please report it with the debug log (re-run with debug logging).`,
      );
      core.debug(error instanceof Error ? (error.stack ?? detail) : detail);
    }
    process.exitCode = core.ExitCode.Failure;
  }
}

/** What was published, byte-stable: the checked results (never an artifact's markdown) and the comments. */
export function toPublishJson(outcome: PublishOutcome): string {
  return toCanonicalJson({
    schema: "modelgate.publish/v1",
    run_id: outcome.run.id,
    head_sha: outcome.run.headSha,
    pull_request: outcome.pullRequest ?? null,
    results: outcome.results,
    comments: outcome.comments,
  });
}
