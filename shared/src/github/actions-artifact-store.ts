import { statSync } from "node:fs";
import path from "node:path";
import { InputError } from "../errors/modelgate-error.js";
import type { ArtifactStore } from "../lineage/output-store.js";
import { walkFiles } from "../lineage/walk-files.js";

/**
 * The runner's artifact service through @actions/artifact, imported only when `artifact-name` is set.
 * Undefined without ACTIONS_RESULTS_URL (a local run).
 */
export function actionsArtifactStore(env: NodeJS.ProcessEnv): ArtifactStore | undefined {
  if (!env.ACTIONS_RESULTS_URL || !env.ACTIONS_RUNTIME_TOKEN) return undefined;
  return {
    async upload(name, paths, root) {
      const { DefaultArtifactClient } = await import("@actions/artifact");
      const files = (await Promise.all(paths.map(expandFolder))).flat();
      try {
        const uploaded = await new DefaultArtifactClient().uploadArtifact(name, files, root);
        return uploaded.id ?? null;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const taken = /\(409\)|already exists/i.test(message);
        throw new InputError(
          taken ? `Input "artifact-name": an artifact named "${name}" already exists in this workflow run.` : `Input "artifact-name": the artifact "${name}" could not be uploaded (${message}).`,
          taken ? "Give each upload in a run its own artifact-name, e.g. include the matrix values: model-${{ matrix.os }}." : "Re-run the job; if it fails again, check the runner's artifact service status.",
          { input: "artifact-name" },
          { cause: error },
        );
      }
    },
  };
}

/** The artifact client takes files only: a folder output goes up as its files. */
async function expandFolder(file: string): Promise<string[]> {
  if (!statSync(file).isDirectory()) return [file];
  return (await walkFiles(file)).map((f) => path.join(file, f));
}
