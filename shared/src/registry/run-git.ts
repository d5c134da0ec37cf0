import { spawn } from "node:child_process";

/** The outcome of one git invocation. */
export interface GitOutput {
  code: number;
  stdout: Buffer;
  stderr: string;
}

/** Runs `git` with an argument array (never a shell) in `cwd`, optionally feeding `input` on stdin. */
export function runGit(
  cwd: string,
  args: readonly string[],
  options: { input?: string | Uint8Array; env?: NodeJS.ProcessEnv } = {},
): Promise<GitOutput> {
  return new Promise((resolve, reject) => {
    const input = options.input;
    const child = spawn("git", args, {
      cwd,
      env: options.env ?? process.env,
      stdio: [input === undefined ? "ignore" : "pipe", "pipe", "pipe"],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout?.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr?.on("data", (chunk: Buffer) => err.push(chunk));
    child.on("error", reject);
    child.on("close", (code) =>
      resolve({ code: code ?? 1, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString("utf8") }),
    );
    if (input !== undefined && child.stdin) {
      // A git that exits before reading all input reports its own error; the broken pipe adds nothing.
      child.stdin.on("error", () => undefined);
      child.stdin.end(input);
    }
  });
}
