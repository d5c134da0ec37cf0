import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { computeCacheKey } from "../../../shared/src/lineage/cache-key.js";
import { parsePatternLines } from "../../../shared/src/lineage/glob-pattern.js";
import { hashPaths } from "../../../shared/src/lineage/hash-paths.js";

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures");
const options = { input: "inputs", base: fixtures, workspace: fixtures, allowEmpty: false };
// sha256sum of each file (fixtures/SOURCE.md)
const A = {
  path: "folder/a.txt",
  sha256: "b6a98d9ce9a2d9149288fa3df42d377c3e42737afdcdaf714e33c0a100b51060",
  bytes: 6,
};
const B = {
  path: "folder/B.txt",
  sha256: "75339878e435cfbbddf12aa77759682dff55bfebcf52e17438923dd99a410ba6",
  bytes: 6,
};
const CSV = {
  path: "folder/sub/data.csv",
  sha256: "81bf9fa83c6f7f151bd491a98cd7d933de3965289e3ebd77c6c425f7eaa16392",
  bytes: 8,
};

describe("hashPaths", () => {
  it("hashes each file a glob matches, sorted in byte order, with sha256sum's digests", async () => {
    expect(await hashPaths(parsePatternLines("folder/**/*.txt\nfolder/sub/*.csv"), options)).toEqual([B, A, CSV]);
  });

  it("removes what a later !pattern matches", async () => {
    const digests = await hashPaths(parsePatternLines("folder/**\n!folder/sub/**"), options);
    expect(digests).toEqual([B, A]);
  });

  it("resolves patterns against the working directory and records workspace-relative paths", async () => {
    const digests = await hashPaths(parsePatternLines("*.csv"), {
      ...options,
      base: path.join(fixtures, "folder/sub"),
    });
    expect(digests).toEqual([CSV]);
  });

  it("hands out every file's digest, those inside a hashed folder too, by absolute path", async () => {
    const digests = new Map<string, string>();
    await hashPaths(parsePatternLines("folder/sub\nfolder/a.txt"), { ...options, digests });
    // sha256sum folder/sub/* (fixtures/SOURCE.md)
    expect(Object.fromEntries([...digests].map(([file, sha]) => [path.relative(fixtures, file), sha]))).toEqual({
      [A.path]: A.sha256,
      "folder/sub/c d.bin": "8c90d632dec748e5128c6417fdc87e5e35b6b2564bf1253c664777aee58783f6",
      [CSV.path]: CSV.sha256,
      "folder/sub/empty": "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    });
  });
});

describe("computeCacheKey", () => {
  const parts = {
    command: { argv: ["node", "train.mjs"], working_directory: "." },
    seed: 0,
    inputs: [A],
    params: [],
    lockfiles: [],
    platform: "linux",
    arch: "x64",
    outputs: ["out/model.json"],
  };

  it("is stable for the same inputs and changes with the seed, an input digest or the command", () => {
    const key = computeCacheKey(parts);
    expect(key).toMatch(/^modelgate-train-[0-9a-f]{64}$/);
    expect(computeCacheKey({ ...parts })).toBe(key);
    expect(computeCacheKey({ ...parts, seed: 1 })).not.toBe(key);
    expect(computeCacheKey({ ...parts, inputs: [{ ...A, sha256: B.sha256 }] })).not.toBe(key);
    expect(
      computeCacheKey({ ...parts, command: { ...parts.command, argv: ["node", "train.mjs", "--fast"] } }),
    ).not.toBe(key);
  });
});
