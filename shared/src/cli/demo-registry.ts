import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import type { GateResult } from "../evaluate/gate-result.js";
import { promoteOnEvidence } from "../registry/promote-on-evidence.js";
import { readModelRegistry } from "../registry/read-model-registry.js";
import { readPromotionFiles } from "../registry/read-promotion-files.js";
import { rollbackWithReport } from "../registry/rollback-with-report.js";
import { verifyEventChain } from "../registry/verify-event-chain.js";
import { renderChainText } from "../report/render-registry-text.js";
import { renderReportMarkdown, renderReportText } from "../report/render-report.js";
import { toResultJson } from "../report/to-result-json.js";
import type { RecordReport } from "./demo-reports.js";
import { openLocalRegistry } from "./open-local-registry.js";

// Fixed identities and dates: the commits, tags and records, and so every report, are the same on every run.
const DATE = "2026-01-01T00:00:00Z";
export const DEMO_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: "modelgate demo",
  GIT_AUTHOR_EMAIL: "demo@modelgate.invalid",
  GIT_COMMITTER_NAME: "modelgate demo",
  GIT_COMMITTER_EMAIL: "demo@modelgate.invalid",
  GIT_AUTHOR_DATE: DATE,
  GIT_COMMITTER_DATE: DATE,
};
const MODEL = "churn-classifier";

/**
 * The registry part of the demo, on a temporary git repository, with the evaluate-gate results of the demo as
 * evidence: the baseline becomes v0.1.0, the regressed candidate is refused (its gate failed), the better one is
 * promoted as v0.2.0 with its verdict and digests in the record, and a rollback returns to v0.1.0 after checking
 * its artifacts. Returns the text to print and a summary line per step.
 */
export async function runRegistryDemo(
  folder: string,
  evaluated: ReadonlyMap<string, GateResult>,
  record: RecordReport,
): Promise<{ text: string; verdicts: string[] }> {
  const root = await mkdtemp(path.join(tmpdir(), "modelgate-demo-registry-"));
  try {
    const git = (...args: string[]) => promisify(execFile)("git", args, { cwd: root, env: DEMO_ENV });
    await git("init", "-q");
    const store = await openLocalRegistry(root, path.join(root, ".git", "modelgate", "artifacts"), DEMO_ENV);
    const access = { workspace: root, allowedRoots: [root] };
    const verdicts: string[] = [];
    const out = [
      `━━━ Registry: promotion on the gates' evidence, then a rollback (GTO-compatible git tags in a temporary repository)`,
      "",
    ];
    const steps = [
      {
        file: "baseline.json",
        label: "baseline",
        story: "the first version, promoted before any gate existed (--allow-ungated)",
      },
      {
        file: "candidate-regressed.json",
        label: "regressed-refused",
        story: "the regressed candidate: refused, since its evaluate-gate result failed",
      },
      {
        file: "candidate-better.json",
        label: "better",
        story: "the better candidate, promoted on its passing evaluate-gate result",
      },
    ];
    for (const { file, label, story } of steps) {
      await writeFile(path.join(root, "metrics.json"), await readFile(path.join(folder, file)));
      await git("add", "metrics.json");
      await git("commit", "-q", "-m", `train: ${file}`);
      const commitSha = (await git("rev-parse", "HEAD")).stdout.trim();
      const evaluation = evaluated.get(file);
      const results: string[] = [];
      if (evaluation) {
        await writeFile(
          path.join(root, "evaluate-result.json"),
          toResultJson(evaluation, renderReportMarkdown(evaluation)),
        );
        results.push("evaluate-result.json");
      }
      const { result } = await promoteOnEvidence(store, {
        model: MODEL,
        stage: "prod",
        version: { bump: "minor" },
        commitSha,
        judged: { sha: commitSha, pull_number: null },
        files: readPromotionFiles({ artifacts: ["metrics.json"], results }, access),
        requiredChecks: [],
        allowUngated: evaluation === undefined,
        actor: "demo",
        reason: `promote ${file}`,
        runUrl: null,
        now: DATE,
      });
      record(label, story, result);
      verdicts.push(
        `promote ${file}: ${result.promotion ? `${result.verdict} (${result.promotion.version} in prod)` : "fail (refused; nothing written)"}`,
      );
      const flags = evaluation ? "--results evaluate-result.json" : "--allow-ungated";
      out.push(
        `$ modelgate promote --model ${MODEL} --stage prod --bump minor --artifacts metrics.json ${flags} --allow-missing-manifest   # ${file}`,
        renderReportText(result),
      );
    }
    const { result: rolled } = await rollbackWithReport(store, {
      model: MODEL,
      stage: "prod",
      reason: "latency regression in prod",
      actor: "demo",
      runUrl: null,
      now: DATE,
    });
    record("prod", "a one-click rollback of prod to the previous version, artifacts verified", rolled);
    verdicts.push(
      `rollback of prod: ${rolled.verdict} (${rolled.rollback ? `${rolled.rollback.from} -> ${rolled.rollback.to}, artifacts verified` : "refused"})`,
    );
    out.push(
      `$ modelgate rollback --model ${MODEL} --stage prod --reason "latency regression in prod"`,
      renderReportText(rolled),
    );
    out.push(renderChainText(MODEL, verifyEventChain(await readModelRegistry(store, MODEL))));
    return { text: out.join("\n"), verdicts };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
