import { statSync } from "node:fs";
import path from "node:path";
import { InputError } from "../core/modelgate-error.js";
import { isGhes } from "./is-ghes.js";
import type { ArtifactStore } from "../lineage/output-store.js";
import { walkFiles } from "../lineage/walk-files.js";

/**
 * The runner's artifact service through @actions/artifact, imported only when `artifact-name` is set.
 * Undefined without ACTIONS_RESULTS_URL (a local run); on GitHub Enterprise Server, a store that refuses.
 */
export function actionsArtifactStore(env: NodeJS.ProcessEnv): ArtifactStore | undefined {
  if (isGhes(env.GITHUB_SERVER_URL)) return ghesArtifactStore(env.GITHUB_SERVER_URL!);
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
          taken
            ? `Input "artifact-name": an artifact named "${name}" already exists in this workflow run.`
            : `Input "artifact-name": the artifact "${name}" could not be uploaded (${message}).`,
          taken
            ? "Give each upload in a run its own artifact-name, e.g. include the matrix values: model-${{ matrix.os }}."
            : "Re-run the job; if it fails again, check the runner's artifact service status.",
          { input: "artifact-name" },
          { cause: error },
        );
      }
    },
  };
}

/**
 * GitHub Enterprise Server has no artifact service @actions/artifact v2 can use (nor upload-artifact@v4): the client
 * would fail with an error that suggests re-running, which never helps. Refused before any request, with the way
 * that works there.
 */
function ghesArtifactStore(serverUrl: string): ArtifactStore {
  const refuse = (name: string) =>
    new InputError(
      `Input "artifact-name": this run is on GitHub Enterprise Server (${new URL(serverUrl).host}), whose artifact service the uploader (@actions/artifact v2, as upload-artifact@v4) cannot use, so "${name}" cannot be uploaded.`,
      "Leave artifact-name empty and upload the outputs and the manifest in a later step with actions/upload-artifact@v3, the version GitHub Enterprise Server supports.",
      { input: "artifact-name" },
    );
  return {
    assertUsable(name) {
      throw refuse(name);
    },
    async upload(name) {
      throw refuse(name);
    },
  };
}

/** The artifact client takes files only: a folder output goes up as its files. */
async function expandFolder(file: string): Promise<string[]> {
  if (!statSync(file).isDirectory()) return [file];
  return (await walkFiles(file)).map((f) => path.join(file, f));
}
