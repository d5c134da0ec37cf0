import { describe, expect, it } from "vitest";
import type { HistoryRow } from "../../../shared/src/registry/registry-history.js";
import type { PromoteResult, RollbackResult } from "../../../shared/src/registry/registry-result.js";
import { codeSpan } from "../../../shared/src/report/escape-markdown.js";
import { renderPromoteMarkdown, renderRollbackMarkdown } from "../../../shared/src/report/render-registry-markdown.js";
import { renderReportText } from "../../../shared/src/report/render-report.js";
import type { VersionPage } from "../../../shared/src/registry/version-page.js";
import { renderVersionPageMarkdown } from "../../../shared/src/report/render-version-page-markdown.js";
import { renderVersionPageText } from "../../../shared/src/report/render-version-page-text.js";

const HOSTILE = "@acme/oncall <img src=x onerror=alert(1)> | #12 see https://evil.example";
const row = (
  counter: number,
  event: HistoryRow["event"],
  version: string,
  reason: string | null = null,
): HistoryRow => ({
  counter,
  tag: `churn#production#${counter}`,
  stage: "production",
  event,
  version,
  previous_version: null,
  actor: "octocat",
  reason,
  created_at: "2026-01-02T03:04:05Z",
  run_url: null,
  gate_evidence: true,
});
const check = (name: string, verdict: "pass" | "fail", message: string) => ({
  name,
  metric: name,
  rule: "required-check",
  verdict,
  value: null,
  baseline: null,
  delta: null,
  delta_pct: null,
  threshold: 0,
  message,
});

const refused: PromoteResult = {
  action: "promote",
  key: "churn",
  verdict: "fail",
  policy: { file: "", sha256: "", source: "file" },
  notes: ["Nothing was written: the evidence does not allow this promotion."],
  subject: { model: "churn" },
  model: "churn",
  stage: "production",
  commit_sha: "f".repeat(40),
  judged: { sha: "a".repeat(40), pull_number: 12 },
  gates: [],
  checks: [check("lint", "pass", "ok"), check("tests", "fail", 'Check "tests" concluded failure; it must be success.')],
  promotion: null,
  history: [row(1, "promote", "v1.0.0", HOSTILE)],
  version_page: null,
};

const MODEL = "a".repeat(64);
const PREDICTIONS = "b".repeat(64);
const page: VersionPage = {
  version: "v1.1.0",
  tag: "churn@v1.1.0",
  commit_sha: "f".repeat(40),
  gate_evidence: true,
  actor: "octocat",
  created_at: "2026-01-02T03:04:05Z",
  allow_ungated: false,
  stages: ["production"],
  artifacts: [
    {
      name: "model.onnx",
      sha256: MODEL,
      bytes: 2048,
      uri: "https://github.com/acme/models/releases/download/churn%40v1.1.0/model.onnx",
    },
    { name: "predictions.csv", sha256: PREDICTIONS, bytes: 512, uri: "u", role: "predictions" },
  ],
  manifest_sha256: null,
  metrics: { accuracy: 0.91 },
  gates: [
    {
      action: "check",
      key: "gate",
      verdict: "pass",
      run_url: "https://github.com/acme/models/runs/9",
      workflow: ".github/workflows/pr-model-gate.yml",
    },
    {
      action: "evaluate-gate",
      key: "churn",
      verdict: "warn",
      run_url: "https://github.com/acme/models/actions/runs/4242",
      checks: { pass: 3, warn: 1, fail: 0 },
      metrics: { accuracy: 0.91, "f1 <b>GH-7</b>": 0.88 },
      subject: {
        model: "churn",
        candidate_sha256: PREDICTIONS,
        eval_data_sha256: PREDICTIONS,
        baseline_sha256: "c".repeat(64),
      },
    },
  ],
  events: [{ ...row(2, "promote", "v1.1.0", `merged ${HOSTILE}`), previous_version: "v1.0.0" }],
};

