// Synchronous reads on purpose: gate inputs are small, and node:fs/promises alone adds measurable
// start-up time (it loads readline and the file watchers) to every action run.
import { readFileSync, statSync } from "node:fs";
import { DataError } from "../../core/modelgate-error.js";
import { formatByteSize } from "../../core/byte-size.js";
import { sha256Hex } from "../../core/digest.js";
import { LimitError } from "./limit-error.js";
import type { LimitReached } from "./limit-error.js";
import { DOCUMENT_MEMORY_SHARE, ReadLimits } from "./read-limits.js";
import { parseGitFileSpec, readGitFile } from "./read-git-file.js";
import { resolveInputPath } from "./resolve-input-path.js";
import type { FileAccess } from "./resolve-input-path.js";

/** A file as read for a gate: its bytes, text, digest, and the name the user gave it. */
export interface InputFile {
  /** The path or git spec exactly as the user wrote it; reports show this. */
  name: string;
  text: string;
  sha256: string;
  bytes: number;
}

/** The most bytes a file read whole may have, the setting that changes it, and the limit it is (for the refusal). */
export interface FileSizeLimit {
  bytes: number;
  setting: string;
  limit?: LimitReached["limit"];
}

/**
 * Reads a file named by an input: a path inside the workspace, or `git:<ref>:<path>`, measured before it is read
 * and refused when larger than `limit`: by default 1/64 of the run's memory limit (16 MiB by default).
 * @throws DataError naming the input and file when it is missing, a folder, unreadable or empty; LimitError
 * when it is over the limit.
 */
export async function readInputFile(
  spec: string,
  access: FileAccess,
  input: string,
  limit: FileSizeLimit = documentLimit(access),
): Promise<InputFile> {
  const gitSpec = parseGitFileSpec(spec, input);
  if (!gitSpec) assertFileSize(statSize(spec, access, input), spec, input, limit);
  const buffer = gitSpec ? await readGitFile(gitSpec, access.workspace, input) : readInputBytes(spec, access, input);
  assertFileSize(buffer.length, spec, input, limit);
  if (buffer.length === 0 || buffer.toString("utf8").trim() === "") {
    throw new DataError(
      `Input "${input}": ${spec} is empty.`,
      `Point ${input} at a file with content, or check the step that writes it.`,
      {
        input,
        file: spec,
      },
    );
  }
  return { name: spec, text: buffer.toString("utf8"), sha256: sha256Hex(buffer), bytes: buffer.length };
}

/** What a document read whole may have under the run's limits: `1/share` of its memory limit. */
export function documentLimit(access: FileAccess, share = DOCUMENT_MEMORY_SHARE): FileSizeLimit {
  const limits = access.limits ?? new ReadLimits();
  return {
    bytes: Math.floor(limits.values.memory / share),
    setting: `${limits.setting("memory")}, of which a file read whole and parsed may have 1/${share}`,
    limit: "memory",
  };
}

/**
 * Refuses a file read whole (the policy, a metrics file) that is larger than `limit`, naming the file, its size,
 * the limit and the setting. @throws LimitError
 */
export function assertFileSize(bytes: number, file: string, input: string, limit: FileSizeLimit): void {
  if (bytes <= limit.bytes) return;
  throw new LimitError(
    `Input "${input}": ${file} is ${formatByteSize(bytes)}, more than the ${formatByteSize(limit.bytes)} a ${input} file may have (${limit.setting}).`,
    `Keep ${file} small (it is read whole and parsed before anything else), or raise ${limit.setting}.`,
    { input, file },
    { limit: limit.limit ?? "policy-bytes", value: limit.bytes, reached: bytes },
  );
}

/** The size of a file named by an input, or -1 when it cannot be measured (the read that follows says why). */
function statSize(spec: string, access: FileAccess, input: string): number {
  try {
    return statSync(resolveInputPath(spec, access, input)).size;
  } catch {
    return -1;
  }
}

/**
 * Reads a file's bytes (binary or text) named by an input, confined like every input path.
 * @throws DataError naming the input and file when it is missing, a folder or unreadable.
 */
export function readInputBytes(spec: string, access: FileAccess, input: string): Buffer {
  const absolute = resolveInputPath(spec, access, input);
  try {
    return readFileSync(absolute);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT"
        ? "does not exist"
        : code === "EISDIR"
          ? "is a folder, not a file"
          : `cannot be read (${code ?? "unknown error"})`;
    throw new DataError(
      `Input "${input}": ${spec} ${why} (looked at ${absolute}).`,
      `Check the path in ${input}; relative paths are resolved against ${access.workspace}.`,
      { input, file: spec },
      { cause },
    );
  }
}
