import type { ShadowResult } from "../shadow/shadow-result.js";
import { sanitizeTerminalText } from "./escape-markdown.js";
import { formatNumber, formatShare } from "../core/format-number.js";
import { renderLayoutText } from "./render-layout-text.js";
import { suggestShadowStep } from "./suggest-next-step.js";

/** The shadow-compare result for a terminal in the common layout: verdict, headline numbers, checks that did not pass with what to do, the rest counted. */
export function renderShadowText(result: ShadowResult): string {
  const { requests, classes } = result.summary;
  const text = (value: string) => sanitizeTerminalText(value, 200);
  return renderLayoutText({
    verdict: result.verdict,
    action: "shadow-compare",
    subject: sanitizeTerminalText(result.key),
    context: [
      `production: ${sanitizeTerminalText(result.files.production)}   shadow: ${sanitizeTerminalText(result.files.shadow)}   policy: ${sanitizeTerminalText(result.policy.file)}`,
      `joined ${requests.joined} of ${requests.production} production requests (coverage ${formatShare(requests.coverage)})${classes ? `, agreement ${formatShare(classes.agreement)}` : ""}${result.scorecard ? `, score ${formatNumber(result.scorecard.score)}` : ""}`,
      ...result.notes.map((n) => `note: ${sanitizeTerminalText(n, 500)}`),
    ],
    columns: ["check"],
    checks: result.checks.map((c) => ({
      verdict: c.verdict,
      cells: [sanitizeTerminalText(c.name, 80)],
      reason: sanitizeTerminalText(c.message, 400),
      nextStep: suggestShadowStep(c, text),
    })),
    sections: result.files.review_queue
      ? [[`review queue: ${sanitizeTerminalText(result.files.review_queue, 200)}`]]
      : [],
  });
}
