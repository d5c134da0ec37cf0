import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { captureEnvironment } from "../../../shared/src/lineage/capture-environment.js";
import type { ProcessProbe } from "../../../shared/src/lineage/process-probe.js";
import { readGitState } from "../../../shared/src/lineage/read-git-state.js";
import { systemProbe } from "../../../shared/src/lineage/system-probe.js";

/** A machine described by its tools' outputs, as the real tools print them. */
function fakeProbe(tools: Record<string, string>, env: Record<string, string> = {}, files: string[] = []): ProcessProbe {
  return {
    env,
    platform: "linux",
    release: "6.8.0-1017-azure",
    arch: "x64",
    nodeVersion: "v24.1.0",
    exists: (f) => files.includes(f),
    run: (file, args) => Promise.resolve(tools[[file, ...args].join(" ").replace(/ -c .*/, " -c")]),
  };
}

const NVIDIA_SMI_BANNER = "+-----------------------------------------------------------------------------+\n| NVIDIA-SMI 535.104.05   Driver Version: 535.104.05   CUDA Version: 12.2     |\n";

describe("captureEnvironment", () => {
  it("records the runner image variables, Python's packages digest and the CUDA driver when present", async () => {
    const probe = fakeProbe(
      {
        "python3 -c": "3.12.3\npandas==2.2.2\nnumpy==2.0.0\n",
        "nvidia-smi --query-gpu=name,driver_version --format=csv,noheader": "Tesla T4, 535.104.05\nTesla T4, 535.104.05\n",
        "nvidia-smi": NVIDIA_SMI_BANNER,
      },
      { ImageOS: "ubuntu24", ImageVersion: "20241117.1.0", RUNNER_OS: "Linux", RUNNER_ARCH: "X64", RUNNER_NAME: "GitHub Actions 12" },
    );
    expect(await captureEnvironment(probe, "/w")).toEqual({
      os: { platform: "linux", release: "6.8.0-1017-azure" },
      arch: "x64",
      runner: { ImageOS: "ubuntu24", ImageVersion: "20241117.1.0", RUNNER_ARCH: "X64", RUNNER_OS: "Linux" },
      node: "v24.1.0",
      // printf 'numpy==2.0.0\npandas==2.2.2\n' | sha256sum
      python: { version: "3.12.3", packages: 2, packages_sha256: "6e9741d57d5a858986f1c7b1cb1442ebfb914e1548b0de2bcaa4e5c02ef9af70" },
      cuda: { driver: "535.104.05", cuda: "12.2", gpus: ["Tesla T4", "Tesla T4"] },
      container: null,
    });
  });

  it("records null for Python and CUDA when the tools are missing, and a container from its marker file", async () => {
    const environment = await captureEnvironment(fakeProbe({}, {}, ["/.dockerenv"]), "/w");
    expect(environment).toMatchObject({ python: null, cuda: null, runner: {}, container: { image: "unknown (running in a container)" } });
    const named = await captureEnvironment(fakeProbe({}, { MODELGATE_CONTAINER_IMAGE: "ghcr.io/acme/train:1.2" }), "/w");
    expect(named.container).toEqual({ image: "ghcr.io/acme/train:1.2" });
  });
});

describe("readGitState", () => {
  const git = (cwd: string, ...args: string[]) => execFileSync("git", args, { cwd, encoding: "utf8", env: { ...process.env, GIT_AUTHOR_NAME: "t", GIT_AUTHOR_EMAIL: "t@e", GIT_COMMITTER_NAME: "t", GIT_COMMITTER_EMAIL: "t@e" } }).trim();

  it("reads sha, branch, the origin without credentials, and lists dirty files", async () => {
    const repo = mkdtempSync(path.join(tmpdir(), "modelgate-git-"));
    git(repo, "init", "-q", "-b", "main");
    writeFileSync(path.join(repo, "train.mjs"), "1\n");
    git(repo, "add", ".");
    git(repo, "commit", "-qm", "x");
    git(repo, "remote", "add", "origin", "https://x-access-token:ghs_secret@github.com/acme/models.git");
    writeFileSync(path.join(repo, "train.mjs"), "2\n");
    writeFileSync(path.join(repo, "new file.csv"), "a\n");
    const probe = { ...systemProbe(), env: {} };
    expect(await readGitState(probe, repo)).toEqual({
      repository: "https://github.com/acme/models.git",
      sha: git(repo, "rev-parse", "HEAD"),
      ref: "refs/heads/main",
      dirty: true,
      dirty_files: ["new file.csv", "train.mjs"],
    });
  });

  it("prefers the runner's GITHUB_REPOSITORY and GITHUB_REF, and records no sha outside a repository", async () => {
    const probe = { ...systemProbe(), env: { GITHUB_REPOSITORY: "acme/models", GITHUB_REF: "refs/pull/7/merge" } };
    expect(await readGitState(probe, mkdtempSync(path.join(tmpdir(), "modelgate-nogit-")))).toEqual({ repository: "acme/models", sha: null, ref: "refs/pull/7/merge", dirty: false, dirty_files: [] });
  });
});
