import { describe, expect, it } from "vitest";
import { DataError } from "../../../shared/src/core/modelgate-error.js";
import type { Verdict } from "../../../shared/src/core/verdict.js";
import { runPublishReports, toPublishJson } from "../../../shared/src/use-cases/run-publish-reports.js";
import type { PublishedRunFacts, PublishReportsEdge } from "../../../shared/src/use-cases/run-publish-reports.js";
import { writeZip } from "../../support/zip/write-zip.js";
import type { ZipEntryInput } from "../../support/zip/write-zip.js";

const HEAD_SHA = "a".repeat(40);
const INPUTS = { runId: 77, artifactName: "modelgate-results*", combine: false, key: "default" };

/** A result as an action writes it: one check whose verdict is the result's, and the action's own markdown. */
const resultJson = (action: string, key: string, verdict: Verdict) =>
  JSON.stringify({
    schema: "modelgate.result/v1",
    action,
    key,
    verdict,
    checks: [
      {
        name: "auc:min",
        metric: "auc",
        rule: "min",
        verdict,
        value: 0.91,
        baseline: 0.9,
        delta: 0.01,
        delta_pct: 1.11,
        threshold: 0.85,
        message: "0.91 against 0.85.",
      },
    ],
    notes: [],
    policy: { file: "modelgate.yml", sha256: "f".repeat(64), source: "base" },
    report_markdown: "@everyone posted as written",
  });

interface FakeEdge extends PublishReportsEdge {
  downloads: string[];
  upserts: Array<{ pullRequest: number; marker: string; body: string }>;
  warnings: string[];
}

/** The GitHub side as the API would answer: a finished fork pull_request run with `artifacts`, and its open PR. */
function fakeEdge(
  artifacts: Array<{ name: string; entries: ZipEntryInput[] | Buffer }>,
  run: Partial<PublishedRunFacts> = {},
  openPullRequests: number[] = [12],
): FakeEdge {
  const edge: FakeEdge = {
    where: { owner: "acme", repo: "models", serverUrl: "https://github.example" },
    readRun: (runId) =>
      Promise.resolve({ id: runId, event: "pull_request", headSha: HEAD_SHA, headRepository: "forker/models", ...run }),
    findPullRequest: () => Promise.resolve(openPullRequests[0]),
    downloadArtifacts(runId, selection) {
      edge.downloads.push(`${runId}:${selection.name}`);
      return Promise.resolve(
        artifacts.map((a) => ({ name: a.name, zip: Buffer.isBuffer(a.entries) ? a.entries : writeZip(a.entries) })),
      );
    },
    upsertComment(pullRequest, marker, body) {
      edge.upserts.push({ pullRequest, marker, body });
      return Promise.resolve({
        outcome: "created",
        url: `https://github.example/acme/models/pull/12#c${edge.upserts.length}`,
      });
    },
    log: { warning: (message) => edge.warnings.push(message), info: () => undefined },
    downloads: [],
    upserts: [],
    warnings: [],
  };
  return edge;
}

const churn = { name: "evaluate-gate-churn.json", data: resultJson("evaluate-gate", "churn", "pass") };
const fairness = { name: "bias-check-churn.json", data: resultJson("bias-check", "churn", "warn") };
const shadow = { name: "shadow-compare-canary.json", data: resultJson("shadow-compare", "canary", "fail") };

