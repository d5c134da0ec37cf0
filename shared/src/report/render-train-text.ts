import type { TrainResult } from "../lineage/train-result.js";
import { sanitizeTerminalText } from "./escape-markdown.js";
import { renderLayoutText } from "./render-layout-text.js";
import { suggestTrainStep } from "./suggest-next-step.js";

/** The train-reproducibly result for a terminal in the common layout: verdict, digests, checks that did not pass with what to do, the failing command's tail, changes. */
export function renderTrainText(result: TrainResult): string {
  const context: string[] = [];
  if (result.manifest)
    context.push(
      `lineage_sha256: ${result.manifest.lineage_sha256}`,
      `manifest: ${sanitizeTerminalText(result.manifest_path ?? "", 300)}`,
    );
  if (result.model_sha256) context.push(`model sha256: ${result.model_sha256}`);
  context.push(...result.notes.map((n) => `note: ${sanitizeTerminalText(n, 500)}`));
  const sections: string[][] = [];
  if (result.verdict === "fail" && result.command.last_lines.length > 0)
    sections.push([
      "last lines of the command:",
      ...result.command.last_lines.map((l) => `  ${sanitizeTerminalText(l, 300)}`),
    ]);
  if (result.changes && result.changes.length > 0)
    sections.push(result.changes.map((c) => `changed ${c.section} ${sanitizeTerminalText(c.name, 120)}: ${c.change}`));
  return renderLayoutText({
    verdict: result.verdict,
    action: "train-reproducibly",
    subject: sanitizeTerminalText(result.key),
    context,
    columns: ["check"],
    checks: result.checks.map((c) => ({
      verdict: c.verdict,
      cells: [sanitizeTerminalText(c.name, 80)],
      reason: sanitizeTerminalText(c.message, 400),
      nextStep: suggestTrainStep(c),
    })),
    sections,
  });
}
