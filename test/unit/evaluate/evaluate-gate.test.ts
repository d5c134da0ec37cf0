import { describe, expect, it } from "vitest";
import { parseMetricsText } from "../../../shared/src/data/metrics/read-metrics-file.js";
import { PolicyError } from "../../../shared/src/core/modelgate-error.js";
import { evaluateGate } from "../../../shared/src/evaluate/evaluate-gate.js";
import { parsePolicy } from "../../../shared/src/policy/parse-policy.js";

const POLICY = parsePolicy(
  `version: 1
model: churn-classifier
evaluate:
  metrics:
    accuracy: { direction: higher, min: 0.80, max-regression: 0.01 }
    latency_p95_ms: { direction: lower, max: 150, max-regression-pct: 10 }
`,
  "modelgate.yml",
);
const provenance = { file: "modelgate.yml", sha256: "p".repeat(64), source: "file" as const };
const metrics = (json: string, name: string) => parseMetricsText(json, name, name.padEnd(64, "0"), "candidate");
const BASELINE = metrics('{"accuracy": 0.912, "latency_p95_ms": 118, "extra": 1}', "baseline.json");

describe("evaluateGate", () => {
  it("fails when any rule fails and lists failed checks first", () => {
    const result = evaluateGate({
      policy: POLICY,
      policyProvenance: provenance,
      candidate: metrics('{"accuracy": 0.889, "latency_p95_ms": 121}', "c.json"),
      baseline: BASELINE,
    });
    expect(result.verdict).toBe("fail");
    expect(result.checks.map((c) => `${c.name}=${c.verdict}`)).toEqual([
      "accuracy:max-regression=fail",
      "accuracy:min=pass",
      "latency_p95_ms:max=pass",
      "latency_p95_ms:max-regression-pct=pass",
    ]);
  });

  it("passes when every rule holds, and keys the result by the policy's model", () => {
    const result = evaluateGate({
      policy: POLICY,
      policyProvenance: provenance,
      candidate: metrics('{"accuracy": 0.92, "latency_p95_ms": 120}', "c.json"),
      baseline: BASELINE,
    });
    expect(result.verdict).toBe("pass");
    expect(result.key).toBe("churn-classifier");
  });

  it("warns without a baseline and notes that only absolute bounds decided", () => {
    const result = evaluateGate({
      policy: POLICY,
      policyProvenance: provenance,
      candidate: metrics('{"accuracy": 0.92, "latency_p95_ms": 120}', "c.json"),
    });
    expect(result.verdict).toBe("warn");
    expect(result.notes[0]).toMatch(/No baseline was given/);
    expect(result.subject).toEqual({ model: "churn-classifier", candidate_sha256: "c.json".padEnd(64, "0") });
  });

  it("fails a baseline rule a registry version cannot feed, saying what the version lacks, unless the policy says warn", () => {
    const candidate = metrics('{"accuracy": 0.92, "latency_p95_ms": 120}', "c.json");
    const record = {
      name: "registry:churn#production (v1.2.0)",
      sha256: "r".repeat(64),
      values: new Map([["accuracy", 0.91]]),
    };
    const registryBaseline = { label: "registry:churn#production (v1.2.0)", predictions: "none" as const };
    const result = evaluateGate({
      policy: POLICY,
      policyProvenance: provenance,
      candidate,
      baseline: record,
      registryBaseline,
    });
    expect(result.verdict).toBe("fail");
    const latency = result.checks.find((c) => c.name === "latency_p95_ms:max-regression-pct")!;
    expect(latency).toMatchObject({ verdict: "fail", baseline: null });
    expect(latency.message).toBe(
      "registry:churn#production (v1.2.0) records no latency_p95_ms and stores no evaluation predictions to compute it from, so this rule cannot be applied and fails (fail closed). Fix: Promote versions with their evaluation predictions (promote's predictions input) so a registry: baseline can compute latency_p95_ms, or set evaluate.on-missing-baseline: warn.",
    );
    expect(result.checks.find((c) => c.name === "accuracy:max-regression")!.verdict).toBe("pass");
    const lenient = parsePolicy(
      `version: 1\nevaluate:\n  on-missing-baseline: warn\n  metrics:\n    latency_p95_ms: { direction: lower, max-regression-pct: 10 }\n`,
      "modelgate.yml",
    );
    expect(
      evaluateGate({ policy: lenient, policyProvenance: provenance, candidate, baseline: record, registryBaseline })
        .verdict,
    ).toBe("warn");
    // The same key makes a plain file baseline fail closed too.
    const strict = parsePolicy(
      `version: 1\nevaluate:\n  on-missing-baseline: fail\n  metrics:\n    latency_p95_ms: { direction: lower, max-regression-pct: 10 }\n`,
      "modelgate.yml",
    );
    const noFile = evaluateGate({ policy: strict, policyProvenance: provenance, candidate });
    expect(noFile.checks[0]).toMatchObject({
      verdict: "fail",
      message:
        "No baseline file was given, so this rule cannot be applied and fails (fail closed). Fix: Give a baseline that has it, or set evaluate.on-missing-baseline: warn.",
    });
    expect(noFile.notes).toContain(
      "No baseline was given: rules against the baseline fail (evaluate.on-missing-baseline: fail).",
    );
  });

  it("names both files' digests in the subject", () => {
    const result = evaluateGate({
      policy: POLICY,
      policyProvenance: provenance,
      candidate: metrics('{"accuracy": 0.92, "latency_p95_ms": 120}', "c.json"),
      baseline: BASELINE,
    });
    expect(result.subject.baseline_sha256).toBe("baseline.json".padEnd(64, "0"));
  });

  it("lists numeric metrics the policy does not gate, with their change", () => {
    const result = evaluateGate({
      policy: POLICY,
      policyProvenance: provenance,
      candidate: metrics('{"accuracy": 0.92, "latency_p95_ms": 120, "extra": 1.5, "label": "x"}', "c.json"),
      baseline: BASELINE,
    });
    expect(result.ungated).toEqual([{ metric: "extra", value: 1.5, baseline: 1, delta: 0.5, delta_pct: 50 }]);
  });

  it("fails a metric the candidate reports as a string", () => {
    const result = evaluateGate({
      policy: POLICY,
      policyProvenance: provenance,
      candidate: metrics('{"accuracy": "high", "latency_p95_ms": 120}', "c.json"),
      baseline: BASELINE,
    });
    expect(result.verdict).toBe("fail");
    expect(result.checks[0]!.message).toMatch(/is not a number \("high"\)/);
  });

  it("records where each rule is written when given the policy's line lookup", () => {
    const result = evaluateGate({
      policy: POLICY,
      policyProvenance: provenance,
      candidate: metrics('{"accuracy": 0.92, "latency_p95_ms": 120}', "c.json"),
      policyLineOf: (path) => (path[2] === "accuracy" ? 5 : 6),
    });
    expect(result.checks.find((c) => c.name === "accuracy:min")?.policy_line).toBe(5);
  });

  it("throws a PolicyError naming the file when the policy has no evaluate section", () => {
    const policy = parsePolicy("version: 1\n", "modelgate.yml");
    expect(() => evaluateGate({ policy, policyProvenance: provenance, candidate: BASELINE })).toThrow(PolicyError);
    expect(() => evaluateGate({ policy, policyProvenance: provenance, candidate: BASELINE })).toThrow(
      /modelgate.yml has no evaluate: section/,
    );
  });

  it("notes each warn bound that can never fire, naming the policy path, and keeps the verdict", () => {
    const policy = parsePolicy(
      "version: 1\nevaluate:\n  metrics:\n    accuracy: { direction: higher, max-regression: 0.01, warn-regression: 0.05 }\n    f1: { direction: higher, max-regression-pct: 2, warn-regression-pct: 2 }\n    auc: { direction: higher, max-regression: 0.02, warn-regression: 0.01 }\n",
      "modelgate.yml",
    );
    const result = evaluateGate({
      policy,
      policyProvenance: provenance,
      candidate: metrics('{"accuracy": 0.912, "f1": 0.8, "auc": 0.9}', "c.json"),
      baseline: metrics('{"accuracy": 0.912, "f1": 0.8, "auc": 0.9}', "b.json"),
    });
    expect(result.verdict).toBe("pass");
    expect(result.notes).toEqual([
      "Policy warning: evaluate.metrics.accuracy has warn-regression 0.05, above its max-regression 0.01, so it can never warn: a regression past 0.01 already fails. Set warn-regression below 0.01, or remove it.",
      "Policy warning: evaluate.metrics.f1 has warn-regression-pct 2, equal to its max-regression-pct 2, so it can never warn: a regression past 2 already fails. Set warn-regression-pct below 2, or remove it.",
    ]);
  });

  it.each(["constructor", "toString", "__proto__"])(
    "refuses significance on %s as on any metric without a paired test",
    (name) => {
      const policy = parsePolicy(
        `version: 1\nevaluate:\n  metrics:\n    ${JSON.stringify(name)}: { direction: higher, max-regression: 0.01, significance: 0.05 }\n`,
        "modelgate.yml",
      );
      const both = metrics(`{${JSON.stringify(name)}: 0.9}`, "c.json");
      expect(() => evaluateGate({ policy, policyProvenance: provenance, candidate: both, baseline: both })).toThrow(
        `evaluate.metrics.${name} asks for significance, but ${name} has no paired test.`,
      );
    },
  );
});
