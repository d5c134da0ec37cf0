import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { buildManifest } from "../../../shared/src/lineage/build-manifest.js";
import { computeLineageSha256 } from "../../../shared/src/lineage/lineage-digest.js";
import type { Manifest } from "../../../shared/src/lineage/manifest.js";

const fixture = () =>
  JSON.parse(
    readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures/manifest.json"), "utf8"),
  ) as Manifest;
// /usr/bin/python3 fixtures/lineage-digest-reference.py (json.dumps sort_keys, indent=2, hashlib.sha256)
const REFERENCE = "cb7cbe074922e04c45aec7e21ddc66f11a87608f67318bf4d0c8d7c7e5a1bc7a";

describe("computeLineageSha256", () => {
  it("equals the digest Python computes over the canonical manifest without volatile fields", () => {
    expect(computeLineageSha256(fixture())).toBe(REFERENCE);
  });

  it("ignores timestamps, durations and the restoring run", () => {
    const other = {
      ...fixture(),
      volatile: { started_at: "2030-01-01T00:00:00.000Z", duration_ms: 1 },
      restored_by: undefined,
    };
    expect(computeLineageSha256(other)).toBe(REFERENCE);
  });

  it("changes when the seed, an input digest, a dirty file's content, the interpreter or its packages change", () => {
    const base = fixture();
    const python = base.environment.python as Exclude<Manifest["environment"]["python"], "unknown">;
    expect(computeLineageSha256({ ...base, seed: { ...base.seed, value: 8 } })).not.toBe(REFERENCE);
    expect(computeLineageSha256({ ...base, inputs: [{ ...base.inputs[0]!, sha256: "cd" }, base.inputs[1]!] })).not.toBe(
      REFERENCE,
    );
    expect(
      computeLineageSha256({ ...base, git: { ...base.git, dirty_files: [{ path: "train.py", sha256: "d2" }] } }),
    ).not.toBe(REFERENCE);
    expect(
      computeLineageSha256({
        ...base,
        environment: { ...base.environment, python: { ...python, packages_sha256: "x" } },
      }),
    ).not.toBe(REFERENCE);
    expect(
      computeLineageSha256({
        ...base,
        environment: { ...base.environment, python: { ...python, path: "/usr/bin/python3" } },
      }),
    ).not.toBe(REFERENCE);
  });
});

describe("buildManifest", () => {
  it("adds the schema and seals the manifest with its lineage digest", () => {
    const parts: Record<string, unknown> = { ...fixture() };
    for (const key of ["schema", "lineage_sha256", "restored_by"]) delete parts[key];
    const manifest = buildManifest(parts as Parameters<typeof buildManifest>[0]);
    expect(manifest.schema).toBe("modelgate.manifest/v1");
    expect(manifest.lineage_sha256).toBe(REFERENCE);
  });
});
