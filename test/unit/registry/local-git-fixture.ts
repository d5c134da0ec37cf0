import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openLocalGitStore } from "../../../shared/src/registry/local-git-store.js";
import type { RegistryStore } from "../../../shared/src/registry/registry-store.js";

/** A real temporary git repository with two commits and a registry store on it. */
export interface LocalRepo {
  dir: string;
  assetDir: string;
  commits: [string, string];
  store: RegistryStore;
  git(...args: string[]): string;
  /** Makes one more commit and returns its sha. */
  commit(label: string): string;
  remove(): void;
}

export const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: "Registry Test",
  GIT_AUTHOR_EMAIL: "registry@example.com",
  GIT_COMMITTER_NAME: "Registry Test",
  GIT_COMMITTER_EMAIL: "registry@example.com",
  GIT_CONFIG_NOSYSTEM: "1",
  GIT_CONFIG_GLOBAL: "/dev/null",
};

export function createLocalRepo(): LocalRepo {
  const root = mkdtempSync(path.join(tmpdir(), "modelgate-registry-"));
  const dir = path.join(root, "repo");
  const assetDir = path.join(root, "assets");
  const git = (...args: string[]) => execFileSync("git", args, { cwd: dir, env: GIT_ENV, encoding: "utf8" }).trim();
  execFileSync("git", ["init", "-q", dir], { env: GIT_ENV });
  writeFileSync(path.join(dir, "train.py"), "print('v1')\n");
  git("add", "train.py");
  git("commit", "-q", "-m", "first model");
  const first = git("rev-parse", "HEAD");
  writeFileSync(path.join(dir, "train.py"), "print('v2')\n");
  git("commit", "-q", "-am", "second model");
  const second = git("rev-parse", "HEAD");
  return {
    dir,
    assetDir,
    commits: [first, second],
    store: openLocalGitStore({ repoDir: dir, assetDir, env: GIT_ENV }),
    git,
    commit(label: string) {
      writeFileSync(path.join(dir, "train.py"), `print(${JSON.stringify(label)})\n`);
      git("commit", "-q", "-am", label);
      return git("rev-parse", "HEAD");
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