describe("renderPromoteMarkdown", () => {
  it("says first that the promotion was refused and nothing written, failed checks first", () => {
    const markdown = renderPromoteMarkdown(refused);
    const lines = markdown.split("\n");
    expect(lines[0]).toBe("### ❌ fail · promote · churn");
    expect(lines[1]).toBe("**Refused: churn → production.** Nothing was written.");
    expect(lines[2]).toBe(
      "**1 of 2 checks failed** · 1 passed. Commit `ffffffffffff` · evidence read on `aaaaaaaaaaaa` (head of pull request #12).",
    );
    expect(markdown.indexOf("| tests |")).toBeLessThan(markdown.indexOf("| lint |"));
  });

  it("escapes a hostile reason in the history: no mention, no HTML, no extra table cell, no link", () => {
    const markdown = renderPromoteMarkdown(refused);
    const line = markdown.split("\n").find((l) => l.startsWith("| 1 |"))!;
    expect(line).not.toContain("<img");
    expect(line).not.toMatch(/@acme/);
    expect(line).not.toContain("https://");
    expect(line.split(/(?<!\\)\|/).length).toBe(9);
  });

  it("escapes GTO 1.10 names (underscores, dirname:) and marks events written outside modelgate", () => {
    const foreign = { ...row(2, "assign", "v2.0.0"), actor: "gto_user", gate_evidence: false };
    const markdown = renderPromoteMarkdown({
      ...refused,
      model: "models/nlp:Churn_Model_v2",
      stage: "Prod_EU",
      history: [row(1, "promote", "v1.0.0"), foreign],
    });
    expect(markdown.split("\n")[0]).toBe("### ❌ fail · promote · models/nlp:Churn\\_Model\\_v2");
    expect(markdown).toContain("**Refused: models/nlp:Churn\\_Model\\_v2 → Prod\\_EU.**");
    expect(markdown).toContain("| 2 | assign (outside modelgate, no gate evidence) | v2.0.0 | | gto\\_user |");
  });

  it("shows the promoted version's page: the gates' verdicts, checks, data digest and metrics, and who promoted it and why", async () => {
    const promoted: PromoteResult = {
      ...refused,
      verdict: "pass",
      notes: [],
      checks: [check("gate", "pass", "a job of workflow run 9 concluded success.")],
      history: page.events,
      version_page: page,
      promotion: {
        version: "v1.1.0",
        version_tag: "churn@v1.1.0",
        event_tag: "churn#production#2",
        version_created: true,
        event_created: true,
        previous_version: "v1.0.0",
        attempts: 1,
        artifacts: page.artifacts,
        deployment: null,
        dispatched: null,
      },
    };
    await expect(renderPromoteMarkdown(promoted)).toMatchFileSnapshot("golden/promote-version-page.md");
    expect(renderReportText(promoted)).toContain(
      "version:\n  v1.1.0  churn@v1.1.0 on ffffffffffff, by octocat at 2026-01-02T03:04:05Z  holds production\n",
    );
  });

  it("marks a version page's events and versions written outside modelgate as having no gate evidence", () => {
    const gtoEvent = (version: string): HistoryRow => ({
      ...row(3, "assign", version),
      actor: "gto_user",
      gate_evidence: false,
    });
    const markdown = renderVersionPageMarkdown({ ...page, events: [...page.events, gtoEvent("v1.1.0")] });
    expect(markdown).toContain("| 3 | assign (outside modelgate, no gate evidence) | production | gto\\_user |");
    expect(markdown).toContain("| 2 | promote | production | octocat |");
    const foreign: VersionPage = {
      ...page,
      version: "v2.0.0",
      tag: "churn@v2.0.0",
      gate_evidence: false,
      artifacts: [],
      metrics: {},
      gates: [],
      events: [gtoEvent("v2.0.0")],
    };
    const foreignMarkdown = renderVersionPageMarkdown(foreign);
    expect(foreignMarkdown).toContain("⚠️ Written outside modelgate: no record, no gate evidence.");
    expect(foreignMarkdown).not.toContain("No gates recorded");
    const text = renderVersionPageText(foreign);
    expect(text).toContain("    written outside modelgate: no record, no gate evidence\n");
    expect(text).toContain(
      "#3 assign to production by gto_user at 2026-01-02T03:04:05Z [written outside modelgate: no gate evidence]",
    );
    expect(text).not.toContain("gates:");
  });

  it("drops the folded history first when the report must shrink, never the verdict", () => {
    const history = Array.from({ length: 3000 }, (_, i) => row(i + 1, "promote", `v1.0.${i}`, "x".repeat(100)));
    const markdown = renderPromoteMarkdown({ ...refused, history }, 20_000);
    expect(markdown.length).toBeLessThanOrEqual(20_000);
    expect(markdown.startsWith("### ❌ fail · promote · churn")).toBe(true);
    expect(markdown).toContain("| tests |");
    expect(markdown).not.toContain("History of production");
  });
});

