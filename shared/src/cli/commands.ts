/** One CLI command: its usage text and what it runs. Returns the exit code. */
export interface Command {
  name: string;
  usage: string;
  run(args: string[]): Promise<number>;
}

/** A command as the help lists it, its module loaded when it runs (or shows its usage). */
export interface CommandEntry {
  name: string;
  summary: string;
  load(): Promise<Command>;
}

/** Exit codes: 0 pass (or not blocking under --fail-on), 1 the gate fails or cannot decide, 2 usage error. */
export const EXIT = { ok: 0, fail: 1, usage: 2 } as const;

/** A usage mistake: printed with the command's usage, exit 2. */
export class UsageError extends Error {}
