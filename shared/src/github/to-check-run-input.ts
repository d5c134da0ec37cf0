import type { ActionResult } from "../report/action-result.js";
import type { Verdict } from "../core/verdict.js";
import { stripBidiControls } from "../report/strip-bidi-controls.js";
import type { CheckRunAnnotationInput } from "./create-check-run.js";

const CONCLUSION: Record<Verdict, "success" | "neutral" | "failure"> = {
  pass: "success",
  warn: "neutral",
  fail: "failure",
};

/** A result as a check run: conclusion from the verdict, the report as summary, one annotation per non-passing check. */
export function toCheckRunInput(result: ActionResult, markdown: string) {
  const name = `modelgate ${result.action} (${result.key})`;
  const title = `${result.verdict}: ${"error" in result ? "could not decide" : `${result.checks.filter((c) => c.verdict === "fail").length} of ${result.checks.length} checks failed`}`;
  const annotations: CheckRunAnnotationInput[] = [];
  if (!("error" in result)) {
    for (const check of result.checks) {
      if (check.verdict === "pass") continue;
      const line = check.policy_line ?? 1;
      annotations.push({
        path: result.policy.file,
        start_line: line,
        end_line: line,
        annotation_level: check.verdict === "fail" ? "failure" : "warning",
        // Annotations are plain text (no markdown to escape), but names in them must display as what they are.
        title: stripBidiControls(check.name),
        message: stripBidiControls(check.message),
      });
    }
  }
  return { name, conclusion: CONCLUSION[result.verdict], title, summary: markdown, annotations };
}
