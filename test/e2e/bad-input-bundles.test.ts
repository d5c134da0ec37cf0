import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { baseFiles, policyWith, POLICY } from "../unit/cli/bad-inputs/workspace-files.js";
import { nodeBinaries } from "./support/node-binaries.js";
import { makeWorkspace, runActionBundle } from "./support/run-action-bundle.js";

/** Nested aliases, nine copies per level: a "billion laughs" policy in a few lines (the first alias is on line 3). */
const ALIAS_BOMB = [
  "version: 1",
  "a: &a [x, x, x, x, x, x, x, x, x]",
  ...["b", "c", "d", "e", "f"].map((name, i) => `${name}: &${name} [${Array(9).fill(`*${"abcde"[i]}`).join(", ")}]`),
  "",
].join("\n");

const ACTION_INPUTS = {
  "evaluate-gate": { candidate: "c.json", baseline: "b.json" },
  "bias-check": { predictions: "preds.csv" },
  "shadow-compare": { production: "prod.csv", shadow: "shadow.csv" },
  "validate-data": { data: "data.csv", reference: "ref.csv" },
} as const;
type Action = keyof typeof ACTION_INPUTS;

/**
 * Bad inputs whose refusal only an action shows in full: the result JSON, the job summary, the outputs and the
 * annotation (the CLI sweep covers the messages). `error` cases cannot decide; `check` cases fail a named check;
 * `warn` cases pass with a policy warning in the summary.
 */
interface BundleCase {
  when: string;
  action: Action;
  files?: Record<string, string>;
  inputs?: Record<string, string>;
  outcome: { kind: "error"; file: string; line?: number } | { kind: "check"; name: string } | { kind: "warn" };
  /** Words the annotation (error, check) or the summary (warn) must hold. */
  says: string[];
}

const CASES: BundleCase[] = [
  ...(Object.keys(ACTION_INPUTS) as Action[]).map((action): BundleCase => ({
    when: `the policy is an alias bomb (${action})`,
    action,
    files: { "modelgate.yml": ALIAS_BOMB },
    outcome: { kind: "error", file: "modelgate.yml", line: 3 },
    says: [
      "modelgate.yml is not valid YAML at line 3: its aliases expand into more than 100 copies (the first alias is *a)",
    ],
  })),
  {
    when: "the policy's evaluate section is a !!binary value",
    action: "evaluate-gate",
    files: { "modelgate.yml": "version: 1\nevaluate: !!binary aGVsbG8=\n" },
    outcome: { kind: "error", file: "modelgate.yml", line: 2 },
    says: ["evaluate is a !!binary value (bytes), which modelgate does not read"],
  },
  {
    when: "a threshold is .nan",
    action: "evaluate-gate",
    files: {
      "modelgate.yml": policyWith("evaluate", "evaluate:\n  metrics:\n    accuracy: { direction: higher, min: .nan }"),
    },
    outcome: { kind: "error", file: "modelgate.yml", line: 5 },
    says: ["evaluate.metrics.accuracy.min (line 5) must be a number, got .nan (not a number)"],
  },
  {
    when: "a policy metric named __proto__ is in neither metrics file",
    action: "evaluate-gate",
    files: {
      "modelgate.yml": policyWith(
        "evaluate",
        'evaluate:\n  metrics:\n    accuracy: { direction: higher, min: 0.5 }\n    "__proto__": { direction: higher, min: 0.5 }',
      ),
    },
    outcome: { kind: "check", name: "__proto__:min" },
    says: ["The candidate's __proto__ is missing from c.json"],
  },
  {
    when: "a shadow slice column is not in the production log",
    action: "shadow-compare",
    inputs: { "slice-columns": "nope" },
    outcome: { kind: "error", file: "prod.csv" },
    says: ['prod.csv has no slice column "nope" (slice-columns)'],
  },
  {
    when: "disparate_impact is gated without a privileged group",
    action: "bias-check",
    files: {
      "modelgate.yml": policyWith(
        "fairness",
        "fairness:\n  sensitive: [region]\n  min-group-size: 10\n  resamples: 0\n  metrics:\n    disparate_impact: { min: 0.8 }",
      ),
    },
    outcome: { kind: "error", file: "modelgate.yml" },
    says: ["fairness.metrics.disparate_impact needs a privileged group"],
  },
  {
    when: "the baseline .json file is not JSON",
    action: "evaluate-gate",
    files: { "b.json": '{"accuracy": }' },
    outcome: { kind: "error", file: "b.json" },
    says: ['Input "baseline": b.json is not valid JSON'],
  },
  {
    when: "a warn-regression is above its max-regression",
    action: "evaluate-gate",
    files: { "modelgate.yml": POLICY.replace("max-regression: 0.05", "max-regression: 0.05, warn-regression: 0.1") },
    outcome: { kind: "warn" },
    says: [
      "Policy warning: evaluate.metrics.accuracy has warn-regression 0.1, above its max-regression 0.05, so it can never warn",
    ],
  },
];

describe.each(nodeBinaries())("action bundles given bad input on $label", ({ path: node }) => {
  it.each(CASES.map((c) => [c.when, c] as const))("publish the outcome on every surface when %s", async (_, c) => {
    const workspace = makeWorkspace({ ...baseFiles(), ...c.files });
    const run = await runActionBundle(c.action, {
      node,
      workspace,
      eventName: "push",
      event: { ref: "refs/heads/main" },
      inputs: { ...ACTION_INPUTS[c.action], ...c.inputs },
    });
    const log = `${run.stdout}\n${run.stderr}`;
    expect(log).not.toMatch(/(^|%0A)[ \t]+at \S/m);
    expect(log).not.toContain("internal error");

    expect(run.outputs.result, log).toBeDefined();
    expect(existsSync(run.outputs.result!)).toBe(true);
    const result = JSON.parse(readFileSync(run.outputs.result!, "utf8")) as {
      verdict: string;
      error?: { message: string; file?: string; line?: number };
      checks: Array<{ name: string; verdict: string; message: string }>;
      notes?: string[];
    };
    expect(run.summary).not.toBe("");
    const errors = run.commands.filter((command) => command.command === "error");

    if (c.outcome.kind === "warn") {
      expect(run.exitCode, log).toBe(0);
      expect(run.outputs.verdict).not.toBe("fail");
      for (const words of c.says) expect(run.summary).toContain(words.replace(/_/g, "\\_"));
      for (const words of c.says) expect(result.notes).toContainEqual(expect.stringContaining(words));
      return;
    }
    expect(run.exitCode, log).toBe(1);
    expect(run.outputs).toMatchObject({ verdict: "fail", passed: "false" });
    expect(errors, log).toHaveLength(1);
    for (const words of c.says) expect(errors[0]!.message).toContain(words);
    if (c.outcome.kind === "error") {
      expect(run.summary).toContain("could not decide");
      expect(result.error).toMatchObject({
        file: c.outcome.file,
        ...(c.outcome.line !== undefined && { line: c.outcome.line }),
      });
      if (c.outcome.line !== undefined)
        expect(errors[0]!.properties).toMatchObject({ file: c.outcome.file, line: String(c.outcome.line) });
    } else {
      expect(result.checks).toContainEqual(expect.objectContaining({ name: c.outcome.name, verdict: "fail" }));
    }
  });
});
