import { describe, expect, it } from "vitest";
import { peekPolicyModel } from "../../../shared/src/policy/peek-policy-model.js";

describe("peekPolicyModel", () => {
  it("reads the model of a policy whose other keys are invalid", () => {
    expect(peekPolicyModel("version: 7\nmodel: churn\nevaluate: nonsense\n")).toBe("churn");
  });

  it("gives nothing for unparsable text, a missing file or a model outside GTO's grammar", () => {
    expect(peekPolicyModel("model: [unclosed\n")).toBeUndefined();
    expect(peekPolicyModel(undefined)).toBeUndefined();
    expect(peekPolicyModel("model: 'Bad Name -->'\n")).toBeUndefined();
  });
});
