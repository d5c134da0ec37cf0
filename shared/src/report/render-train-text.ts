import type { TrainResult } from "../lineage/train-result.js";
import { sanitizeTerminalText } from "./escape-markdown.js";

/** The train-reproducibly result for a terminal: verdict, digests, one line per check, the failing command's tail. */
export function renderTrainText(result: TrainResult): string {
  const lines = [`train-reproducibly · ${sanitizeTerminalText(result.key)}: ${result.verdict.toUpperCase()}`];
  if (result.manifest) lines.push(`lineage_sha256: ${result.manifest.lineage_sha256}`, `manifest: ${sanitizeTerminalText(result.manifest_path ?? "", 300)}`);
  if (result.model_sha256) lines.push(`model sha256: ${result.model_sha256}`);
  for (const c of result.checks) lines.push(`${c.verdict.toUpperCase().padEnd(4)} ${sanitizeTerminalText(c.name, 80)}: ${sanitizeTerminalText(c.message, 400)}`);
  if (result.verdict === "fail" && result.command.last_lines.length > 0) lines.push("last lines of the command:", ...result.command.last_lines.map((l) => `  ${sanitizeTerminalText(l, 300)}`));
  for (const c of result.changes ?? []) lines.push(`changed ${c.section} ${sanitizeTerminalText(c.name, 120)}: ${c.change}`);
  return `${lines.join("\n")}\n`;
}
