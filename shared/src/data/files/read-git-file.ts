import { DataError } from "../../core/modelgate-error.js";

/** A `git:<ref>:<path>` spec split into its parts. */
export interface GitFileSpec {
  ref: string;
  path: string;
}

/** Returns the parts of a `git:<ref>:<path>` spec, or undefined when `spec` is a plain path. */
export function parseGitFileSpec(spec: string, input: string): GitFileSpec | undefined {
  if (!spec.startsWith("git:")) return undefined;
  const rest = spec.slice(4);
  const colon = rest.indexOf(":");
  const ref = colon < 0 ? "" : rest.slice(0, colon);
  const filePath = colon < 0 ? "" : rest.slice(colon + 1);
  // Refs go to git as an argument, never through a shell; refusing a leading "-" stops option injection.
  const refOk = /^[A-Za-z0-9][A-Za-z0-9._/@{}^~-]*$/.test(ref) && !ref.includes("..");
  const pathOk = filePath !== "" && !filePath.startsWith("/") && !filePath.split("/").includes("..");
  if (!refOk || !pathOk || /[\0\r\n]/.test(filePath)) {
    throw new DataError(
      `Input "${input}" is "${spec}", which is not a valid git:<ref>:<path> spec.`,
      `Write it as git:<branch, tag or sha>:<path inside the repository>, e.g. git:origin/main:metrics/eval.json.`,
      { input },
    );
  }
  return { ref, path: filePath };
}

/**
 * Reads a file as it is at `ref` in the repository checked out at `workspace` (`git show ref:path`).
 * @throws DataError when the ref or the path at that ref does not exist (shallow clones need fetch-depth).
 */
export async function readGitFile(spec: GitFileSpec, workspace: string, input: string): Promise<Buffer> {
  // Loaded here, not at start-up: child_process pulls in net, dgram and streams, which only git: specs need.
  const { execFile } = await import("node:child_process");
  const { promisify } = await import("node:util");
  try {
    const { stdout } = await promisify(execFile)("git", ["cat-file", "blob", `${spec.ref}:${spec.path}`], {
      cwd: workspace,
      encoding: "buffer",
      maxBuffer: 64 * 1024 * 1024,
    });
    return stdout;
  } catch (cause) {
    throw new DataError(
      `Input "${input}": cannot read ${spec.path} at git ref ${spec.ref} in ${workspace}.`,
      `Check that the ref exists locally (actions/checkout with fetch-depth: 0, or git fetch origin ${spec.ref}) and that the file exists at that ref.`,
      { input, file: `git:${spec.ref}:${spec.path}` },
      { cause },
    );
  }
}
