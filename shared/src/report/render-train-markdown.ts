import { markdownTable } from "markdown-table";
import type { ManifestChange } from "../lineage/diff-manifests.js";
import { environmentFacts } from "../lineage/environment-facts.js";
import type { Manifest, PathDigest } from "../lineage/manifest.js";
import type { TrainResult } from "../lineage/train-result.js";
import { escapeMarkdown } from "./escape-markdown.js";
import type { Check } from "../core/check.js";
import { formatNumber, formatPair } from "../core/format-number.js";
import type { CheckColumn, ReportLayout } from "./render-layout.js";
import { details, renderLayoutMarkdown } from "./render-layout.js";
import { suggestTrainStep } from "./suggest-next-step.js";

/**
 * The train-reproducibly report in the common layout: verdict line with the lineage digest, the checks that did not
 * pass (command, repeatability, cache) with what to do, the passing ones folded, then the command's last lines, what
 * changed since the baseline manifest and the lineage at a glance, folded.
 */
export function renderTrainMarkdown(result: TrainResult, budget?: number): string {
  return renderLayoutMarkdown(trainLayout(result), budget);
}

/** The train-reproducibly report as a layout. */
export function trainLayout(result: TrainResult): ReportLayout<Check> {
  const columns: CheckColumn<Check>[] = [
    { title: "what", cell: (c) => escapeMarkdown(c.metric) },
    { title: "check", cell: (c) => c.rule },
    { title: "value", cell: (c) => formatPair(c.value, c.threshold)[0] },
    { title: "bound", cell: (c) => formatPair(c.value, c.threshold)[1] },
    { title: "why", cell: (c) => escapeMarkdown(c.message, 300) },
  ];
  return {
    verdict: result.verdict,
    action: "train-reproducibly",
    subject: escapeMarkdown(result.key),
    summary: describeFacts(result),
    notes: result.notes,
    checks: { checks: result.checks, columns, nextStep: (c) => suggestTrainStep(c) },
    sections: [
      () =>
        result.command.last_lines.length > 0
          ? [
              {
                text: details(
                  "Last lines of the command's output",
                  result.command.last_lines.map((l) => `> ${escapeMarkdown(l, 300) || " "}`).join("\n"),
                ),
              },
            ]
          : [],
      (limits) =>
        result.changes !== null
          ? [{ text: renderChanges(result.changes, result.baseline_manifest ?? "", limits.tableRows), dropOrder: 3 }]
          : [],
      (limits) => (result.manifest ? [{ text: renderLineage(result.manifest, limits.tableRows), dropOrder: 2 }] : []),
    ],
  };
}

function describeFacts(result: TrainResult): string {
  const facts: string[] = [];
  if (result.manifest) facts.push(`lineage \`${result.manifest.lineage_sha256.slice(0, 16)}\``);
  if (result.model_sha256) facts.push(`model sha256 \`${result.model_sha256.slice(0, 16)}\``);
  if (result.manifest) facts.push(`seed ${result.manifest.seed.value}`);
  if (result.cache) facts.push(result.cache.hit ? "**cache hit** (not retrained)" : "cache miss (trained)");
  if (result.verification) facts.push(`${result.verification.runs} runs compared by ${result.verification.compare}`);
  if (result.artifact?.id != null)
    facts.push(`artifact ${escapeMarkdown(result.artifact.name)} (id ${result.artifact.id})`);
  return facts.length > 0 ? `${facts.join(" · ")}.` : "";
}

function renderChanges(changes: ManifestChange[], baseline: string, maxRows: number): string {
  const title = `Changed since ${escapeMarkdown(baseline)} (${changes.length})`;
  if (changes.length === 0)
    return `**${title}**: nothing; inputs, params, lockfiles, outputs, seed, command, dirty files and environment are the same.`;
  const short = (v: string | null) =>
    v === null ? "—" : escapeMarkdown(/^[0-9a-f]{64}$/.test(v) ? `${v.slice(0, 12)}…` : v, 80);
  const rows = changes
    .slice(0, maxRows)
    .map((c) => [c.section, escapeMarkdown(c.name), c.change, short(c.baseline), short(c.current)]);
  return `**${title}**\n\n${markdownTable([["section", "name", "change", "baseline", "this run"], ...rows], { alignDelimiters: false })}`;
}

function renderLineage(manifest: Manifest, maxRows: number): string {
  const rows: string[][] = [];
  const add = (kind: string, list: PathDigest[]) => {
    for (const p of list)
      rows.push([
        kind,
        escapeMarkdown(p.path, 200),
        `\`${p.sha256.slice(0, 16)}\``,
        formatNumber(p.bytes),
        p.files === undefined ? "" : String(p.files),
      ]);
  };
  add("input", manifest.inputs);
  add("params", manifest.params);
  add("lockfile", manifest.lockfiles);
  add("output", manifest.outputs);
  const table = markdownTable([["kind", "path", "sha256", "bytes", "files"], ...rows.slice(0, maxRows)], {
    alignDelimiters: false,
  });
  const env = manifest.environment;
  const git = manifest.git;
  const facts = [
    `- git: ${escapeMarkdown(git.sha ?? "not a repository")}${git.dirty ? ` (dirty: ${git.dirty_files.length} file${git.dirty_files.length === 1 ? "" : "s"})` : ""}`,
    `- environment: ${escapeMarkdown(`${env.os.platform} ${env.os.release} ${env.arch}`)}${describeRuntimes(env)}${env.cuda ? `, CUDA driver ${escapeMarkdown(env.cuda.driver)}` : ""}`,
    `- command: ${escapeMarkdown(manifest.command.argv.join(" "), 200)} (in ${escapeMarkdown(manifest.command.working_directory)})`,
    ...(manifest.restored_by
      ? [
          `- restored from the cache by ${escapeMarkdown(manifest.restored_by.git_sha ?? "this run")}; trained by the run above`,
        ]
      : []),
  ];
  return details("Lineage at a glance", `${table}\n\n${facts.join("\n")}`);
}

/** `, Python 3.11.2 at /usr/bin/python3 (57 packages)`, `, Node v20.1.0 at …`, or `, interpreter unknown`. */
function describeRuntimes(env: Manifest["environment"]): string {
  const facts = environmentFacts(env);
  const runtimes: string[] = [];
  for (const [name, label] of [
    ["node", "Node"],
    ["python", "Python"],
  ] as const) {
    const version = facts[`${name}.version`] ?? (facts[name] === "unknown" ? undefined : facts[name]);
    if (version === undefined) continue;
    const packages =
      name === "python" && typeof env.python === "object" && env.python?.packages != null
        ? ` (${env.python.packages} packages)`
        : "";
    const at = facts[`${name}.path`];
    runtimes.push(`${label} ${escapeMarkdown(version)}${at ? ` at ${escapeMarkdown(at)}` : ""}${packages}`);
  }
  return runtimes.length > 0 ? `, ${runtimes.join(", ")}` : ", interpreter unknown";
}
