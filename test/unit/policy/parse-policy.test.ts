import { describe, expect, it } from "vitest";
import { PolicyError } from "../../../shared/src/errors/modelgate-error.js";
import { parsePolicy, parsePolicyDocument } from "../../../shared/src/policy/parse-policy.js";
import type { PolicyFileError } from "../../../shared/src/policy/parse-policy.js";

const VALID = `version: 1
model: churn-classifier
evaluate:
  metrics:
    accuracy: { direction: higher, min: 0.80, max-regression: 0.01 }
    latency_p95_ms:
      direction: lower
      max: 150
`;

function errorOf(text: string): PolicyFileError {
  try {
    parsePolicy(text, "modelgate.yml");
  } catch (error) {
    expect(error).toBeInstanceOf(PolicyError);
    return error as PolicyFileError;
  }
  throw new Error("expected parsePolicy to throw");
}

describe("parsePolicy", () => {
  it("returns the typed policy when the file is valid", () => {
    const policy = parsePolicy(VALID, "modelgate.yml");
    expect(policy.model).toBe("churn-classifier");
    expect(policy.evaluate?.metrics.accuracy).toEqual({ direction: "higher", min: 0.8, "max-regression": 0.01 });
  });

  it("says on which line each rule is written", () => {
    const doc = parsePolicyDocument(VALID, "modelgate.yml");
    expect(doc.lineOf(["evaluate", "metrics", "accuracy", "min"])).toBe(5);
    expect(doc.lineOf(["evaluate", "metrics", "latency_p95_ms", "max"])).toBe(8);
  });

  it("names the key path, the line and the allowed values for an unknown direction", () => {
    const error = errorOf(VALID.replace("direction: higher", "direction: up"));
    expect(error.message).toContain('evaluate.metrics.accuracy.direction (line 5) must be one of "higher", "lower"');
    expect(error.message).toContain("modelgate.yml");
    expect(error.location).toEqual({ path: "evaluate.metrics.accuracy.direction", line: 5 });
    expect(error.hint).toMatch(/Edit modelgate.yml/);
  });

  it("names an unknown key and where it is, to catch typos like max_regression", () => {
    const error = errorOf(VALID.replace("max-regression: 0.01", "max_regression: 0.01"));
    expect(error.message).toContain('evaluate.metrics.accuracy (line 5) has unknown key "max_regression"');
  });

  it("refuses a bound of the wrong type and shows what it got", () => {
    expect(errorOf(VALID.replace("min: 0.80", 'min: "0.8"')).message).toContain('evaluate.metrics.accuracy.min (line 5) must be a number, got "0.8"');
  });

  it("refuses a metric without any rule", () => {
    expect(errorOf(VALID.replace("min: 0.80, max-regression: 0.01", "")).message).toMatch(/accuracy.*declares no rule/);
  });

  it("refuses min greater than max", () => {
    expect(errorOf(VALID.replace("max: 150", "max: 150\n      min: 200")).message).toMatch(/min greater than max/);
  });

  it("refuses negative allowed regressions", () => {
    expect(errorOf(VALID.replace("max-regression: 0.01", "max-regression: -0.01")).message).toMatch(/max-regression.*zero or more/);
  });

  it("refuses a version other than 1", () => {
    expect(errorOf(VALID.replace("version: 1", "version: 2")).message).toContain("version (line 1) must be one of 1");
  });

  it("refuses a model name outside GTO's grammar", () => {
    expect(errorOf(VALID.replace("churn-classifier", "Churn Classifier")).message).toMatch(/model.*GTO/);
  });

  it("reports YAML syntax errors with their line", () => {
    const error = errorOf("version: 1\nevaluate:\n  metrics: [unclosed\n");
    expect(error.message).toMatch(/modelgate.yml is not valid YAML at line \d/);
  });

  it("refuses duplicate keys instead of keeping the last one silently", () => {
    const error = errorOf(VALID.replace("    latency_p95_ms:", "    accuracy: { direction: lower, max: 1 }\n    latency_p95_ms:"));
    expect(error.message).toMatch(/key appears twice/);
    expect(error.location?.line).toBe(6);
  });

  it("says an empty file is empty", () => {
    expect(errorOf("# nothing here\n").message).toBe("modelgate.yml is empty.");
  });
});
