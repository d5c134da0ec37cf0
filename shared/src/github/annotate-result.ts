import type { AnnotationProperties } from "@actions/core";
import type { ActionResult } from "../report/action-result.js";

interface AnnotationSink {
  error(message: string, properties?: AnnotationProperties): void;
  warning(message: string, properties?: AnnotationProperties): void;
}

/**
 * One annotation per failed or warning check, pointing at the rule in the policy file when its line is
 * known. GitHub shows at most 10 of each kind per step; the check run (check-run: true) carries them all.
 */
export function annotateResult(result: ActionResult, sink: AnnotationSink): void {
  if ("error" in result) {
    const { file, line } = result.error;
    sink.error(`${result.error.message} Fix: ${result.error.hint}`, {
      title: `${result.action} could not decide`,
      ...(file && !file.startsWith("git:") ? { file, ...(line ? { startLine: line } : {}) } : {}),
    });
    return;
  }
  for (const check of result.checks) {
    if (check.verdict === "pass") continue;
    const properties: AnnotationProperties = { title: `${result.action} · ${check.name}` };
    if (check.policy_line !== undefined)
      Object.assign(properties, { file: result.policy.file, startLine: check.policy_line });
    (check.verdict === "fail" ? sink.error : sink.warning).call(sink, check.message, properties);
  }
}
