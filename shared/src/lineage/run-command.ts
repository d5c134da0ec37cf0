import { spawn } from "node:child_process";

export interface CommandOutcome {
  /** null when the process was killed by a signal or never started. */
  exitCode: number | null;
  signal: string | null;
  /** Set when the program itself could not be started (ENOENT, EACCES). */
  startError: string | null;
  /** The last lines of stdout and stderr together, for a failure message. */
  lastLines: string[];
  durationMs: number;
}

export interface RunCommandOptions {
  cwd: string;
  env: Record<string, string | undefined>;
  /** Where the command's output goes, live (the job log in an action, the terminal in the CLI). */
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** Clock for the duration, so tests can pin it. */
  now?: () => number;
}

const KEPT_LINES = 20;

/**
 * Runs argv without a shell of our own (the action's argv is bash's own `-c` invocation of the user's
 * `run`), streaming its output as it comes and keeping the last lines for the report.
 */
export function runCommand(argv: readonly string[], options: RunCommandOptions): Promise<CommandOutcome> {
  const now = options.now ?? Date.now;
  const started = now();
  const tail = new LineTail(KEPT_LINES);
  return new Promise((resolve) => {
    const child = spawn(argv[0]!, argv.slice(1), {
      cwd: options.cwd,
      env: options.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let startError: string | null = null;
    child.stdout.on("data", (chunk: Buffer) => {
      options.stdout.write(chunk);
      tail.push(chunk);
    });
    child.stderr.on("data", (chunk: Buffer) => {
      options.stderr.write(chunk);
      tail.push(chunk);
    });
    child.on("error", (error: NodeJS.ErrnoException) => {
      startError = `${error.code ?? "error"}: ${error.message}`;
    });
    child.on("close", (code, signal) => {
      resolve({ exitCode: code, signal, startError, lastLines: tail.lines(), durationMs: now() - started });
    });
  });
}

/** The last `limit` lines of a byte stream, without keeping the rest. */
class LineTail {
  private kept: string[] = [];
  private partial = "";
  constructor(private readonly limit: number) {}

  push(chunk: Buffer): void {
    const parts = (this.partial + chunk.toString("utf8")).split(/\r?\n/);
    this.partial = parts.pop() ?? "";
    this.kept.push(...parts.slice(-this.limit));
    if (this.kept.length > this.limit) this.kept = this.kept.slice(-this.limit);
    if (this.partial.length > 4096) this.partial = this.partial.slice(-4096);
  }

  lines(): string[] {
    return [...this.kept, ...(this.partial === "" ? [] : [this.partial])].slice(-this.limit);
  }
}
