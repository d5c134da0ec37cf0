import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { promoteVersion } from "../registry/promote-version.js";
import { readModelRegistry } from "../registry/read-model-registry.js";
import { registryHistory } from "../registry/registry-history.js";
import { rollbackStage } from "../registry/rollback-stage.js";
import { verifyEventChain } from "../registry/verify-event-chain.js";
import { renderChainText, renderHistoryText } from "../report/render-registry-text.js";
import { openLocalRegistry } from "./open-local-registry.js";

const DEMO_ENV = { ...process.env, GIT_AUTHOR_NAME: "modelgate demo", GIT_AUTHOR_EMAIL: "demo@modelgate.invalid", GIT_COMMITTER_NAME: "modelgate demo", GIT_COMMITTER_EMAIL: "demo@modelgate.invalid" };
const NOW = "2026-01-01T00:00:00Z";

/**
 * The registry part of the demo, on a temporary git repository: promote the example model twice, roll back once,
 * then print the history and the chain check. Returns the text to print.
 */
export async function runRegistryDemo(folder: string): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), "modelgate-demo-registry-"));
  try {
    const git = (...args: string[]) => promisify(execFile)("git", args, { cwd: root, env: DEMO_ENV });
    await git("init", "-q");
    const commits: string[] = [];
    for (const file of ["baseline.json", "candidate-better.json"]) {
      await writeFile(path.join(root, "metrics.json"), await readFile(path.join(folder, file)));
      await git("add", "metrics.json");
      await git("commit", "-q", "-m", `train: ${file}`);
      commits.push((await git("rev-parse", "HEAD")).stdout.trim());
    }
    const store = await openLocalRegistry(root, path.join(root, ".git", "modelgate", "artifacts"), DEMO_ENV);
    const common = { model: "churn-classifier", stage: "prod", manifestSha256: null, gates: [], actor: "demo", runUrl: null, now: NOW };
    const out = ["━━━ Registry: promote twice, roll back once (GTO-compatible git tags in a temporary repository)", ""];
    for (const [i, file] of ["baseline.json", "candidate-better.json"].entries()) {
      const outcome = await promoteVersion(store, {
        ...common,
        version: { bump: "minor" },
        commitSha: commits[i]!,
        artifacts: [{ name: "metrics.json", bytes: await readFile(path.join(folder, file)) }],
        metrics: {},
        reason: `promote ${file}`,
      });
      out.push(`$ modelgate promote --model churn-classifier --stage prod --bump minor --artifacts ${file}`, `  ${outcome.version.tag} -> ${outcome.event.tag}`);
    }
    const rolled = await rollbackStage(store, { ...common, reason: "latency regression in prod" });
    out.push(`$ modelgate rollback --model churn-classifier --stage prod --reason "latency regression in prod"`, `  ${rolled.from} -> ${rolled.to.version} (artifacts verified): ${rolled.unassignment.tag}, ${rolled.assignment.tag}`, "");
    const registry = await readModelRegistry(store, "churn-classifier");
    out.push(renderHistoryText("churn-classifier", registryHistory(registry, "prod")), renderChainText("churn-classifier", verifyEventChain(registry)));
    return out.join("\n");
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