describe("renderRollbackMarkdown", () => {
  it("shows from → to with copyable tags and the stage's history", () => {
    const result: RollbackResult = {
      action: "rollback",
      key: "churn",
      verdict: "pass",
      policy: { file: "", sha256: "", source: "file" },
      notes: [],
      model: "churn",
      stage: "production",
      checks: [{ ...check("v1.0.0", "pass", "digests match"), rule: "artifact-digests" }],
      rollback: {
        from: "v1.1.0",
        to: "v1.0.0",
        unassign_tag: "churn#production!#3",
        assign_tag: "churn#production#4",
        artifacts: [],
        deployment: { environment: "production", id: 7 },
        dispatched: null,
      },
      history: [
        row(1, "promote", "v1.0.0"),
        row(2, "promote", "v1.1.0"),
        row(3, "unassign", "v1.1.0"),
        row(4, "rollback", "v1.0.0"),
      ],
    };
    const markdown = renderRollbackMarkdown(result);
    expect(markdown.split("\n").slice(0, 3)).toEqual([
      "### ✅ pass · rollback · churn",
      "**production: v1.1.0 → v1.0.0** (`churn#production!#3`, `churn#production#4`). deployment 7 to production.",
      "1 check passed.",
    ]);
    expect(markdown).toContain("| 4 | rollback | v1.0.0 |");
    expect(renderReportText(result)).toContain("rollback · churn production: v1.1.0 -> v1.0.0");
  });

  it("keeps the newest history rows, the audit trail's most relevant, when the report must shrink", () => {
    const history = Array.from({ length: 3000 }, (_, i) => row(i + 1, "promote", `v1.0.${i}`, "x".repeat(100)));
    const result: RollbackResult = {
      action: "rollback",
      key: "churn",
      verdict: "pass",
      policy: { file: "", sha256: "", source: "file" },
      notes: [],
      model: "churn",
      stage: "production",
      checks: [],
      rollback: {
        from: "v1.0.2999",
        to: "v1.0.2998",
        unassign_tag: "churn#production!#3001",
        assign_tag: "churn#production#3002",
        artifacts: [],
        deployment: null,
        dispatched: null,
      },
      history,
    };
    const markdown = renderRollbackMarkdown(result, 20_000);
    expect(markdown.length).toBeLessThanOrEqual(20_000);
    expect(markdown).toContain("| 3000 | promote | v1.0.2999 |");
    expect(markdown).not.toContain("| 1 | promote | v1.0.0 |");
    expect(markdown).toMatch(/_\d+ older events not shown\._/);
  });
});

describe("renderRollbackMarkdown when the policy refuses", () => {
  it("says the rollback was refused and nothing written, with the rule that refused it", async () => {
    const message =
      "modelgate.yml (default branch main) registry.stages.production.rollback-environment requires the rollback to run in environment production, but workflow run 4242 shows no approved review for it. Give the rollback job environment: production, with required reviewers.";
    const result: RollbackResult = {
      action: "rollback",
      key: "churn",
      verdict: "fail",
      policy: { file: "modelgate.yml", sha256: "e".repeat(64), source: "base" },
      notes: ["Nothing was written: the policy does not allow this rollback here."],
      model: "churn",
      stage: "production",
      checks: [{ ...check("production", "fail", message), rule: "rollback-environment" }],
      rollback: null,
      history: [row(1, "promote", "v1.0.0"), row(2, "promote", "v1.1.0")],
    };
    await expect(renderRollbackMarkdown(result)).toMatchFileSnapshot("golden/rollback-refused.md");
    expect(renderReportText(result).split("\n")[0]).toBe("rollback · churn production: REFUSED; nothing was written");
  });
});

describe("codeSpan", () => {
  it("keeps the text copyable and cannot be broken out of", () => {
    expect(codeSpan("churn#production#4")).toBe("`churn#production#4`");
    expect(codeSpan("a`b|c\nd")).toBe("`a'b\\|c d`");
  });
});
