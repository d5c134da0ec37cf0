import { markdownTable } from "markdown-table";
import type { Check } from "../core/check.js";
import type { HistoryRow } from "../registry/registry-history.js";
import type { ArtifactRecord } from "../registry/registry-records.js";
import type { PromoteResult, RegistryEffects, RollbackResult } from "../registry/registry-result.js";
import { codeSpan, escapeMarkdown } from "./escape-markdown.js";
import { fitMarkdown } from "./fit-markdown.js";
import type { FitLimits, MarkdownBlock } from "./fit-markdown.js";
import { details } from "./render-evaluate-markdown.js";
import { renderVersionPageMarkdown } from "./render-version-page-markdown.js";
import { describeCounts, verdictLabel } from "./verdict-label.js";

/**
 * The promote report: what moved (or that nothing did, and why) first, the evidence checks, then the artifacts
 * and the stage's history, folded.
 */
export function renderPromoteMarkdown(result: PromoteResult, budget?: number): string {
  return fitMarkdown((limits) => {
    const model = escapeMarkdown(result.model);
    const stage = escapeMarkdown(result.stage);
    const lines = [`### ${verdictLabel(result.verdict)} · promote · ${model}`];
    const promotion = result.promotion;
    if (promotion === null) {
      lines.push(`**Refused: ${model} → ${stage}.** Nothing was written. ${describeCounts(result.checks.map((c) => c.verdict))}.`);
    } else {
      const was = promotion.previous_version === null ? "" : `, was ${escapeMarkdown(promotion.previous_version)}`;
      const what = promotion.event_created ? `**${model} ${escapeMarkdown(promotion.version)} → ${stage}**` : `**${model} ${escapeMarkdown(promotion.version)} already in ${stage}**`;
      lines.push(`${what} (${codeSpan(promotion.event_tag)}${was}) · ${describeCounts(result.checks.map((c) => c.verdict))}.`);
      const effects = describeEffects(promotion);
      if (effects) lines.push(effects);
    }
    const pull = result.judged.pull_number === null ? "the commit itself" : `head of pull request #${result.judged.pull_number}`;
    lines.push(`Commit \`${result.commit_sha.slice(0, 12)}\` · evidence read on \`${result.judged.sha.slice(0, 12)}\` (${pull}).`);
    const blocks: MarkdownBlock[] = [{ text: lines.join("\n") }];
    if (result.notes.length > 0) blocks.push({ text: result.notes.map((n) => `> ${escapeMarkdown(n, 500)}`).join("\n") });
    blocks.push({ text: renderChecks(result.checks, limits) });
    if (promotion) blocks.push({ text: details(`Artifacts of ${escapeMarkdown(promotion.version_tag)} (${promotion.artifacts.length})`, renderArtifacts(promotion.artifacts)), dropOrder: 2 });
    if (result.version_page) blocks.push({ text: details(`Version ${escapeMarkdown(result.version_page.version)}: gates, metrics, events`, renderVersionPageMarkdown(result.version_page)), dropOrder: 3 });
    blocks.push({ text: details(`History of ${stage} (${result.history.length} event${result.history.length === 1 ? "" : "s"})`, renderHistory(result.history, limits)), dropOrder: 1 });
    return blocks;
  }, budget);
}

/** The rollback report: from → to with the verified artifacts, then the stage's history (the audit trail). */
export function renderRollbackMarkdown(result: RollbackResult, budget?: number): string {
  return fitMarkdown((limits) => {
    const { rollback } = result;
    const title = `### ${verdictLabel(result.verdict)} · rollback · ${escapeMarkdown(result.model)}`;
    const counts = describeCounts(result.checks.map((c) => c.verdict));
    const history = { text: `#### History of ${escapeMarkdown(result.stage)}\n\n${renderHistory(result.history, limits)}` };
    const notes = result.notes.length > 0 ? [{ text: result.notes.map((n) => `> ${escapeMarkdown(n, 500)}`).join("\n") }] : [];
    if (rollback === null) {
      return [{ text: `${title}\n**Refused: rollback of ${escapeMarkdown(result.stage)}.** Nothing was written. ${counts}.` }, ...notes, { text: renderChecks(result.checks, limits) }, history];
    }
    const lines = [
      title,
      `**${escapeMarkdown(result.stage)}: ${escapeMarkdown(rollback.from)} → ${escapeMarkdown(rollback.to)}** (${codeSpan(rollback.unassign_tag)}, ${codeSpan(rollback.assign_tag)}) · ${counts}.`,
    ];
    const effects = describeEffects(rollback);
    if (effects) lines.push(effects);
    return [
      { text: lines.join("\n") },
      ...notes,
      { text: renderChecks(result.checks, limits) },
      history,
      { text: details(`Artifacts of ${escapeMarkdown(rollback.to)} (${rollback.artifacts.length})`, renderArtifacts(rollback.artifacts)), dropOrder: 1 },
    ];
  }, budget);
}

function describeEffects(effects: RegistryEffects): string {
  const parts: string[] = [];
  if (effects.deployment) parts.push(`deployment ${effects.deployment.id} to ${escapeMarkdown(effects.deployment.environment)}`);
  if (effects.dispatched) parts.push(`started ${escapeMarkdown(effects.dispatched)}`);
  return parts.join(" · ");
}

function renderChecks(checks: readonly Check[], limits: FitLimits): string {
  const ordered = [...checks].sort((a, b) => rank(a) - rank(b));
  const shown = ordered.slice(0, limits.tableRows);
  const rows = shown.map((c) => [escapeMarkdown(c.metric, 200), c.rule, verdictLabel(c.verdict), escapeMarkdown(c.message, 500)]);
  const table = markdownTable([["evidence", "check", "result", "why"], ...rows], { alignDelimiters: false });
  const hidden = ordered.length - shown.length;
  return hidden > 0 ? `${table}\n\n_${hidden} more checks not shown._` : table;
}

const rank = (check: Check) => (check.verdict === "fail" ? 0 : check.verdict === "warn" ? 1 : 2);

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
    [["N", "event", "version", "previous", "actor", "reason", "at"], ...shown.map((r) => [String(r.counter), r.gate_evidence ? r.event : `${r.event} (outside modelgate, no gate evidence)`, cell(r.version), cell(r.previous_version), cell(r.actor), cell(r.reason), cell(r.created_at)])],
    { alignDelimiters: false, align: ["r"] },
  );
  return shown.length < rows.length ? `_${rows.length - shown.length} older events not shown._\n\n${table}` : table;
}
