import { describe, expect, it } from "vitest";
import { PolicyError } from "../../../shared/src/core/modelgate-error.js";
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
    expect(errorOf(VALID.replace("min: 0.80", 'min: "0.8"')).message).toContain(
      'evaluate.metrics.accuracy.min (line 5) must be a number, got "0.8"',
    );
  });

  it("refuses a metric without any rule", () => {
    expect(errorOf(VALID.replace("min: 0.80, max-regression: 0.01", "")).message).toMatch(/accuracy.*declares no rule/);
  });

  it("refuses min greater than max", () => {
    expect(errorOf(VALID.replace("max: 150", "max: 150\n      min: 200")).message).toMatch(/min greater than max/);
  });

  it("refuses negative allowed regressions", () => {
    expect(errorOf(VALID.replace("max-regression: 0.01", "max-regression: -0.01")).message).toMatch(
      /max-regression.*zero or more/,
    );
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
    const error = errorOf(
      VALID.replace("    latency_p95_ms:", "    accuracy: { direction: lower, max: 1 }\n    latency_p95_ms:"),
    );
    expect(error.message).toMatch(/key appears twice/);
    expect(error.location?.line).toBe(6);
  });

  it("says an empty file is empty", () => {
    expect(errorOf("# nothing here\n").message).toBe("modelgate.yml is empty.");
  });

  it.each([
    [".nan", "got .nan (not a number); give a finite number"],
    [".inf", "got infinity (.inf, or a number too large to hold, such as 1e400); give a finite number"],
    ["-.inf", "got -infinity (.inf, or a number too large to hold, such as 1e400); give a finite number"],
    ["1e400", "got infinity (.inf, or a number too large to hold, such as 1e400); give a finite number"],
  ])("says what a %s threshold is instead of printing null", (value, said) => {
    expect(errorOf(VALID.replace("min: 0.80", `min: ${value}`)).message).toBe(
      `modelgate.yml is not a valid modelgate policy: evaluate.metrics.accuracy.min (line 5) must be a number, ${said}.`,
    );
  });

  it("names the key and line of a !!binary value instead of listing a Buffer's methods as unknown keys", () => {
    const error = errorOf("version: 1\nevaluate: !!binary aGVsbG8=\n");
    expect(error.message).toBe(
      "modelgate.yml is not valid YAML at line 2: evaluate is a !!binary value (bytes), which modelgate does not read; write a number, text, true/false, a list or a mapping.",
    );
    expect(error.line).toBe(2);
  });

  it("names the file and the line when the policy is an alias bomb", () => {
    const bomb = [
      "version: 1",
      "a: &a [x, x, x, x, x, x, x, x, x]",
      "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]",
      "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]",
      "d: [*c, *c, *c, *c, *c, *c, *c, *c, *c]",
      "",
    ].join("\n");
    const error = errorOf(bomb);
    expect(error.message).toMatch(
      /^modelgate\.yml is not valid YAML at line 3: its aliases expand into more than 100 copies/,
    );
    expect(error).toMatchObject({ file: "modelgate.yml", line: 3 });
  });

  it("keeps a metric named __proto__ with its rules, and an invalid one is named with its line", () => {
    const policy = parsePolicy(`${VALID}    __proto__: { direction: higher, min: 0.5 }\n`, "modelgate.yml");
    expect(Object.keys(policy.evaluate!.metrics)).toEqual(["accuracy", "latency_p95_ms", "__proto__"]);
    expect(Object.getOwnPropertyDescriptor(policy.evaluate!.metrics, "__proto__")?.value).toEqual({
      direction: "higher",
      min: 0.5,
    });
    expect(errorOf(`${VALID}    __proto__: { direction: up, min: 0.5 }\n`).message).toContain(
      'evaluate.metrics.__proto__.direction (line 9) must be one of "higher", "lower"',
    );
  });

  it("reports a policy whose only metric is __proto__ by that metric, not as naming no metric", () => {
    const policy = parsePolicy(
      "version: 1\nevaluate:\n  metrics:\n    __proto__: { direction: higher, min: 0.5 }\n",
      "modelgate.yml",
    );
    expect(Object.keys(policy.evaluate!.metrics)).toEqual(["__proto__"]);
  });

  it("names an empty metric name with the metrics' line instead of zod's \"Invalid input\"", () => {
    expect(errorOf('version: 1\nevaluate:\n  metrics:\n    "": { direction: higher, min: 0.5 }\n').message).toContain(
      'evaluate.metrics (line 3) has the name "", but metric names must not be empty',
    );
  });

  it("says a required enum key is missing and a mapping is a mapping", () => {
    expect(errorOf("version: 1\nevaluate:\n  metrics:\n    accuracy: { min: 0.5 }\n").message).toContain(
      'evaluate.metrics.accuracy.direction (line 4) must be one of "higher", "lower" (missing)',
    );
    expect(errorOf("version: 1\nevaluate:\n  metrics: [accuracy]\n").message).toContain(
      'evaluate.metrics (line 3) must be a mapping, got ["accuracy"]',
    );
  });
});
