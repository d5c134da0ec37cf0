import path from "node:path";
import { realpathOrSelf } from "../data/files/resolve-input-path.js";
import type { GlobPattern } from "./glob-pattern.js";
import type { TrainOptions } from "./train-options.js";

/** Tells whether an absolute path is one the run writes itself. */
export type OwnFileTest = (absolute: string) => boolean;

/**
 * The run's own files: what its output patterns select (a literal folder with everything inside it, globs
 * as `hashPaths` applies them, later `!pattern` lines removing earlier matches), its metrics file and its
 * manifest. A previous run left them in the checkout, so they are no part of the next run's source state.
 */
export function ownFileTest(
  options: Pick<TrainOptions, "outputs" | "metrics" | "manifestPath" | "workingDirectory">,
): OwnFileTest {
  const base = realpathOrSelf(options.workingDirectory);
  const single = [options.metrics, options.manifestPath].flatMap((f) =>
    f === undefined ? [] : [realpathOrSelf(path.resolve(options.workingDirectory, f))],
  );
  return (absolute) => {
    const file = realpathOrSelf(absolute);
    return single.includes(file) || isOutput(file, options.outputs, base);
  };
}

/** Whether the output patterns, applied in order, select `file` (absolute, real) or a folder holding it. */
export function isOutput(file: string, patterns: readonly GlobPattern[], base: string): boolean {
  let selected = false;
  for (const pattern of patterns) if (matches(file, pattern, base)) selected = !pattern.negated;
  return selected;
}

function matches(file: string, pattern: GlobPattern, base: string): boolean {
  const root = realpathOrSelf(path.resolve(base, pattern.base));
  const relative = path.relative(root, file);
  const inside = relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
  if (!inside) return false;
  if (pattern.regexp === null) return true;
  const prefix = pattern.base === "." ? "" : `${pattern.base}/`;
  return relative !== "" && pattern.regexp.test(prefix + relative.split(path.sep).join("/"));
}
