import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { diffManifests } from "../../../shared/src/lineage/diff-manifests.js";
import type { Manifest } from "../../../shared/src/lineage/manifest.js";

const fixture = () =>
  JSON.parse(
    readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures/manifest.json"), "utf8"),
  ) as Manifest;
const rows = (baseline: Manifest, current: Manifest) =>
  diffManifests(baseline, current).map((c) => [c.section, c.name, c.change, c.baseline, c.current]);

describe("diffManifests", () => {
  it("lists dirty files by content digest: an edit, a deletion and a file committed since", () => {
    const current = fixture();
    const baseline = {
      ...current,
      git: {
        ...current.git,
        dirty_files: [
          { path: "train.py", sha256: "d0" },
          { path: "notes.md", sha256: null },
        ],
      },
    };
    expect(rows(baseline, current)).toEqual([
      ["dirty files", "notes.md", "removed", "deleted", null],
      ["dirty files", "train.py", "changed", "d0", "d1"],
    ]);
  });

  it("reads a baseline written before dirty files had digests and runtimes had paths", () => {
    const current = fixture();
    const old = JSON.parse(JSON.stringify(current)) as Record<string, Record<string, unknown>>;
    old.git!.dirty_files = ["train.py"];
    old.environment!.node = "v24.1.0";
    old.environment!.python = { version: "3.12.3", packages: 2, packages_sha256: "a2b3c4" };
    expect(rows(old as unknown as Manifest, current)).toEqual([
      ["dirty files", "train.py", "changed", "not recorded", "d1"],
      ["environment", "node", "changed", "v24.1.0", "unknown"],
      ["environment", "python.executable", "added", null, "/opt/venv/bin/python"],
      ["environment", "python.path", "added", null, "/opt/venv/bin/python"],
    ]);
  });

  it("names an interpreter that could not be queried as unknown", () => {
    const current = fixture();
    const queried = {
      ...current,
      environment: {
        ...current.environment,
        python: {
          path: "/opt/venv/bin/python",
          executable: null,
          version: null,
          packages: null,
          packages_sha256: null,
        },
      },
    };
    expect(rows(current, queried)).toEqual([
      ["environment", "python.executable", "changed", "/opt/venv/bin/python", "unknown"],
      ["environment", "python.packages_sha256", "changed", "a2b3c4", "unknown"],
      ["environment", "python.version", "changed", "3.12.3", "unknown"],
    ]);
  });
});
