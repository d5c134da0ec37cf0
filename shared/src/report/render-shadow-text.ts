import type { ShadowResult } from "../shadow/shadow-result.js";
import { sanitizeTerminalText } from "./escape-markdown.js";
import { formatNumber } from "../core/format-number.js";

/** The shadow-compare result for a terminal: verdict line, headline numbers, one line per check. */
export function renderShadowText(result: ShadowResult): string {
  const { requests, classes } = result.summary;
  const lines = [
    `shadow-compare · ${sanitizeTerminalText(result.key)}: ${result.verdict.toUpperCase()}`,
    `production: ${sanitizeTerminalText(result.files.production)}   shadow: ${sanitizeTerminalText(result.files.shadow)}   policy: ${sanitizeTerminalText(result.policy.file)}`,
    `joined ${requests.joined} of ${requests.production} production requests (coverage ${formatNumber(requests.coverage)})${classes ? `, agreement ${formatNumber(classes.agreement)}` : ""}${result.scorecard ? `, score ${formatNumber(result.scorecard.score)}` : ""}`,
    ...result.notes.map((n) => `note: ${sanitizeTerminalText(n, 500)}`),
    "",
    ...result.checks.map((c) => `${c.verdict.toUpperCase().padEnd(4)}  ${sanitizeTerminalText(c.name, 80)}: ${sanitizeTerminalText(c.message, 400)}`),
  ];
  if (result.files.review_queue) lines.push("", `review queue: ${sanitizeTerminalText(result.files.review_queue, 200)}`);
  return `${lines.join("\n")}\n`;
}
