import { execFileSync } from "node:child_process";

const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: "Lineage Test",
  GIT_AUTHOR_EMAIL: "lineage@example.com",
  GIT_COMMITTER_NAME: "Lineage Test",
  GIT_COMMITTER_EMAIL: "lineage@example.com",
  GIT_CONFIG_NOSYSTEM: "1",
  GIT_CONFIG_GLOBAL: "/dev/null",
};

/** Runs git in `cwd` with a fixed identity and no user or system configuration. */
export function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", args, { cwd, env: GIT_ENV, encoding: "utf8" }).trim();
}

/** Turns `dir` into a real repository on branch main with everything in it committed; returns HEAD. */
export function commitAll(dir: string): string {
  git(dir, "init", "-q", "-b", "main");
  git(dir, "add", "-A");
  git(dir, "commit", "-q", "-m", "initial");
  return git(dir, "rev-parse", "HEAD");
}
