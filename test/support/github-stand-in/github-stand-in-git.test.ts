import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { callStandIn } from "./call-stand-in.js";
import { useGitHubStandIn } from "./use-github-stand-in.js";

const api = useGitHubStandIn();
const COMMIT = "0123456789abcdef0123456789abcdef01234567";

function call(method: string, path: string, options: { token?: string | null; body?: unknown } = {}) {
  return callStandIn(api().url, method, path, options);
}

describe("the stand-in's git refs and tag objects", () => {
  it("creates a tag object with git's sha, reads it back, and refuses an object it does not have", async () => {
    api().seedCommit("o", "r", COMMIT);
    const created = await call("POST", "/repos/o/r/git/tags", {
      body: { tag: "churn@v1.0.0", message: '{"a":1}', object: COMMIT, type: "commit" },
    });
    expect(created.status).toBe(201);
    const tagger = created.json.tagger as { name: string; email: string; date: string };
    const content = `object ${COMMIT}\ntype commit\ntag churn@v1.0.0\ntagger ${tagger.name} <${tagger.email}> ${Date.parse(tagger.date) / 1000} +0000\n\n{"a":1}\n`;
    expect(created.json.sha).toBe(createHash("sha1").update(`tag ${content.length}\0${content}`).digest("hex"));
    const read = await call("GET", `/repos/o/r/git/tags/${String(created.json.sha)}`);
    expect(read.json).toMatchObject({
      tag: "churn@v1.0.0",
      message: '{"a":1}\n',
      object: { sha: COMMIT, type: "commit" },
    });
    const missing = await call("POST", "/repos/o/r/git/tags", {
      body: { tag: "x", message: "m", object: "f".repeat(40), type: "commit" },
    });
    expect([missing.status, missing.json.message]).toEqual([422, "Object does not exist"]);
    expect(api().violations).toEqual([]);
  });

  it("creates a ref once: the second create is 422 Reference already exists; matching-refs lists by prefix", async () => {
    api().seedCommit("o", "r", COMMIT);
    const first = await call("POST", "/repos/o/r/git/refs", {
      body: { ref: "refs/modelgate/churn.events/1", sha: COMMIT },
    });
    expect(first.status).toBe(201);
    const second = await call("POST", "/repos/o/r/git/refs", {
      body: { ref: "refs/modelgate/churn.events/1", sha: COMMIT },
    });
    expect([second.status, second.json.message]).toEqual([422, "Reference already exists"]);
    await call("POST", "/repos/o/r/git/refs", { body: { ref: "refs/tags/churn#prod#1", sha: COMMIT } });
    await call("POST", "/repos/o/r/git/refs", { body: { ref: "refs/tags/other@v1.0.0", sha: COMMIT } });
    const listed = await call("GET", `/repos/o/r/git/matching-refs/${encodeURIComponent("tags/churn")}`);
    expect((listed.json as Array<{ ref: string }>).map((ref) => ref.ref)).toEqual(["refs/tags/churn#prod#1"]);
    const none = await call("GET", "/repos/o/r/git/matching-refs/tags/nothing");
    expect([none.status, none.json]).toEqual([200, []]);
    expect(api().violations).toEqual([]);
  });

  it("refuses every write of a read-only token with 403 and writes nothing", async () => {
    api().seedCommit("o", "r", COMMIT);
    const refused = await call("POST", "/repos/o/r/git/refs", {
      token: "ghs_test_read",
      body: { ref: "refs/tags/x", sha: COMMIT },
    });
    expect([refused.status, refused.json.message]).toEqual([403, "Resource not accessible by integration"]);
    expect(api().refs("o", "r")).toEqual([]);
  });
});

describe("the stand-in's releases", () => {
  it("keeps a draft's tag uncreated, uploads and serves asset bytes, and creates a missing tag on publishing", async () => {
    api().seedCommit("o", "r", COMMIT);
    const draft = await call("POST", "/repos/o/r/releases", {
      body: { tag_name: "v1", target_commitish: COMMIT, draft: true },
    });
    expect(draft.status).toBe(201);
    expect(api().refs("o", "r")).toEqual([]);
    const uploadUrl = String(draft.json.upload_url).replace(/\{.*$/, "");
    const uploaded = await fetch(`${uploadUrl}?name=model.bin`, {
      method: "POST",
      headers: { authorization: "token ghs_test_write", "content-type": "application/octet-stream" },
      body: Buffer.from([0, 1, 2, 255]),
    });
    const asset = (await uploaded.json()) as { id: number; size: number; digest: string };
    expect([uploaded.status, asset.size, asset.digest]).toEqual([
      201,
      4,
      `sha256:${createHash("sha256")
        .update(Buffer.from([0, 1, 2, 255]))
        .digest("hex")}`,
    ]);
    const bytes = await fetch(`${api().url}/repos/o/r/releases/assets/${asset.id}`, {
      headers: { authorization: "token ghs_test_write", accept: "application/octet-stream" },
    });
    expect([...new Uint8Array(await bytes.arrayBuffer())]).toEqual([0, 1, 2, 255]);
    const published = await call("PATCH", `/repos/o/r/releases/${String(draft.json.id)}`, { body: { draft: false } });
    expect(published.json).toMatchObject({ draft: false, tag_name: "v1" });
    expect(api().refs("o", "r")).toEqual([["refs/tags/v1", COMMIT]]);
    const again = await call("POST", "/repos/o/r/releases", { body: { tag_name: "v1" } });
    expect(again.status).toBe(422);
    expect(api().violations).toEqual([]);
  });
});
