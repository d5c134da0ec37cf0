/**
 * What manifest capture needs from the process: its variables, and the output of a few fixed tools
 * (`git`, the command's interpreter, `nvidia-smi`). Tests hand in their own; `systemProbe` runs them.
 */
export interface ProcessProbe {
  env: Readonly<Record<string, string | undefined>>;
  platform: string;
  release: string;
  arch: string;
  /**
   * stdout of `file args…` in `cwd`, or undefined when the tool is missing or exits non-zero. With `env`
   * the tool runs in that environment (the training command's), otherwise in the process's own.
   */
  run(
    file: string,
    args: readonly string[],
    cwd: string,
    env?: Readonly<Record<string, string | undefined>>,
  ): Promise<string | undefined>;
  /** Whether a file exists (for /.dockerenv and the like). */
  exists(file: string): boolean;
}
