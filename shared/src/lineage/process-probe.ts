/**
 * What manifest capture needs from the process: its variables, and the output of a few fixed,
 * argument-free tools (`git`, `python3`, `nvidia-smi`). Tests hand in their own; `systemProbe` runs them.
 */
export interface ProcessProbe {
  env: Readonly<Record<string, string | undefined>>;
  platform: string;
  release: string;
  arch: string;
  nodeVersion: string;
  /** stdout of `file args…` in `cwd`, or undefined when the tool is missing or exits non-zero. */
  run(file: string, args: readonly string[], cwd: string): Promise<string | undefined>;
  /** Whether a file exists (for /.dockerenv and the like). */
  exists(file: string): boolean;
}
