import { realpathSync } from "node:fs";
import path from "node:path";
import { DataError } from "../../core/modelgate-error.js";
import type { ReadLimits } from "./read-limits.js";

/** Where input files may come from, and how much of them a run may read. Actions confine them; the CLI on a laptop does not. */
export interface FileAccess {
  /** Relative paths resolve against this folder (GITHUB_WORKSPACE in an action, cwd in the CLI). */
  workspace: string;
  /** Folders a resolved file must lie inside; empty means anywhere. */
  allowedRoots: readonly string[];
  /** The run's limits on the tables it reads, one instance for the whole run; the defaults when absent. */
  limits?: ReadLimits;
}

/**
 * Resolves a user-given path and refuses one that leaves the allowed folders after symlinks are
 * followed, so a PR cannot point a gate at files elsewhere on a shared runner.
 * @throws DataError naming the input when the path has control characters or escapes the workspace.
 */
export function resolveInputPath(given: string, access: FileAccess, input: string): string {
  if (/[\0\r\n]/.test(given)) {
    throw new DataError(
      `Input "${input}" contains a control character (NUL or newline).`,
      `Give a plain file path in ${input}.`,
      { input },
    );
  }
  const absolute = path.resolve(access.workspace, given);
  if (access.allowedRoots.length === 0) return absolute;
  const real = realpathOrSelf(absolute);
  const roots = access.allowedRoots.map(realpathOrSelf);
  if (!roots.some((root) => real === root || real.startsWith(root + path.sep))) {
    throw new DataError(
      `Input "${input}" points outside the workspace: ${given} resolves to ${real}.`,
      `Use a path inside the checked-out repository (${access.workspace}) or RUNNER_TEMP; copy the file there in an earlier step if needed.`,
      { input, file: given },
    );
  }
  return real;
}

/** The real path of `p`, following symlinks of its existing ancestors when `p` itself does not exist. */
export function realpathOrSelf(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    // A missing file is reported by the reader with its own message; here only containment matters.
    const parent = path.dirname(p);
    return parent === p ? p : path.join(realpathOrSelf(parent), path.basename(p));
  }
}
