import { beforeEach, describe, expect, it } from "vitest";
import { useStandIn } from "./support/use-stand-in.js";
import { createOctokit } from "../../../shared/src/github/create-octokit.js";

const { api } = useStandIn();
let warnings: string[];
beforeEach(() => {
  warnings = [];
});

function octokit(options: { token?: string; maxRetryAfterSeconds?: number } = {}) {
  const log = { warning: (message: string) => void warnings.push(message), debug: () => undefined };
  return createOctokit({
    token: options.token ?? "ghs_test_write",
    baseUrl: api().url,
    log,
    retryAfterBaseValue: 10,
    maxRetryAfterSeconds: options.maxRetryAfterSeconds,
  });
}

const listComments = { owner: "o", repo: "r", issue_number: 7 };

describe("createOctokit", () => {
  it("retries and succeeds when GitHub answers 502 then 200", async () => {
    api().failNext("GET", /\/issues\/7\/comments$/, [502]);
    const { status } = await octokit().rest.issues.listComments(listComments);
    expect(status).toBe(200);
    expect(api().requests.map((r) => r.status)).toEqual([502, 200]);
    expect(api().violations).toEqual([]);
  });

  it("gives up after three retries when GitHub keeps answering 500", async () => {
    api().failNext("GET", /comments$/, [500, 500, 500, 500]);
    await expect(octokit().rest.issues.listComments(listComments)).rejects.toMatchObject({ status: 500 });
    expect(api().requests).toHaveLength(4);
    expect(api().violations).toEqual([]);
  });

  it("does not retry when GitHub answers 403 without a rate limit", async () => {
    const write = octokit({ token: "ghs_test_read" }).rest.issues.createComment({ ...listComments, body: "x" });
    await expect(write).rejects.toMatchObject({ status: 403 });
    expect(api().requests).toHaveLength(1);
    expect(api().violations).toEqual([]);
  });

  it("retries with a warning when GitHub answers 429 with retry-after", async () => {
    api().failNext("GET", /comments$/, [429], { "retry-after": "1" });
    const { status } = await octokit().rest.issues.listComments(listComments);
    expect(status).toBe(200);
    expect(api().requests.map((r) => r.status)).toEqual([429, 200]);
    expect(warnings).toEqual([
      expect.stringMatching(/^GitHub secondary rate limit on GET .*: retrying in 1 s \(retry 1 of 2\)\.$/),
    ]);
    expect(api().violations).toEqual([]);
  });

  it("retries when the primary rate limit is exhausted and resets soon", async () => {
    const reset = String(Math.floor(Date.now() / 1000));
    api().failNext("GET", /comments$/, [403], { "x-ratelimit-remaining": "0", "x-ratelimit-reset": reset });
    const { status } = await octokit().rest.issues.listComments(listComments);
    expect(status).toBe(200);
    expect(warnings[0]).toMatch(/^GitHub primary rate limit on GET /);
    expect(api().violations).toEqual([]);
  });

  it("stops after two rate-limit retries when GitHub keeps refusing", async () => {
    api().failNext("GET", /comments$/, [403, 403, 403, 403], { "retry-after": "1" });
    await expect(octokit().rest.issues.listComments(listComments)).rejects.toMatchObject({ status: 403 });
    expect(api().requests).toHaveLength(3);
    expect(warnings.at(-1)).toMatch(/giving up after 2 retries\.$/);
    expect(api().violations).toEqual([]);
  });

  it("gives up at once when GitHub asks to wait longer than maxRetryAfterSeconds", async () => {
    api().failNext("POST", /comments$/, [403], { "retry-after": "3600" });
    await expect(
      octokit({ maxRetryAfterSeconds: 60 }).rest.issues.createComment({ ...listComments, body: "x" }),
    ).rejects.toMatchObject({ status: 403 });
    expect(api().requests).toHaveLength(1);
    expect(warnings).toEqual([expect.stringMatching(/asks to wait 3600 s, more than 60 s; giving up\.$/)]);
    expect(api().violations).toEqual([]);
  });
});
