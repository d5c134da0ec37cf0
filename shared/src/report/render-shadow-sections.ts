import { markdownTable } from "markdown-table";
import type { ShadowResult } from "../shadow/shadow-result.js";
import { escapeMarkdown } from "./escape-markdown.js";
import { formatNumber, formatPercent, formatSigned } from "../core/format-number.js";
import { details } from "./render-layout.js";
import { ownEntry } from "../core/own-entry.js";

const share = (value: number) => formatPercent(value * 100).replace("+", "");
const table = (rows: string[][], align: string[]) => markdownTable(rows, { align, alignDelimiters: false });

/** Counts, flips, score deltas and label accuracy, folded. */
export function renderShadowStatistics(result: ShadowResult): string {
  const { requests, classes, scores, labels, prediction_psi: predictionPsi } = result.summary;
  const lines = [
    `- Requests: production ${requests.production}, shadow ${requests.shadow}, both ${requests.joined}; only production ${requests.only_production}, only shadow ${requests.only_shadow} (reverse coverage ${share(requests.reverse_coverage)}).`,
    `- Duplicate ids (policy ${requests.duplicate_policy}): production ${requests.duplicates.production.rows} extra rows, shadow ${requests.duplicates.shadow.rows}.`,
  ];
  if (classes)
    lines.push(
      `- Classes: ${classes.compared} compared, agreement ${share(classes.agreement)}, flip rate ${share(classes.flip_rate)}${predictionPsi === undefined ? "" : `, PSI of predicted classes ${formatNumber(predictionPsi)}`}.`,
    );
  if (scores) {
    const ks = scores.ks
      ? `, KS ${formatNumber(scores.ks.statistic)} (p = ${formatNumber(scores.ks.p_value)}, ${escapeMarkdown(scores.ks.method)})`
      : "";
    const rest = `${scores.wasserstein === undefined ? "" : `, Wasserstein ${formatNumber(scores.wasserstein)}`}${scores.psi === undefined ? "" : `, PSI ${formatNumber(scores.psi)}`}`;
    lines.push(
      `- Scores (shadow − production, ${scores.compared} pairs): mean Δ ${formatSigned(scores.mean_delta)}, mean |Δ| ${formatNumber(scores.mean_abs_delta)}, p50 |Δ| ${formatNumber(scores.p50_abs_delta)}, p95 |Δ| ${formatNumber(scores.p95_abs_delta)}${ks}${rest}.`,
    );
  }
  if (labels) {
    lines.push(
      `- Labels: ${labels.labelled} labelled requests; accuracy production ${share(labels.production_accuracy)}, shadow ${share(labels.shadow_accuracy)}; McNemar exact p = ${formatNumber(labels.mcnemar_p_value)} (b = ${labels.mcnemar_b}, c = ${labels.mcnemar_c}).`,
    );
  }
  let body = lines.join("\n");
  if (classes && classes.flips.length > 0) {
    const rows = classes.flips.map((f) => [escapeMarkdown(f.from, 60), escapeMarkdown(f.to, 60), String(f.count)]);
    body += `\n\n${table([["production class", "shadow class", "requests"], ...rows], ["l", "l", "r"])}`;
  }
  return details("What would change for users", body);
}

/** Latency percentiles per model and their ratio, folded. */
export function renderShadowLatency(result: ShadowResult): string | undefined {
  const latency = result.summary.latency;
  if (!latency) return undefined;
  const rows = latency.percentiles.map((p) => [
    `p${p.percent}`,
    formatNumber(p.production),
    formatNumber(p.shadow),
    p.ratio === null ? "—" : formatNumber(p.ratio),
    p.ci ? `[${formatNumber(p.ci[0])}, ${formatNumber(p.ci[1])}]` : "—",
  ]);
  let body = table([["percentile", "production", "shadow", "ratio", "interval"], ...rows], ["l", "r", "r", "r", "l"]);
  if (latency.kayenta) {
    const k = latency.kayenta;
    body += `\n\nKayenta's Mann–Whitney judge: **${k.classification.toUpperCase()}**; shift estimate ${formatNumber(k.estimate)} (interval ${k.ci ? `[${formatNumber(k.ci[0])}, ${formatNumber(k.ci[1])}]` : "—"}), p = ${formatNumber(k.p_value)}, mean ratio ${formatNumber(k.mean_ratio)}.`;
  }
  return details(`Latency on ${latency.compared} paired requests (${latency.judge})`, body);
}

/** Flip rate per slice value, highest first. */
export function renderShadowSlices(result: ShadowResult, maxRows: number): string | undefined {
  const slices = [...result.summary.slices].sort((a, b) => b.flip_rate - a.flip_rate || b.compared - a.compared);
  if (slices.length === 0) return undefined;
  const rows = slices
    .slice(0, maxRows)
    .map((s) => [
      escapeMarkdown(s.column, 60),
      s.value === "" ? "_(empty)_" : escapeMarkdown(s.value, 60),
      String(s.compared),
      String(s.flips),
      share(s.flip_rate),
    ]);
  return details(
    `Disagreement by slice (${slices.length})`,
    table([["slice", "value", "requests", "flips", "flip rate"], ...rows], ["l", "l", "r", "r", "r"]),
  );
}

/** The disagreeing requests, present in the result only with show-examples. */
export function renderShadowExamples(result: ShadowResult, maxRows: number): string | undefined {
  const examples = result.examples;
  if (!examples || examples.rows.length === 0) return undefined;
  const rows = examples.rows
    .slice(0, maxRows)
    .map((row) => examples.columns.map((column) => escapeMarkdown(ownEntry(row.cells, column) ?? "", 80)));
  return details(
    `Largest disagreements (${examples.rows.length})`,
    table(
      [examples.columns.map((c) => escapeMarkdown(c, 40)), ...rows],
      examples.columns.map(() => "l"),
    ),
  );
}
