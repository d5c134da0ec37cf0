import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parsePatternLines } from "../../../shared/src/lineage/glob-pattern.js";
import { ownFileTest } from "../../../shared/src/lineage/own-files.js";
import { parsePorcelainZ, readGitState } from "../../../shared/src/lineage/read-git-state.js";
import { systemProbe } from "../../../shared/src/lineage/system-probe.js";
import { commitAll, git } from "../../support/git-checkout.js";

const sha256 = (bytes: string | Buffer) => createHash("sha256").update(bytes).digest("hex");
const none = () => false;

function repo(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "modelgate-git-"));
  writeFileSync(path.join(dir, "train.py"), "print(1)\n");
  writeFileSync(path.join(dir, "params.yaml"), "lr: 0.1\n");
  writeFileSync(path.join(dir, "old.txt"), "old\n");
  commitAll(dir);
  return dir;
}

describe("readGitState", () => {
  it("reads sha, branch and the origin without credentials, and records each dirty file with its content digest", async () => {
    const dir = repo();
    git(dir, "remote", "add", "origin", "https://x-access-token:ghs_secret@github.com/acme/models.git");
    writeFileSync(path.join(dir, "train.py"), "print(2)\n");
    writeFileSync(path.join(dir, "new file.csv"), "a\n");
    rmSync(path.join(dir, "params.yaml"));
    git(dir, "mv", "old.txt", "renamed.txt");
    symlinkSync("train.py", path.join(dir, "link.py"));
    const probe = { ...systemProbe(), env: {} };
    expect(await readGitState(probe, dir, none)).toEqual({
      repository: "https://github.com/acme/models.git",
      sha: git(dir, "rev-parse", "HEAD"),
      ref: "refs/heads/main",
      dirty: true,
      dirty_files: [
        { path: "link.py", sha256: sha256("train.py") },
        { path: "new file.csv", sha256: sha256("a\n") },
        { path: "old.txt", sha256: null },
        { path: "params.yaml", sha256: null },
        { path: "renamed.txt", sha256: sha256("old\n") },
        { path: "train.py", sha256: sha256("print(2)\n") },
      ],
    });
  });

  it("gives an edited file another digest, and its revert the first digest back", async () => {
    const dir = repo();
    const probe = { ...systemProbe(), env: {} };
    writeFileSync(path.join(dir, "train.py"), "print('a')\n");
    const first = await readGitState(probe, dir, none);
    writeFileSync(path.join(dir, "train.py"), "print('b')\n");
    const second = await readGitState(probe, dir, none);
    expect(first.dirty_files.map((f) => f.path)).toEqual(second.dirty_files.map((f) => f.path));
    expect(first.dirty_files[0]!.sha256).not.toBe(second.dirty_files[0]!.sha256);
    writeFileSync(path.join(dir, "train.py"), readFileSync(path.join(dir, "train.py"), "utf8").replace("b", "a"));
    expect(await readGitState(probe, dir, none)).toEqual(first);
  });

  it("leaves out the run's own outputs, metrics and manifest, from the repository root when the run is in a sub-folder", async () => {
    const dir = repo();
    const work = path.join(dir, "model");
    mkdirSync(path.join(work, "out/checkpoints"), { recursive: true });
    mkdirSync(path.join(work, "reports"), { recursive: true });
    for (const file of [
      "out/model.bin",
      "out/checkpoints/1.pt",
      "out/debug.log",
      "reports/metrics.json",
      "run.manifest.json",
      "notes.md",
      "reports/plot.png",
    ])
      writeFileSync(path.join(work, file), file);
    const isOwn = ownFileTest({
      workingDirectory: work,
      outputs: parsePatternLines("out\n!out/*.log\nreports/*.png"),
      metrics: "reports/metrics.json",
      manifestPath: "run.manifest.json",
    });
    const state = await readGitState({ ...systemProbe(), env: {} }, work, isOwn);
    expect(state.dirty_files.map((f) => f.path)).toEqual(["model/notes.md", "model/out/debug.log"]);
  });

  it("records a clean checkout as clean, and no sha outside a repository", async () => {
    const probe = { ...systemProbe(), env: { GITHUB_REPOSITORY: "acme/models", GITHUB_REF: "refs/pull/7/merge" } };
    expect(await readGitState(probe, repo(), none)).toMatchObject({ dirty: false, dirty_files: [] });
    expect(await readGitState(probe, mkdtempSync(path.join(tmpdir(), "modelgate-nogit-")), none)).toEqual({
      repository: "acme/models",
      sha: null,
      ref: "refs/pull/7/merge",
      dirty: false,
      dirty_files: [],
    });
  });
});

describe("parsePorcelainZ", () => {
  it("reads paths with spaces and newlines unquoted, both sides of a rename, and one side of a copy", () => {
    expect(parsePorcelainZ("R  a2\0a\0 M b c\0?? new\nline\0C  copy\0orig\0?? sub/\0")).toEqual([
      "a2",
      "a",
      "b c",
      "new\nline",
      "copy",
      "sub",
    ]);
  });

  it("refuses a checkout git will not read instead of recording it as no repository, naming the folder and the fix", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "modelgate-badgit-"));
    // A .git entry git rejects, as it rejects a checkout owned by another user ("dubious ownership").
    writeFileSync(path.join(dir, ".git"), "gitdir: /nonexistent/modelgate\n");
    mkdirSync(path.join(dir, "model"));
    const probe = { ...systemProbe(), env: {} };
    await expect(readGitState(probe, path.join(dir, "model"), none)).rejects.toMatchObject({
      name: "DataError",
      message: expect.stringContaining(`git refused to read the repository at ${dir}`),
      hint: expect.stringContaining(`safe.directory "${dir}"`),
    });
  });

  it("says git is missing when a repository is there but git cannot run", async () => {
    const dir = repo();
    const probe = { ...systemProbe(), env: {}, run: async () => undefined };
    await expect(readGitState(probe, dir, none)).rejects.toMatchObject({
      message: expect.stringContaining("git is not installed"),
      hint: expect.stringContaining("Install git"),
    });
  });
});
