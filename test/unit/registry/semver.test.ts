import { describe, expect, it } from "vitest";
import { bumpVersion, compareSemVer, normalizeVersion, parseSemVer } from "../../../shared/src/registry/semver.js";
import { InputError } from "../../../shared/src/core/modelgate-error.js";

describe("compareSemVer", () => {
  it("orders the precedence example of semver.org §11.4", () => {
    const ordered = [
      "1.0.0-alpha",
      "1.0.0-alpha.1",
      "1.0.0-alpha.beta",
      "1.0.0-beta",
      "1.0.0-beta.2",
      "1.0.0-beta.11",
      "1.0.0-rc.1",
      "1.0.0",
    ];
    const shuffled = [...ordered].reverse();
    shuffled.sort((a, b) => compareSemVer(parseSemVer(a)!, parseSemVer(b)!));
    expect(shuffled).toEqual(ordered);
  });

  it("orders 1.0.0 < 2.0.0 < 2.1.0 < 2.1.1 (§11.2) and ignores build metadata (§10)", () => {
    const list = ["2.1.1", "2.0.0", "1.0.0", "2.1.0"].sort((a, b) => compareSemVer(parseSemVer(a)!, parseSemVer(b)!));
    expect(list).toEqual(["1.0.0", "2.0.0", "2.1.0", "2.1.1"]);
    expect(compareSemVer(parseSemVer("1.0.0+a")!, parseSemVer("1.0.0+b")!)).toBe(0);
  });
});

describe("normalizeVersion", () => {
  it("spells versions with a leading v", () => {
    expect(normalizeVersion("1.4.0")).toBe("v1.4.0");
    expect(normalizeVersion("v1.4.0-rc.1")).toBe("v1.4.0-rc.1");
  });

  it("refuses what is not SemVer, naming the input", () => {
    for (const text of ["1.4", "latest", "01.0.0", "v1.0.0.0", ""]) {
      expect(() => normalizeVersion(text, "to"), text).toThrow(InputError);
    }
    expect(() => normalizeVersion("1.4", "to")).toThrow(/Input "to" is "1.4", which is not a semantic version/);
  });
});

describe("bumpVersion", () => {
  it("bumps the highest registered version", () => {
    expect(bumpVersion([], "patch")).toBe("v0.0.1");
    expect(bumpVersion(["v1.2.3", "v1.10.0", "v1.9.9"], "minor")).toBe("v1.11.0");
    expect(bumpVersion(["v1.2.3"], "major")).toBe("v2.0.0");
    expect(bumpVersion(["v1.2.3"], "patch")).toBe("v1.2.4");
    expect(bumpVersion(["v1.2.3", "v1.3.0-rc.1"], "patch")).toBe("v1.3.0");
  });
});
