import { statSync } from "node:fs";
import { DataError } from "../../core/modelgate-error.js";
import { hashFile } from "./hash-file.js";
import { resolveInputPath } from "./resolve-input-path.js";
import type { FileAccess } from "./resolve-input-path.js";

/** A file named by an input, known by its digest only (its contents are not parsed). */
export interface DigestedFile {
  /** The path exactly as the user wrote it; reports show this. */
  name: string;
  sha256: string;
  bytes: number;
}

/**
 * The SHA-256 of a file named by an input (a data set of any size: streamed in 1 MiB chunks, never held whole),
 * confined like every input path. The digest is of the exact bytes, as `sha256sum` computes it.
 * @throws DataError naming the input and file when it is missing, a folder, unreadable, empty or a `git:` spec.
 */
export async function digestInputFile(spec: string, access: FileAccess, input: string): Promise<DigestedFile> {
  if (spec.startsWith("git:")) {
    throw new DataError(
      `Input "${input}": ${spec} names a file at a git ref, but the evaluation data is digested from a file on disk.`,
      `Write the file out in an earlier step (git show <ref>:<path> > <file>) and point ${input} at that file.`,
      { input, file: spec },
    );
  }
  const absolute = resolveInputPath(spec, access, input);
  const refuse = (why: string, cause?: unknown) =>
    new DataError(
      `Input "${input}": ${spec} ${why} (looked at ${absolute}).`,
      `Check the path in ${input}; relative paths are resolved against ${access.workspace}.`,
      { input, file: spec },
      cause === undefined ? undefined : { cause },
    );
  let size: number;
  try {
    const stat = statSync(absolute);
    if (stat.isDirectory()) throw refuse("is a folder, not a file");
    size = stat.size;
  } catch (cause) {
    if (cause instanceof DataError) throw cause;
    const code = (cause as NodeJS.ErrnoException).code;
    throw refuse(code === "ENOENT" ? "does not exist" : `cannot be read (${code ?? "unknown error"})`, cause);
  }
  if (size === 0) throw refuse("is empty");
  let digest: { sha256: string; bytes: number };
  try {
    digest = await hashFile(absolute);
  } catch (cause) {
    throw refuse(`cannot be read (${(cause as NodeJS.ErrnoException).code ?? "unknown error"})`, cause);
  }
  return { name: spec, ...digest };
}
