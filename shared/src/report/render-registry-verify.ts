import type { RegistryVerification } from "../registry/registry-finding.js";
import { sanitizeTerminalText } from "./escape-markdown.js";

const clean = (text: string) => sanitizeTerminalText(text, 400);

/** `registry verify` as terminal text: per model what was checked and each finding with its fix; then stray artifacts. */
export function renderRegistryVerifyText(report: RegistryVerification): string {
  const out: string[] = [];
  for (const { model, versions, events, artifacts, findings } of report.models) {
    const checked = `${events} event(s), ${versions} version(s), ${artifacts} artifact(s)`;
    if (findings.length === 0) {
      out.push(`${clean(model)}: intact (${checked}: event chain linked, stored artifacts match their records)`);
      continue;
    }
    out.push(`${clean(model)}: ${findings.length} problem(s) in ${checked}`);
    for (const finding of findings) {
      out.push(
        `  [${finding.kind}] ${clean(finding.subject)}${finding.file === null ? "" : ` ${clean(finding.file)}`}: ${clean(finding.problem)}`,
      );
      out.push(`      fix: ${clean(finding.fix)}`);
    }
  }
  if (report.models.length === 0) out.push("no models in the registry");
  if (report.unowned.length > 0) {
    out.push(`artifact store: ${report.unowned.length} artifact(s) or staging folder(s) of no model`);
    for (const finding of report.unowned) {
      out.push(
        `  [${finding.kind}] ${clean(finding.subject)}${finding.file === null ? "" : ` ${clean(finding.file)}`}: ${clean(finding.problem)}`,
      );
      out.push(`      fix: ${clean(finding.fix)}`);
    }
  }
  for (const note of report.notes) out.push(`note: ${clean(note)}`);
  return `${out.join("\n")}\n`;
}
