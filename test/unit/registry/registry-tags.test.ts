import { describe, expect, it } from "vitest";
import { formatStageTag, formatVersionTag, parseRegistryTag } from "../../../shared/src/registry/registry-tags.js";
import { isRegistryName } from "../../../shared/src/registry/registry-names.js";

// Examples from GTO's documentation (dvc.org/doc/gto: register, assign, deprecate) and its tag_re in gto/constants.py.
describe("parseRegistryTag (GTO's tag grammar)", () => {
  it("reads version registrations and deregistrations", () => {
    expect(parseRegistryTag("awesome-model@v0.0.1")).toEqual({
      kind: "version",
      model: "awesome-model",
      version: "v0.0.1",
      cancel: false,
    });
    expect(parseRegistryTag("awesome-model@v0.0.1!")).toEqual({
      kind: "version",
      model: "awesome-model",
      version: "v0.0.1",
      cancel: true,
    });
    expect(parseRegistryTag("m@v1.0.0-rc.1+build.5")).toMatchObject({
      kind: "version",
      version: "v1.0.0-rc.1+build.5",
    });
  });

  it("reads stage assignments and unassignments with their counter", () => {
    expect(parseRegistryTag("awesome-model#prod#1")).toEqual({
      kind: "stage",
      model: "awesome-model",
      stage: "prod",
      cancel: false,
      counter: 1,
    });
    expect(parseRegistryTag("awesome-model#prod!#2")).toEqual({
      kind: "stage",
      model: "awesome-model",
      stage: "prod",
      cancel: true,
      counter: 2,
    });
    expect(parseRegistryTag("team/churn#staging#17")).toEqual({
      kind: "stage",
      model: "team/churn",
      stage: "staging",
      cancel: false,
      counter: 17,
    });
    expect(parseRegistryTag("rf#prod")).toEqual({ kind: "stage", model: "rf", stage: "prod", cancel: false });
  });

  it("reads artifact events", () => {
    expect(parseRegistryTag("rf@deprecated#5")).toEqual({
      kind: "artifact",
      model: "rf",
      event: "deprecated",
      counter: 5,
    });
    expect(parseRegistryTag("rf@created")).toEqual({ kind: "artifact", model: "rf", event: "created" });
  });

  it("refuses what GTO's grammar refuses", () => {
    for (const tag of [
      "rf@1.2.3",
      "rf@v1.2",
      "rf@v01.2.3",
      "rf#prod#",
      "rf#prod#x",
      "-rf#prod#1",
      "rf-#prod#1",
      "rf_#prod#1",
      "rf#prod!!#1",
      "rf@v1.2.3#",
      "v1.2.3",
      "rf",
      "a:rf#prod#1",
      "a=b=rf#prod#1",
    ]) {
      expect(parseRegistryTag(tag), tag).toBeUndefined();
    }
  });

  it("reads GTO 1.10's current names: capitals, underscores and the dirname prefix written as dirname=", () => {
    expect(parseRegistryTag("Churn_Model#Prod#3")).toEqual({
      kind: "stage",
      model: "Churn_Model",
      stage: "Prod",
      cancel: false,
      counter: 3,
    });
    expect(parseRegistryTag("models/nlp=churn@v1.0.0")).toEqual({
      kind: "version",
      model: "models/nlp:churn",
      version: "v1.0.0",
      cancel: false,
    });
    expect(parseRegistryTag("a.b_c-d=m#prod!#4")).toEqual({
      kind: "stage",
      model: "a.b_c-d:m",
      stage: "prod",
      cancel: true,
      counter: 4,
    });
    expect(formatVersionTag("models/nlp:churn", "v1.0.0")).toBe("models/nlp=churn@v1.0.0");
    expect(formatStageTag("models/nlp:churn", "Prod", 2, false)).toBe("models/nlp=churn#Prod#2");
  });

  it("formats tags that read back to the same parts", () => {
    expect(formatVersionTag("churn", "v1.4.0")).toBe("churn@v1.4.0");
    expect(formatStageTag("churn", "prod", 3, false)).toBe("churn#prod#3");
    expect(formatStageTag("churn", "prod", 4, true)).toBe("churn#prod!#4");
    expect(parseRegistryTag(formatStageTag("a/b-c", "canary-eu", 12, true))).toEqual({
      kind: "stage",
      model: "a/b-c",
      stage: "canary-eu",
      cancel: true,
      counter: 12,
    });
  });
});

describe("isRegistryName", () => {
  it("accepts GTO 1.10's [a-zA-Z0-9]([a-zA-Z0-9-/_]*[a-zA-Z0-9])? with an optional dirname: prefix for models", () => {
    const model = (name: string) => isRegistryName(name, "model");
    expect(
      [
        "a",
        "churn",
        "churn-v2",
        "team/churn",
        "0",
        "Churn",
        "Churn_Model",
        "churn_model",
        "models/x:churn",
        "-x_.y:m",
      ].map(model),
    ).toEqual(Array(10).fill(true));
    expect(
      [
        "",
        "churn-",
        "-churn",
        "_churn",
        "/churn",
        "churn/",
        "ch urn",
        "churn.v2",
        "churn#1",
        "a//b",
        "a:b:c",
        ":churn",
        "x:",
      ].map(model),
    ).toEqual(Array(13).fill(false));
  });

  it("refuses names GTO allows but git cannot carry in a tag", () => {
    expect(["a..b:m", "a/.b:m", "x.lock/y:m", ".x:m", "a//b:m"].map((name) => isRegistryName(name, "model"))).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it("takes no dirname prefix for stages", () => {
    expect(["prod", "Prod", "canary_eu", "eu/prod"].map((name) => isRegistryName(name, "stage"))).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(["x:prod", "prod-", "a//b"].map((name) => isRegistryName(name, "stage"))).toEqual([false, false, false]);
  });
});
