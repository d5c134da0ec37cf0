import { describe, expect, it } from "vitest";
import { useStandIn } from "./support/use-stand-in.js";
import { GitHubApiError } from "../../../shared/src/core/modelgate-error.js";
import { readRepoFile } from "../../../shared/src/github/read-repo-file.js";

const { api, octokit } = useStandIn("ghs_test_read");

describe("readRepoFile", () => {
  it("returns the file's text when it exists at the ref", async () => {
    api().setFile("o", "r", "main", "ml/modelgate.yml", "gates:\n  - name: café ☕\n");
    const text = await readRepoFile(octokit(), { owner: "o", repo: "r", path: "ml/modelgate.yml", ref: "main" });
    expect(text).toBe("gates:\n  - name: café ☕\n");
    expect(api().requests.map((r) => `${r.path}?ref=${r.query.ref}`)).toEqual([
      "/repos/o/r/contents/ml%2Fmodelgate.yml?ref=main",
    ]);
    expect(api().violations).toEqual([]);
  });

  it("returns undefined when GitHub answers 404", async () => {
    api().setFile("o", "r", "feature", "modelgate.yml", "x");
    expect(
      await readRepoFile(octokit(), { owner: "o", repo: "r", path: "modelgate.yml", ref: "main" }),
    ).toBeUndefined();
    expect(api().violations).toEqual([]);
  });

  it("fetches the raw bytes when the file is over 1 MB and GitHub leaves content empty", async () => {
    const big = "a,b\n".repeat(300_000);
    api().setFile("o", "r", "main", "data.csv", big);
    expect(await readRepoFile(octokit(), { owner: "o", repo: "r", path: "data.csv", ref: "main" })).toBe(big);
    expect(api().requests).toHaveLength(2);
    expect(api().violations).toEqual([]);
  });

  it("throws GitHubApiError with the status when GitHub keeps failing", async () => {
    api().failNext("GET", /contents/, [500, 500, 500, 500]);
    const error: unknown = await readRepoFile(octokit(), {
      owner: "o",
      repo: "r",
      path: "modelgate.yml",
      ref: "main",
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubApiError);
    expect(error).toMatchObject({
      status: 500,
      message: "GitHub API: reading o/r/modelgate.yml@main failed with HTTP 500: Server Error",
    });
    expect(api().violations).toEqual([]);
  });
});
