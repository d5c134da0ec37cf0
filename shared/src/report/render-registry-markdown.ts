import { markdownTable } from "markdown-table";
import type { Check } from "../core/check.js";
import type { HistoryRow } from "../registry/registry-history.js";
import type { ArtifactRecord } from "../registry/registry-records.js";
import type { PromoteResult, RegistryEffects, RollbackResult } from "../registry/registry-result.js";
import { codeSpan, escapeMarkdown } from "./escape-markdown.js";
import type { FitLimits } from "./fit-markdown.js";
import type { CheckColumn, CheckTable } from "./render-layout.js";
import { details, renderLayoutMarkdown } from "./render-layout.js";
import { suggestRegistryStep } from "./suggest-next-step.js";
import { renderVersionPageMarkdown } from "./render-version-page-markdown.js";

/**
 * The promote report in the common layout: verdict line with what moved (or that nothing did), the evidence checks
 * that did not pass with what to do, the passing ones folded, then the artifacts, the version page and the stage's
 * history, folded.
 */
export function renderPromoteMarkdown(result: PromoteResult, budget?: number): string {
  const model = escapeMarkdown(result.model);
  const stage = escapeMarkdown(result.stage);
  const promotion = result.promotion;
  const lines: string[] = [];
  if (promotion === null) {
    lines.push(`**Refused: ${model} → ${stage}.** Nothing was written.`);
  } else {
    const was = promotion.previous_version === null ? "" : `, was ${escapeMarkdown(promotion.previous_version)}`;
    const what = promotion.event_created
      ? `**${model} ${escapeMarkdown(promotion.version)} → ${stage}**`
      : `**${model} ${escapeMarkdown(promotion.version)} already in ${stage}**`;
    lines.push(`${what} (${codeSpan(promotion.event_tag)}${was}).`);
    const effects = describeEffects(promotion);
    if (effects) lines.push(`${effects}.`);
  }
  const pull =
    result.judged.pull_number === null ? "the commit itself" : `head of pull request #${result.judged.pull_number}`;
  const judged = `Commit \`${result.commit_sha.slice(0, 12)}\` · evidence read on \`${result.judged.sha.slice(0, 12)}\` (${pull}).`;
  return renderLayoutMarkdown(
    {
      verdict: result.verdict,
      action: "promote",
      subject: model,
      headline: lines.join(" "),
      summary: judged,
      notes: result.notes,
      checks: registryChecks(result.checks),
      sections: [
        () =>
          promotion
            ? [
                {
                  text: details(
                    `Artifacts of ${escapeMarkdown(promotion.version_tag)} (${promotion.artifacts.length})`,
                    renderArtifacts(promotion.artifacts),
                  ),
                  dropOrder: 2,
                },
              ]
            : [],
        () =>
          result.version_page
            ? [
                {
                  text: details(
                    `Version ${escapeMarkdown(result.version_page.version)}: gates, metrics, events`,
                    renderVersionPageMarkdown(result.version_page),
                  ),
                  dropOrder: 3,
                },
              ]
            : [],
        (limits) => [
          {
            text: details(
              `History of ${stage} (${result.history.length} event${result.history.length === 1 ? "" : "s"})`,
              renderHistory(result.history, limits),
            ),
            dropOrder: 1,
          },
        ],
      ],
    },
    budget,
  );
}

/** The rollback report in the common layout: from → to with the checks that did not pass, then the stage's history (the audit trail) and the verified artifacts. */
export function renderRollbackMarkdown(result: RollbackResult, budget?: number): string {
  const { rollback } = result;
  const stage = escapeMarkdown(result.stage);
  let summary: string;
  if (rollback === null) {
    summary = `**Refused: rollback of ${stage}.** Nothing was written.`;
  } else {
    const effects = describeEffects(rollback);
    summary = `**${stage}: ${escapeMarkdown(rollback.from)} → ${escapeMarkdown(rollback.to)}** (${codeSpan(rollback.unassign_tag)}, ${codeSpan(rollback.assign_tag)}).${effects ? ` ${effects}.` : ""}`;
  }
  return renderLayoutMarkdown(
    {
      verdict: result.verdict,
      action: "rollback",
      subject: escapeMarkdown(result.model),
      headline: summary,
      notes: result.notes,
      checks: registryChecks(result.checks),
      sections: [
        (limits) => [{ text: `#### History of ${stage}\n\n${renderHistory(result.history, limits)}` }],
        () =>
          rollback
            ? [
                {
                  text: details(
                    `Artifacts of ${escapeMarkdown(rollback.to)} (${rollback.artifacts.length})`,
                    renderArtifacts(rollback.artifacts),
                  ),
                  dropOrder: 1,
                },
              ]
            : [],
      ],
    },
    budget,
  );
}

function registryChecks(checks: readonly Check[]): CheckTable<Check> {
  const columns: CheckColumn<Check>[] = [
    { title: "evidence", cell: (c) => escapeMarkdown(c.metric, 200) },
    { title: "check", cell: (c) => c.rule },
    { title: "why", cell: (c) => escapeMarkdown(c.message, 500) },
  ];
  return { checks, columns, nextStep: (c) => suggestRegistryStep(c) };
}

function describeEffects(effects: RegistryEffects): string {
  const parts: string[] = [];
  if (effects.deployment)
    parts.push(`deployment ${effects.deployment.id} to ${escapeMarkdown(effects.deployment.environment)}`);
  if (effects.dispatched) parts.push(`started ${escapeMarkdown(effects.dispatched)}`);
  return parts.join(" · ");
}

function renderArtifacts(artifacts: readonly ArtifactRecord[]): string {
  const rows = artifacts.map((a) => [escapeMarkdown(a.name, 200), a.role ?? "", `\`${a.sha256}\``, String(a.bytes)]);
  return markdownTable([["artifact", "role", "sha256", "bytes"], ...rows], { alignDelimiters: false });
}

function renderHistory(rows: readonly HistoryRow[], limits: FitLimits): string {
  if (rows.length === 0) return "_No events yet._";
  // The newest events matter most: when the table must shrink, the oldest go first.
  const shown = rows.slice(Math.max(0, rows.length - limits.tableRows));
  const cell = (text: string | null) => (text === null ? "" : escapeMarkdown(text, 200));
  const table = markdownTable(
    [
      ["N", "event", "version", "previous", "actor", "reason", "at"],
      ...shown.map((r) => [
        String(r.counter),
        r.gate_evidence ? r.event : `${r.event} (outside modelgate, no gate evidence)`,
        cell(r.version),
        cell(r.previous_version),
        cell(r.actor),
        cell(r.reason),
        cell(r.created_at),
      ]),
    ],
    { alignDelimiters: false, align: ["r"] },
  );
  return shown.length < rows.length ? `_${rows.length - shown.length} older events not shown._\n\n${table}` : table;
}
