import { execFile } from "node:child_process";
import { copyFile, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type { Check } from "../core/check.js";
import { formatNumber } from "../core/format-number.js";
import type { ActionResult } from "../report/action-result.js";
import { promoteOnEvidence } from "../registry/promote-on-evidence.js";
import { readPromotionFiles } from "../registry/read-promotion-files.js";
import { renderReportMarkdown } from "../report/render-report.js";
import { toResultJson } from "../report/to-result-json.js";
import { DEMO_ENV } from "./demo-registry.js";
import { openLocalRegistry } from "./open-local-registry.js";
import { runEvaluate } from "./run-evaluate.js";

const MODEL = "churn-classifier";
const STAGE = "production";
const DATE = "2026-01-01T00:00:00Z";
const EVAL_DATA = "data/holdout.csv";

/** Versions promoted to production in turn; the first before the team named its evaluation data (no digest). */
const VERSIONS = [
  { file: "history/v1.0.json", version: "1.0.0", evalData: false },
  { file: "history/v1.1.json", version: "1.1.0", evalData: true },
  { file: "history/v1.2.json", version: "1.2.0", evalData: true },
  { file: "history/v1.3.json", version: "1.3.0", evalData: true },
];

/** The command the demo's history evaluation stands for, as a user would type it in the registry's repository. */
export const HISTORY_COMMAND = `modelgate evaluate --policy modelgate.yml --candidate metrics.json --baseline registry:${MODEL}#${STAGE} --eval-data ${EVAL_DATA}`;

/**
 * The history part of the demo, in a temporary git registry: four versions of the example (shared/examples/churn/
 * history) are promoted to production in turn, each on its passing evaluate-gate result (the last three computed on
 * the same evaluation data, named with --eval-data); then the next candidate, which passes against production, is
 * evaluated under a policy with `evaluate.history`: the table and sparkline over the versions that held production,
 * the first listed apart (no digest of its evaluation data), and the median rule failing on the slow slide.
 */
export async function runHistoryDemo(folder: string): Promise<{ lines: string[]; result: ActionResult }> {
  const root = await mkdtemp(path.join(tmpdir(), "modelgate-demo-history-"));
  try {
    const git = (...args: string[]) => promisify(execFile)("git", args, { cwd: root, env: DEMO_ENV });
    await git("init", "-q");
    const store = await openLocalRegistry(root, path.join(root, ".git", "modelgate", "artifacts"), DEMO_ENV);
    const access = { workspace: root, allowedRoots: [root] };
    await mkdir(path.join(root, "data"));
    await copyFile(path.join(folder, "history/holdout.csv"), path.join(root, EVAL_DATA));
    await copyFile(path.join(folder, "history/policy.yml"), path.join(root, "modelgate.yml"));
    const lines = [
      `━━━ History: ${VERSIONS.length} versions promoted to ${STAGE}, then the next candidate sees them (a temporary git registry)`,
      "",
    ];
    for (const [index, { file, version, evalData }] of VERSIONS.entries()) {
      await copyFile(path.join(folder, file), path.join(root, "metrics.json"));
      await git("add", "metrics.json");
      await git("commit", "-q", "-m", `train: ${file}`);
      const commitSha = (await git("rev-parse", "HEAD")).stdout.trim();
      const baseline = index === 0 ? {} : { baseline: `registry:${MODEL}#${STAGE}` };
      const evaluation = await runEvaluate(
        { candidate: "metrics.json", policy: "modelgate.yml", ...baseline, ...(evalData && { evalData: EVAL_DATA }) },
        access,
      );
      await writeFile(
        path.join(root, "evaluate-result.json"),
        toResultJson(evaluation, renderReportMarkdown(evaluation)),
      );
      const { result } = await promoteOnEvidence(store, {
        model: MODEL,
        stage: STAGE,
        version: { explicit: version },
        commitSha,
        judged: { sha: commitSha, pull_number: null },
        files: readPromotionFiles({ artifacts: ["metrics.json"], results: ["evaluate-result.json"] }, access),
        requiredChecks: [],
        allowUngated: false,
        actor: "demo",
        reason: `promote ${file}`,
        runUrl: null,
        now: DATE,
      });
      const flags = `${index === 0 ? "" : ` --baseline registry:${MODEL}#${STAGE}`}${evalData ? ` --eval-data ${EVAL_DATA}` : ""}`;
      lines.push(
        `$ modelgate evaluate --candidate metrics.json${flags} --format json > evaluate-result.json   # ${file}: ${evaluation.verdict}`,
        `$ modelgate promote --model ${MODEL} --stage ${STAGE} --version ${version} --artifacts metrics.json --results evaluate-result.json --allow-missing-manifest`,
        `  ${result.promotion ? `${result.verdict}: v${version} in ${STAGE}` : "refused"}`,
      );
    }
    await copyFile(path.join(folder, "history/candidate.json"), path.join(root, "metrics.json"));
    await copyFile(path.join(folder, "history/policy-history.yml"), path.join(root, "modelgate.yml"));
    const result = await runEvaluate(
      {
        candidate: "metrics.json",
        policy: "modelgate.yml",
        baseline: `registry:${MODEL}#${STAGE}`,
        evalData: EVAL_DATA,
      },
      access,
    );
    lines.push("");
    return { lines, result };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

/**
 * The demo's one-line story of the history evaluation, with its figures read from the result it computed: the
 * allowed regression against production and how far the candidate's AUC fell below the history's median.
 */
export function describeHistorySlide(result: ActionResult): string {
  const checks = "checks" in result ? (result.checks as readonly Check<string>[]) : [];
  const whole = (rule: string) => checks.find((c) => c.metric === "auc" && c.rule === rule && c.slice === undefined);
  const regression = whole("max-regression");
  const median = whole("max-below-median");
  if (!regression || !median || median.delta === null) {
    return "the next candidate, judged against the median of the versions production held (no AUC figures in its result)";
  }
  return `the next candidate: within ${formatNumber(regression.threshold)} of production, but ${formatNumber(-median.delta)} AUC below the median of the versions production held`;
}
