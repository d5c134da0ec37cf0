import type { ActionResult } from "../gates/gate-result.js";
import type { Verdict } from "../gates/verdict.js";

const CONCLUSION: Record<Verdict, "success" | "neutral" | "failure"> = { pass: "success", warn: "neutral", fail: "failure" };

export interface CheckRunAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: "notice" | "warning" | "failure";
  title: string;
  message: string;
}

/** A result as a check run: conclusion from the verdict, the report as summary, one annotation per non-passing check. */
export function toCheckRunInput(result: ActionResult, markdown: string) {
  const name = `modelgate ${result.action} (${result.key})`;
  const title = `${result.verdict}: ${"error" in result ? "could not decide" : `${result.checks.filter((c) => c.verdict === "fail").length} of ${result.checks.length} checks failed`}`;
  const annotations: CheckRunAnnotation[] = [];
  if (!("error" in result)) {
    for (const check of result.checks) {
      if (check.verdict === "pass") continue;
      const line = check.policy_line ?? 1;
      annotations.push({
        path: result.policy.file,
        start_line: line,
        end_line: line,
        annotation_level: check.verdict === "fail" ? "failure" : "warning",
        title: check.name,
        message: check.message,
      });
    }
  }
  return { name, conclusion: CONCLUSION[result.verdict], title, summary: markdown, annotations };
}
