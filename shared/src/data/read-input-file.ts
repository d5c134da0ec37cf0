// Synchronous reads on purpose: gate inputs are small, and node:fs/promises alone adds measurable
// start-up time (it loads readline and the file watchers) to every action run.
import { readFileSync } from "node:fs";
import { DataError } from "../errors/modelgate-error.js";
import { sha256Hex } from "./digest.js";
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

/**
 * Reads a file named by an input: a path inside the workspace, or `git:<ref>:<path>`.
 * @throws DataError naming the input and file when it is missing, a folder, unreadable or empty.
 */
export async function readInputFile(spec: string, access: FileAccess, input: string): Promise<InputFile> {
  const gitSpec = parseGitFileSpec(spec, input);
  const buffer = gitSpec ? await readGitFile(gitSpec, access.workspace, input) : readInputBytes(spec, access, input);
  if (buffer.length === 0 || buffer.toString("utf8").trim() === "") {
    throw new DataError(`Input "${input}": ${spec} is empty.`, `Point ${input} at a file with content, or check the step that writes it.`, {
      input,
      file: spec,
    });
  }
  return { name: spec, text: buffer.toString("utf8"), sha256: sha256Hex(buffer), bytes: buffer.length };
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
    const why = code === "ENOENT" ? "does not exist" : code === "EISDIR" ? "is a folder, not a file" : `cannot be read (${code ?? "unknown error"})`;
    throw new DataError(
      `Input "${input}": ${spec} ${why} (looked at ${absolute}).`,
      `Check the path in ${input}; relative paths are resolved against ${access.workspace}.`,
      { input, file: spec },
      { cause },
    );
  }
}
