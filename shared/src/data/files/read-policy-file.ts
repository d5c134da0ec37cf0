import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { DataError } from "../../core/modelgate-error.js";
import { sha256Hex } from "../../core/digest.js";
import { assertFileSize } from "./read-input-file.js";
import type { FileSizeLimit } from "./read-input-file.js";
import { realpathOrSelf, resolveInputPath } from "./resolve-input-path.js";
import type { FileAccess } from "./resolve-input-path.js";

/** A policy file's text with its digest. */
export interface PolicyText {
  text: string;
  sha256: string;
}

/** Where the policy lives: its absolute path and its path relative to the repository root. */
export interface PolicyLocation {
  absolute: string;
  /** POSIX path from the workspace root, as the contents API and `git show` want it. */
  repoPath: string;
}

/** Resolves the policy input inside the workspace. @throws DataError when it leaves the workspace. */
export function locatePolicy(spec: string, access: FileAccess): PolicyLocation {
  const absolute = resolveInputPath(spec, access, "policy");
  const relative = path.relative(realpathOrSelf(access.workspace), realpathOrSelf(absolute));
  const inside = relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative);
  return { absolute, repoPath: (inside ? relative : spec).split(path.sep).join("/") };
}

/**
 * Reads the checked-out policy, measured before it is read; undefined when the file does not exist.
 * @throws DataError when unreadable, LimitError when larger than `limit`.
 */
export async function readPolicyText(
  location: PolicyLocation,
  spec: string,
  limit: FileSizeLimit,
): Promise<PolicyText | undefined> {
  try {
    assertFileSize(statSync(location.absolute).size, spec, "policy", limit);
    const bytes = readFileSync(location.absolute);
    return { text: bytes.toString("utf8"), sha256: sha256Hex(bytes) };
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return undefined;
    if (cause instanceof DataError) throw cause;
    throw new DataError(
      `The policy ${spec} cannot be read (${code ?? "unknown error"}).`,
      `Check the policy input; it must name a readable YAML file.`,
      {
        input: "policy",
        file: spec,
      },
      { cause },
    );
  }
}
