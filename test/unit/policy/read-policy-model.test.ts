import { describe, expect, it } from "vitest";
import { parsePolicy } from "../../../shared/src/policy/parse-policy.js";
import type { PolicyFileError } from "../../../shared/src/policy/parse-policy.js";
import { readPolicyModel } from "../../../shared/src/policy/read-policy-model.js";

describe("readPolicyModel", () => {
  it("reads the model of a document whose other keys are invalid", () => {
    expect(readPolicyModel({ version: 7, model: "churn", evaluate: "nonsense" })).toBe("churn");
  });

  it("gives nothing for a non-mapping, a missing model or a model outside GTO's grammar", () => {
    expect(readPolicyModel(null)).toBeUndefined();
    expect(readPolicyModel({ version: 1 })).toBeUndefined();
    expect(readPolicyModel({ model: "Bad Name -->" })).toBeUndefined();
  });

  it("is carried by the error of a policy that parses but is invalid", () => {
    const error = (() => {
      try {
        parsePolicy("version: 2\nmodel: churn\n", "modelgate.yml");
      } catch (e) {
        return e as PolicyFileError;
      }
    })();
    expect(error?.model).toBe("churn");
  });
});