describe("runPublishReports", () => {
  it("writes one comment per action and key, re-rendered from the checked results, and reports the worst verdict", async () => {
    const edge = fakeEdge([{ name: "modelgate-results", entries: [churn, fairness] }]);
    const outcome = await runPublishReports(INPUTS, edge);
    // Worst of pass (evaluate-gate) and warn (bias-check).
    expect(outcome.verdict).toBe("warn");
    expect(outcome.pullRequest).toBe(12);
    // Sorted by action then key within the artifact: bias-check before evaluate-gate.
    expect(edge.upserts.map((u) => u.marker)).toEqual([
      "<!-- modelgate:bias-check:churn -->",
      "<!-- modelgate:evaluate-gate:churn -->",
    ]);
    expect(edge.upserts.every((u) => u.pullRequest === 12 && u.body.startsWith(`${u.marker}\n### Reported `))).toBe(
      true,
    );
    expect(edge.upserts[1]!.body).toContain("### Reported ✅ pass · evaluate-gate · churn");
    expect(edge.upserts[1]!.body).toContain(
      "[workflow run 77](https://github.example/acme/models/actions/runs/77) reported at `aaaaaaaaaaaa` from the fork forker/models.",
    );
    expect(edge.upserts.some((u) => u.body.includes("@everyone"))).toBe(false);
    expect(outcome.comments).toEqual([
      {
        marker: "<!-- modelgate:bias-check:churn -->",
        outcome: "created",
        url: "https://github.example/acme/models/pull/12#c1",
      },
      {
        marker: "<!-- modelgate:evaluate-gate:churn -->",
        outcome: "created",
        url: "https://github.example/acme/models/pull/12#c2",
      },
    ]);
  });

  it("writes one combined comment under the key whose verdict is the worst of every artifact's results", async () => {
    const edge = fakeEdge([
      { name: "modelgate-results-a", entries: [churn] },
      { name: "modelgate-results-b", entries: [shadow] },
    ]);
    const outcome = await runPublishReports({ ...INPUTS, combine: true, key: "nightly" }, edge);
    expect(outcome.verdict).toBe("fail");
    expect(edge.upserts).toHaveLength(1);
    expect(edge.upserts[0]!.marker).toBe("<!-- modelgate:combined:nightly -->");
    expect(
      edge.upserts[0]!.body.startsWith(
        "<!-- modelgate:combined:nightly -->\n### Reported ❌ fail · modelgate · 2 gates",
      ),
    ).toBe(true);
    expect(edge.upserts[0]!.body).toContain("#### Reported ✅ pass · evaluate-gate · churn");
    expect(edge.upserts[0]!.body).toContain("#### Reported ❌ fail · shadow-compare · canary");
    expect(edge.upserts[0]!.body).toBe(`${edge.upserts[0]!.marker}\n${outcome.markdown}`);
    const json = JSON.parse(toPublishJson(outcome));
    expect(json).toMatchObject({ schema: "modelgate.publish/v1", run_id: 77, head_sha: HEAD_SHA, pull_request: 12 });
    expect(json.results.map((r: { action: string }) => r.action)).toEqual(["evaluate-gate", "shadow-compare"]);
    expect(json.results[0].report_markdown).toBeUndefined();
  });

  it("refuses the run and writes no comment when one artifact holds an unsafe entry", async () => {
    const edge = fakeEdge([
      { name: "modelgate-results-a", entries: [churn] },
      { name: "modelgate-results-b", entries: [fairness, { name: "../../.github/workflows/x.json", data: "{}" }] },
    ]);
    const refusal = runPublishReports(INPUTS, edge);
    await expect(refusal).rejects.toBeInstanceOf(DataError);
    await expect(refusal).rejects.toThrow(/"modelgate-results-b" is refused: an entry's name is unsafe/);
    expect(edge.upserts).toEqual([]);
  });

  it("refuses two results for one action and key, which would overwrite one comment", async () => {
    const edge = fakeEdge([
      { name: "modelgate-results-a", entries: [churn] },
      { name: "modelgate-results-b", entries: [{ ...churn, data: resultJson("evaluate-gate", "churn", "fail") }] },
    ]);
    await expect(runPublishReports(INPUTS, edge)).rejects.toThrow(
      "Workflow run 77 has two results for evaluate-gate:churn; they would overwrite one comment.",
    );
    expect(edge.upserts).toEqual([]);
  });

  it("publishes nothing and reads no artifact when the run was not a pull request's", async () => {
    const edge = fakeEdge([{ name: "modelgate-results", entries: [shadow] }], { event: "push" });
    const outcome = await runPublishReports(INPUTS, edge);
    expect(outcome).toMatchObject({ pullRequest: undefined, results: [], comments: [], verdict: "pass" });
    expect(edge.warnings).toEqual([
      "Workflow run 77 ran on push, not pull_request; there is no pull request to publish to.",
    ]);
    expect(outcome.markdown).toBe(`### modelgate · nothing published\n\n${edge.warnings[0]}\n`);
    expect(edge.downloads).toEqual([]);
  });

  it("publishes nothing when no open pull request has the run's head any more", async () => {
    const edge = fakeEdge([{ name: "modelgate-results", entries: [shadow] }], {}, []);
    const outcome = await runPublishReports(INPUTS, edge);
    expect(outcome.verdict).toBe("pass");
    expect(edge.warnings[0]).toMatch(/^No open pull request has the head of workflow run 77 \(aaaaaaaaaaaa\)/);
    expect(edge.downloads).toEqual([]);
    expect(edge.upserts).toEqual([]);
  });

  it("keeps the pull request and writes nothing when the run left no result JSON", async () => {
    const edge = fakeEdge([{ name: "modelgate-results", entries: [{ name: "report.md", data: "# not a result" }] }]);
    const outcome = await runPublishReports(INPUTS, edge);
    expect(outcome).toMatchObject({ pullRequest: 12, results: [], comments: [], verdict: "pass" });
    expect(edge.downloads).toEqual(["77:modelgate-results*"]);
    expect(edge.warnings).toEqual(['Workflow run 77 has no result JSONs in artifacts named "modelgate-results*".']);
  });

  it("checks and renders but writes no comment with dryRun", async () => {
    const edge = fakeEdge([{ name: "modelgate-results", entries: [shadow] }]);
    const outcome = await runPublishReports({ ...INPUTS, dryRun: true }, edge);
    expect(edge.upserts).toEqual([]);
    expect(outcome.comments).toEqual([]);
    expect(outcome.verdict).toBe("fail");
    expect(outcome.markdown).toContain("#### Reported ❌ fail · shadow-compare · canary");
  });
});
