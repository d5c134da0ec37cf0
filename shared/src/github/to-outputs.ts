import type { ActionResult } from "../report/action-result.js";
import type { Verdict } from "../core/verdict.js";
import { toActionOutputs } from "./to-action-outputs.js";
import type { ResultFiles } from "./write-result-files.js";

/** Whether a verdict fails the step under `fail-on` (contract §2). */
export function blocksMerge(verdict: Verdict, failOn: "fail" | "warn" | "never"): boolean {
  if (failOn === "never") return false;
  return failOn === "warn" ? verdict !== "pass" : verdict === "fail";
}

/** The step outputs of contract §2; `passed` follows `fail-on`, except that `never` still reports a fail as not passed. */
export function toOutputs(
  result: ActionResult,
  failOn: "fail" | "warn" | "never",
  files: ResultFiles,
  commentUrl: string | undefined,
): Record<string, string> {
  const passed = failOn === "never" ? result.verdict !== "fail" : !blocksMerge(result.verdict, failOn);
  return {
    ...toActionOutputs(result),
    verdict: result.verdict,
    passed: String(passed),
    result: files.resultPath,
    report: files.reportPath,
    ...(commentUrl ? { "comment-url": commentUrl } : {}),
    // An action's own outputs (shadow-compare's agreement, coverage, review-queue).
    ...("outputs" in result ? result.outputs : {}),
  };
}
