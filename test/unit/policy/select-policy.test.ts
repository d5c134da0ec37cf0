import { describe, expect, it } from "vitest";
import { PolicyError } from "../../../shared/src/core/modelgate-error.js";
import { selectPolicy } from "../../../shared/src/policy/select-policy.js";

const STRICT = "version: 1\nevaluate:\n  metrics:\n    accuracy: { direction: higher, min: 0.9 }\n";
const LOOSE = "version: 1\nevaluate:\n  metrics:\n    accuracy: { direction: higher, min: 0.5 }\n";
const text = (t: string) => ({ text: t, sha256: `sha-of-${t.length}` });

describe("selectPolicy", () => {
  it("judges a pull request by the base branch's policy and lists what the PR changes", () => {
    const selected = selectPolicy({ file: "modelgate.yml", mode: "base", head: text(LOOSE), base: text(STRICT) });
    expect(selected.policy.evaluate?.metrics.accuracy?.min).toBe(0.9);
    expect(selected.provenance.source).toBe("base");
    expect(selected.provenance.change?.differences).toEqual([
      { path: "evaluate.metrics.accuracy.min", base: "0.9", head: "0.5" },
    ]);
  });

  it("records no change when the PR leaves the policy alone", () => {
    const selected = selectPolicy({ file: "modelgate.yml", mode: "base", head: text(STRICT), base: text(STRICT) });
    expect(selected.provenance.change).toBeUndefined();
  });

  it("still decides with the base policy when the PR's version does not parse", () => {
    const selected = selectPolicy({
      file: "modelgate.yml",
      mode: "base",
      head: text("version: [\n"),
      base: text(STRICT),
    });
    expect(selected.policy.evaluate?.metrics.accuracy?.min).toBe(0.9);
    expect(selected.provenance.change?.headError).toMatch(/not valid YAML/);
  });

  it("lets the PR's policy decide, and says so, when the base branch has none yet", () => {
    const selected = selectPolicy({ file: "modelgate.yml", mode: "base", head: text(LOOSE), base: undefined });
    expect(selected.provenance.source).toBe("head");
    expect(selected.notes[0]).toMatch(/base branch has no modelgate.yml/);
  });

  it("fails closed when no policy exists anywhere", () => {
    expect(() => selectPolicy({ file: "modelgate.yml", mode: "head", head: undefined })).toThrow(PolicyError);
  });

  it("names the base branch in errors of the deciding base policy", () => {
    expect(() =>
      selectPolicy({ file: "modelgate.yml", mode: "base", head: text(STRICT), base: text("version: 3\n") }),
    ).toThrow(/modelgate.yml \(base branch\)/);
  });
});
