import * as core from "@actions/core";
import { ModelgateError } from "../core/modelgate-error.js";
import type { ActionName } from "../core/result-base.js";
import type { ActionResult } from "../report/action-result.js";
import { CommonInputShape, parseInputs } from "../core/parse-inputs.js";
import type { CommonInputs } from "./common-inputs.js";
import type { ActionRun } from "./action-run.js";
import { annotateResult } from "./annotate-result.js";
import { appendJobSummary } from "./append-job-summary.js";
import * as annotations from "./runner-annotations.js";
import { getInput, reportCrash, runnerLog } from "./runner-io.js";
import { blocksMerge, toOutputs } from "./to-outputs.js";
import type { GitHubSession } from "./github-session.js";
import { openGitHubSession } from "./github-session.js";
import { readRunContext } from "./read-run-context.js";
import type { RunContext } from "./read-run-context.js";
import { toUndecidedResult } from "./to-undecided-result.js";
import { writeResultFiles } from "./write-result-files.js";
import { renderResultMarkdown } from "../report/render-result-markdown.js";

/**
 * The one place an action meets the runner: reads the context, runs the handler, then renders the
 * result to every surface (result JSON, job summary, outputs, annotations, sticky comment, check run)
 * and sets the exit code. A handler that throws (even an internal error) becomes an undecided `fail`, published the
 * same way.
 */
export async function runAction(action: ActionName, handler: (run: ActionRun) => Promise<ActionResult>): Promise<void> {
  try {
    const context = readRunContext(process.env);
    let common: CommonInputs;
    try {
      common = parseInputs(CommonInputShape, getInput);
    } catch (error) {
      if (!(error instanceof ModelgateError)) throw error;
      // Shared inputs are unreadable, so no comment can be trusted to the right place; the result, the
      // summary and the outputs still say why the gate failed (contract §2: the result JSON is always written).
      await publish(toUndecidedResult(action, "default", error), FALLBACK_INPUTS, context, undefined);
      return;
    }
    if (common.githubToken) core.setSecret(common.githubToken);
    const session = openGitHubSession(context, common, runnerLog);
    let key = common.key ?? "default";
    const run: ActionRun = {
      getInput,
      context,
      fileAccess: { workspace: context.workspace, allowedRoots: [context.workspace, context.runnerTemp] },
      readRepoFile: (repoPath, ref) => session.readRepoFile(repoPath, ref),
      github: (purpose) => session.client(purpose),
      setKey: (k) => {
        key = common.key ?? k;
      },
    };
    const result = await handler(run).catch((error: unknown) =>
      toUndecidedResult(action, key, error instanceof ModelgateError ? error : toInternalError(action, error)),
    );
    await publish(result, common, context, session);
  } catch (error) {
    reportCrash(action, error);
  }
}

/** What publishing needs of the inputs when they could not be read: defaults, and no API access. */
const FALLBACK_INPUTS = { resultPath: undefined, failOn: "fail" } as const;

async function publish(
  result: ActionResult,
  common: Pick<CommonInputs, "resultPath" | "failOn">,
  context: RunContext,
  session: GitHubSession | undefined,
): Promise<void> {
  const markdown = await renderResultMarkdown(result);
  const files = await writeResultFiles(result, markdown, {
    resultPath: common.resultPath,
    runnerTemp: context.runnerTemp,
    workspace: context.workspace,
  });
  writeJobSummary(markdown);
  const commentUrl = await session?.publish(result, markdown);
  for (const [name, value] of Object.entries(toOutputs(result, common.failOn, files, commentUrl)))
    core.setOutput(name, value);
  annotateResult(result, annotations);
  if (!blocksMerge(result.verdict, common.failOn)) return;
  process.exitCode = core.ExitCode.Failure;
  // A fail already has one error annotation per failed check; only a warning that fails the step needs its own.
  if (result.verdict === "warn")
    annotations.error(`${result.action} · ${result.key}: verdict warn fails the step because fail-on is warn.`);
}

/** The report goes to the job summary; a runner always provides the file, a local run may not. */
function writeJobSummary(markdown: string): void {
  const file = process.env.GITHUB_STEP_SUMMARY;
  if (!file) {
    core.info("GITHUB_STEP_SUMMARY is not set; the report was written only to the report file.");
    return;
  }
  try {
    appendJobSummary(file, markdown);
  } catch (error) {
    annotations.warning(
      `The job summary could not be written: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

/**
 * A handler's unexpected error as a "cannot decide" like any other, so the result JSON, the summary and the outputs
 * still say the gate failed (contract §2: the result is always written); the stack goes to the debug log.
 */
function toInternalError(action: ActionName, error: unknown): ModelgateError {
  const detail = error instanceof Error ? error.message : String(error);
  core.debug(error instanceof Error ? (error.stack ?? detail) : detail);
  return new ModelgateError(
    `modelgate ${action} hit an internal error: ${detail}.`,
    "Please report it with the debug log (re-run the job with debug logging enabled).",
    {},
    { cause: error },
  );
}
