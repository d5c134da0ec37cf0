import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { computeFolderDigest } from "../../../shared/src/lineage/folder-digest.js";
import { hashPaths } from "../../../shared/src/lineage/hash-paths.js";
import { parseGlobPattern } from "../../../shared/src/lineage/glob-pattern.js";

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures");
// GNU coreutils: cd folder && find . -type f -printf '%P\n' | LC_ALL=C sort | xargs -d '\n' sha256sum | sha256sum
const FOLDER_SHA256 = "40212233129b395e2b5948f33018a3895ab2f1e702c07ae209817e297eb046b7";

describe("computeFolderDigest", () => {
  it("equals sha256sum over the files sorted in byte order when given in any order", () => {
    const entries = [
      { path: "sub/empty", sha256: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", bytes: 0 },
      { path: "a.txt", sha256: "b6a98d9ce9a2d9149288fa3df42d377c3e42737afdcdaf714e33c0a100b51060", bytes: 6 },
      { path: "sub/data.csv", sha256: "81bf9fa83c6f7f151bd491a98cd7d933de3965289e3ebd77c6c425f7eaa16392", bytes: 8 },
      { path: "B.txt", sha256: "75339878e435cfbbddf12aa77759682dff55bfebcf52e17438923dd99a410ba6", bytes: 6 },
      { path: "sub/c d.bin", sha256: "8c90d632dec748e5128c6417fdc87e5e35b6b2564bf1253c664777aee58783f6", bytes: 11 },
    ];
    expect(computeFolderDigest(entries)).toEqual({ sha256: FOLDER_SHA256, bytes: 31, files: 5 });
  });

  it("changes when a file is renamed but its content is not", () => {
    const a = computeFolderDigest([{ path: "x", sha256: "e3b0", bytes: 0 }]);
    const b = computeFolderDigest([{ path: "y", sha256: "e3b0", bytes: 0 }]);
    expect(a.sha256).not.toBe(b.sha256);
  });
});

describe("hashPaths on a folder", () => {
  it("hashes a literal folder as one entry with its file count, equal to the coreutils digest", async () => {
    const digests = await hashPaths([parseGlobPattern("folder")], {
      input: "inputs",
      base: fixtures,
      workspace: fixtures,
      allowEmpty: false,
    });
    expect(digests).toEqual([{ path: "folder", sha256: FOLDER_SHA256, bytes: 31, files: 5 }]);
  });
});
