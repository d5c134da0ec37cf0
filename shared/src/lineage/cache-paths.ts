import path from "node:path";
import type { TrainOptions } from "./train-options.js";

/**
 * The same path list for save and restore (the cache's version hashes it): output patterns, then the
 * manifest, relative to the workspace (the action's working directory), so a runner that checks out to
 * another folder still finds the entry.
 */
export function cachePaths(options: TrainOptions, manifestFile: string): string[] {
  const relative = (file: string) => path.relative(options.workspace, file).split(path.sep).join("/");
  return [
    ...options.outputs.map((p) => `${p.negated ? "!" : ""}${relative(path.resolve(options.workingDirectory, p.text))}`),
    relative(manifestFile),
  ];
}
