import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import * as core from "@actions/core";
import type { GetInput } from "../core/parse-inputs.js";
import { resolveInputPath } from "../data/files/resolve-input-path.js";
import { toPublishJson } from "../use-cases/run-publish-reports.js";
import type { PublishOutcome } from "../use-cases/run-publish-reports.js";
import { readRunContext } from "./read-run-context.js";
import type { RunContext } from "./read-run-context.js";
import { getInput, reportCrash, runnerLog } from "./runner-io.js";
import type { SessionLog } from "./session-log.js";

/** What publish-reports' handler gets from `runPublishAction`: plain values and the job log. */
export interface PublishRun {
  getInput: GetInput;
  context: RunContext;
  log: SessionLog;
}

/**
 * publish-reports' `runAction`: reads the context, runs the handler, then writes the summary file
 * (`modelgate.publish/v1`: the checked results and the comments written), the report beside it, the job summary and
 * the outputs. Not `runAction` itself: what it publishes is no gate's result (the verdict is the pull request run's
 * claim, so it never fails the step, and there is no comment or check run of its own to write), and publishing is
 * this action's whole job, so anything it cannot do fails the step (exit 1) with the fix, writing nothing.
 */
export async function runPublishAction(handler: (run: PublishRun) => Promise<PublishOutcome>): Promise<void> {
  try {
    const context = readRunContext(process.env);
    const outcome = await handler({ getInput, context, log: runnerLog });
    const resultInput = getInput("result-path");
    const resultPath = resultInput
      ? resolveInputPath(
          resultInput,
          { workspace: context.workspace, allowedRoots: [context.workspace, context.runnerTemp] },
          "result-path",
        )
      : path.join(context.runnerTemp, "modelgate", "publish-reports.json");
    const reportPath = resultPath.replace(/(\.json)?$/, ".md");
    mkdirSync(path.dirname(resultPath), { recursive: true });
    writeFileSync(resultPath, toPublishJson(outcome));
    writeFileSync(reportPath, outcome.markdown);
    if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(outcome.markdown).write();
    const outputs: Record<string, string> = {
      verdict: outcome.verdict,
      passed: String(outcome.verdict !== "fail"),
      result: resultPath,
      report: reportPath,
      "pull-request": outcome.pullRequest === undefined ? "" : String(outcome.pullRequest),
      published: String(outcome.comments.length),
      ...(outcome.comments.length > 0 ? { "comment-url": outcome.comments[0]!.url } : {}),
    };
    for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value);
  } catch (error) {
    reportCrash("publish-reports", error);
  }
}
