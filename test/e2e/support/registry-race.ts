import { createHash } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { readModelRegistry } from "../../../shared/src/registry/read-model-registry.js";
import type { RegistryStore } from "../../../shared/src/registry/registry-store.js";
import { currentAssignment, semverHolder } from "../../../shared/src/registry/stage-state.js";
import { verifyRegistry } from "../../../shared/src/registry/verify-registry.js";
import { repoRoot } from "./node-binaries.js";
import { spawnCollect } from "./run-action-bundle.js";

export const CLI = path.join(repoRoot, "shared/dist/cli/index.js");
const sha256 = (bytes: string | Buffer) => createHash("sha256").update(bytes).digest("hex");

/** Trials per race: a few in CI; `MODELGATE_RACE_SOAK=<n>` runs n of each (and more writers) for a longer soak. */
export const SOAK = Number(process.env.MODELGATE_RACE_SOAK ?? 0);

/** One writer of a race: its own build of the model, and what its process said. */
export interface Writer {
  index: number;
  bytes: string;
  exitCode: number | null;
  stdout: string;
  stderr: string;
  /** The version its JSON result names when it promoted. */
  version?: string;
  /** 1 + the compare-and-swaps it lost before it promoted. */
  attempts?: number;
}

/** Writes a distinct build per writer (`build-<k>/model.bin` in `workspace`) and the promote arguments for it. */
export function makeBuilds(workspace: string, trial: string, writers: number): { file: string; bytes: string }[] {
  return Array.from({ length: writers }, (_, k) => {
    const folder = path.join(workspace, `${trial}-build-${k}`);
    mkdirSync(folder, { recursive: true });
    const bytes = `weights of ${trial}, build ${k}, ${"x".repeat(64 + k)}`;
    writeFileSync(path.join(folder, "model.bin"), bytes);
    return { file: path.relative(workspace, path.join(folder, "model.bin")), bytes };
  });
}

/**
 * Starts every writer's `modelgate promote` at once and waits for all of them: each process waits in a shell for a
 * start file, created once all are spawned, so spawning one after another does not stagger them.
 */
export async function race(
  node: string,
  workspace: string,
  env: Record<string, string>,
  argv: string[][],
  builds: { bytes: string }[],
): Promise<Writer[]> {
  const barrier = path.join(workspace, `start-${Date.now()}-${Math.random().toString(36).slice(2)}`);
  const wait = 'while [ ! -e "$1" ]; do sleep 0.005; done; shift; exec "$@"';
  const pending = argv.map((args) =>
    spawnCollect("/bin/sh", ["-c", wait, "sh", barrier, node, CLI, ...args, "--format", "json"], env, workspace),
  );
  await new Promise((resolve) => setTimeout(resolve, 200));
  writeFileSync(barrier, "");
  const runs = await Promise.all(pending);
  return runs.map((run, index) => {
    let promotion: { version?: string; attempts?: number } | undefined;
    try {
      promotion =
        (JSON.parse(run.stdout) as { promotion?: { version?: string; attempts?: number } }).promotion ?? undefined;
    } catch {
      promotion = undefined;
    }
    return {
      index,
      bytes: builds[index]!.bytes,
      ...run,
      ...(promotion?.version === undefined ? {} : { version: promotion.version, attempts: promotion.attempts ?? 1 }),
    };
  });
}

/** How the writers of one trial ended: promoted, lost the race to another, refused an existing version or commit. */
export function tally(
  writers: readonly Writer[],
): Record<"won" | "wonAfterRetry" | "lostRace" | "refused" | "other", number> {
  const counts = { won: 0, wonAfterRetry: 0, lostRace: 0, refused: 0, other: 0 };
  for (const writer of writers) {
    if (writer.exitCode === 0) {
      counts.won++;
      if ((writer.attempts ?? 1) > 1) counts.wonAfterRetry++;
    } else if (/at the same time/.test(writer.stderr)) counts.lostRace++;
    else if (/already exists|already carries|is claimed for/.test(writer.stderr)) counts.refused++;
    else counts.other++;
  }
  return counts;
}

/**
 * The checks every trial ends with, on the stored bytes rather than exit codes: each version's record names the
 * build of the one writer that reported it; the stored artifact is that build; nothing is stored under no record
 * (no staging, no draft, no orphan folder); the event chain is intact and GTO's two orders name the same holder.
 */
export async function expectConsistent(store: RegistryStore, model: string, writers: readonly Writer[]): Promise<void> {
  const registry = await readModelRegistry(store, model);
  const winners = writers.filter((writer) => writer.exitCode === 0);
  expect(new Set(winners.map((writer) => writer.version)).size, "each winner names its own version").toBe(
    winners.length,
  );
  expect(registry.versions.map((version) => version.version).sort()).toEqual(
    winners.map((writer) => writer.version!).sort(),
  );
  for (const version of registry.versions) {
    const writer = winners.find((candidate) => candidate.version === version.version)!;
    const [artifact] = version.record.artifacts;
    expect(artifact!.sha256, `${version.tag} records the build of writer ${writer.index}`).toBe(sha256(writer.bytes));
    const stored = await store.readAsset(version.tag, artifact!.name);
    expect(stored && sha256(Buffer.from(stored)), `${version.tag} stores the build its record names`).toBe(
      artifact!.sha256,
    );
  }
  const stored = await store.listStoredAssets();
  const ofModel = stored.filter((entry) => entry.versionTag.startsWith(`${model}@`));
  expect(
    ofModel.filter((entry) => !entry.published),
    "no staging or draft left behind",
  ).toEqual([]);
  expect(ofModel.map((entry) => entry.versionTag).sort()).toEqual(
    registry.versions.map((version) => version.tag).sort(),
  );
  const report = await verifyRegistry(store, {
    model,
    allowForeignTags: false,
    versionsPerCommit: "many",
    now: new Date(),
  });
  expect(report.models[0]!.findings).toEqual([]);
  expect(report.notes).toEqual([]);
  expect(semverHolder(registry, "prod")?.record.version).toBe(currentAssignment(registry, "prod")?.record.version);
  for (const loser of writers.filter((writer) => writer.exitCode !== 0)) {
    expect(loser.exitCode, loser.stderr).toBe(1);
    expect(loser.stderr, "a loser says it wrote nothing").toMatch(/Nothing was written|this promotion wrote nothing/);
  }
}
