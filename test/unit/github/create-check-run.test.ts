import { describe, expect, it } from "vitest";
import { useStandIn } from "./support/use-stand-in.js";
import { GitHubApiError } from "../../../shared/src/core/modelgate-error.js";
import type { CheckRunAnnotationInput } from "../../../shared/src/github/create-check-run.js";
import { createCheckRun } from "../../../shared/src/github/create-check-run.js";

const { api, octokit } = useStandIn("ghs_test_write");

const annotations = (count: number): CheckRunAnnotationInput[] =>
  Array.from({ length: count }, (_, i) => ({
    path: "modelgate.yml",
    start_line: i + 1,
    end_line: i + 1,
    annotation_level: "failure",
    title: `check ${i}`,
    message: `failed ${i}`,
  }));
const run = {
  owner: "o",
  repo: "r",
  headSha: "0123456789abcdef0123456789abcdef01234567",
  name: "modelgate evaluate-gate (churn)",
  conclusion: "failure" as const,
  title: "fail: 3 of 3",
  summary: "## report",
};

describe("createCheckRun", () => {
  it("creates the run with 50 annotations and appends the rest in two updates when there are 120", async () => {
    const created = await createCheckRun(octokit(), { ...run, annotations: annotations(120) });
    expect(
      api().requests.map(
        (r) => `${r.method} ${(r.body as { output: { annotations: unknown[] } }).output.annotations.length}`,
      ),
    ).toEqual(["POST 50", "PATCH 50", "PATCH 20"]);
    const [stored] = api().checkRuns("o", "r");
    expect(stored).toMatchObject({
      id: created.id,
      status: "completed",
      conclusion: "failure",
      head_sha: run.headSha,
      output: { summary: "## report" },
    });
    expect(stored!.annotations.map((a) => a.start_line)).toEqual(Array.from({ length: 120 }, (_, i) => i + 1));
    expect(created.url).toBe(`https://github.com/o/r/runs/${created.id}`);
    expect(api().violations).toEqual([]);
  });

  it("makes a single request when there are no annotations", async () => {
    await createCheckRun(octokit(), { ...run, conclusion: "success", annotations: [] });
    expect(api().requests).toHaveLength(1);
    expect(api().checkRuns("o", "r")[0]).toMatchObject({ conclusion: "success", annotations: [] });
    expect(api().violations).toEqual([]);
  });

  it("truncates the summary to 65,535 characters and annotation titles to 255 when they are longer", async () => {
    const long = [{ ...annotations(1)[0]!, title: "t".repeat(300), message: "m".repeat(70_000) }];
    await createCheckRun(octokit(), { ...run, summary: "s".repeat(70_000), annotations: long });
    const [stored] = api().checkRuns("o", "r");
    expect(stored!.output.summary).toHaveLength(65_535);
    expect(stored!.output.summary).toMatch(/truncated; the full report is in the job summary\)$/);
    expect(stored!.annotations[0]!.title).toHaveLength(255);
    expect(stored!.annotations[0]!.message).toHaveLength(65_535);
    expect(api().violations).toEqual([]);
  });

  it("throws GitHubApiError with status 403 when the token is read-only", async () => {
    const error: unknown = await createCheckRun(octokit("ghs_test_read"), { ...run, annotations: [] }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(GitHubApiError);
    expect(error).toMatchObject({ status: 403, message: expect.stringContaining("creating check run") });
    expect((error as GitHubApiError).hint).toContain("checks: write");
    expect(api().violations).toEqual([]);
  });

  it("throws GitHubApiError with status 403 when a personal token tries to create a check run", async () => {
    const error: unknown = await createCheckRun(octokit("ghp_test_user"), { ...run, annotations: [] }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({
      status: 403,
      message: expect.stringContaining("You must authenticate via a GitHub App."),
    });
    expect(api().violations).toEqual([]);
  });
});
