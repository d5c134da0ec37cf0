import { vi } from "vitest";
import { runCli } from "../../shared/src/cli/run-cli.js";

export interface CliRun {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs one `modelgate` command line in this process, as the built CLI runs it: from `cwd`, with the process's
 * stdout and stderr captured (the only process edge it writes to). The test pool forks, so chdir is allowed.
 */
export async function runCliInProcess(args: readonly string[], cwd: string): Promise<CliRun> {
  const previous = process.cwd();
  const captured = { stdout: "", stderr: "" };
  const capture = (stream: "stdout" | "stderr") =>
    vi.spyOn(process[stream], "write").mockImplementation((chunk: string | Uint8Array, ...rest: unknown[]) => {
      captured[stream] += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
      const done = rest.find((arg) => typeof arg === "function") as (() => void) | undefined;
      done?.();
      return true;
    });
  const spies = [capture("stdout"), capture("stderr")];
  process.chdir(cwd);
  try {
    const exitCode = await runCli(args);
    return { exitCode, ...captured };
  } finally {
    process.chdir(previous);
    for (const spy of spies) spy.mockRestore();
  }
}
