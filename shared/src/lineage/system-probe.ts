import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import os from "node:os";
import type { ProcessProbe } from "./process-probe.js";

/** The real process: its environment, OS facts, and tools run without a shell, 30 s at most each. */
export function systemProbe(): ProcessProbe {
  return {
    env: process.env,
    platform: process.platform,
    release: os.release(),
    arch: process.arch,
    exists: existsSync,
    run: (file, args, cwd, env) =>
      new Promise((resolve) => {
        execFile(
          file,
          [...args],
          { cwd, env: env ?? process.env, timeout: 30_000, maxBuffer: 64 << 20, encoding: "utf8" },
          (error, stdout) => resolve(error ? undefined : stdout),
        );
      }),
  };
}
