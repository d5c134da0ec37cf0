import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startResultsStandIn } from "./start-results-stand-in.js";
import type { ResultsStandIn } from "./start-results-stand-in.js";

const CREATE = "/twirp/github.actions.results.api.v1.ArtifactService/CreateArtifact";

describe("startResultsStandIn", () => {
  let service: ResultsStandIn;
  beforeEach(async () => {
    service = await startResultsStandIn();
  });
  afterEach(() => service.close());

  const post = (path: string, body: unknown, token = service.state.token) =>
    fetch(`${service.url}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });

  it("refuses camelCase field names, a missing required field and a wrong token, and records why", async () => {
    expect(
      (await post(CREATE, { workflowRunBackendId: "r", workflow_job_run_backend_id: "j", name: "m", version: 7 }))
        .status,
    ).toBe(400);
    expect(
      (await post(CREATE, { workflow_run_backend_id: "r", workflow_job_run_backend_id: "j", version: 7 })).status,
    ).toBe(400);
    expect(
      (
        await post(
          CREATE,
          { workflow_run_backend_id: "r", workflow_job_run_backend_id: "j", name: "m", version: 7 },
          "other",
        )
      ).status,
    ).toBe(400);
    expect(service.refused()).toEqual([
      expect.stringContaining('unknown field "workflowRunBackendId"'),
      expect.stringContaining('required field "name" is missing'),
      expect.stringContaining("the bearer token is not ACTIONS_RUNTIME_TOKEN"),
    ]);
  });

  it("refuses a blob upload with a forged signature and a finalize of bytes never uploaded", async () => {
    const created = (await (
      await post(CREATE, { workflow_run_backend_id: "r", workflow_job_run_backend_id: "j", name: "m", version: 7 })
    ).json()) as { signed_upload_url: string };
    const forged = created.signed_upload_url.replace(/sig=\w+/, "sig=forged");
    expect(
      (
        await fetch(forged, {
          method: "PUT",
          headers: { "x-ms-version": "2025-05-05", "x-ms-blob-type": "BlockBlob" },
          body: "x",
        })
      ).status,
    ).toBe(403);
    const finalize = await post("/twirp/github.actions.results.api.v1.ArtifactService/FinalizeArtifact", {
      workflow_run_backend_id: "r",
      workflow_job_run_backend_id: "j",
      name: "m",
      size: "1",
    });
    expect(finalize.status).toBe(400);
    expect(((await finalize.json()) as { code: string }).code).toBe("failed_precondition");
  });
});
