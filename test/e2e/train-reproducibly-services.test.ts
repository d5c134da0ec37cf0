import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sha256Hex } from "../../shared/src/core/digest.js";
import type { Manifest } from "../../shared/src/lineage/manifest.js";
import { startResultsStandIn } from "../support/results-service-stand-in/start-results-stand-in.js";
import type { ResultsStandIn } from "../support/results-service-stand-in/start-results-stand-in.js";
import { nodeBinaries } from "./support/node-binaries.js";
import { runActionBundle } from "./support/run-action-bundle.js";
import { makeTrainWorkspace, TRAIN_INPUTS } from "./support/train-workspace.js";

const push = { eventName: "push", event: { ref: "refs/heads/main" } };

describe.each(nodeBinaries())(
  "train-reproducibly with the runner's cache and artifact services on $label",
  ({ path: node }) => {
    let service: ResultsStandIn;
    beforeEach(async () => {
      service = await startResultsStandIn();
    });
    afterEach(async () => {
      expect(service.refused()).toEqual([]);
      await service.close();
    });

    it("trains and saves on a miss, then restores on a hit without running the command, keeping the producing run's manifest", async () => {
      const inputs = { ...TRAIN_INPUTS, cache: "true" };
      const first = await runActionBundle("train-reproducibly", {
        node,
        workspace: makeTrainWorkspace(),
        ...push,
        inputs,
        env: service.env,
      });
      expect(first.exitCode, first.stdout).toBe(0);
      expect(first.outputs["cache-hit"]).toBe("false");
      expect(service.state.cacheEntries).toHaveLength(1);
      expect(service.state.cacheEntries[0]).toMatchObject({
        finalized: true,
        key: expect.stringMatching(/^modelgate-train-[0-9a-f]{64}$/),
      });

      const workspace = makeTrainWorkspace();
      const second = await runActionBundle("train-reproducibly", {
        node,
        workspace,
        ...push,
        inputs,
        env: { ...service.env, GITHUB_SHA: "e".repeat(40) },
      });
      expect(second.exitCode, second.stdout).toBe(0);
      expect(second.stdout).not.toContain("trained 20 epochs");
      expect(second.outputs).toMatchObject({
        "cache-hit": "true",
        "model-sha256": first.outputs["model-sha256"],
        "lineage-sha256": first.outputs["lineage-sha256"],
      });
      const manifest = JSON.parse(readFileSync(path.join(workspace, "modelgate.manifest.json"), "utf8")) as Manifest;
      expect(sha256Hex(readFileSync(path.join(workspace, "out/model.json")))).toBe(first.outputs["model-sha256"]);
      expect(manifest.volatile).toBeDefined();
      expect(second.summary).toContain("cache hit");
      const result = JSON.parse(readFileSync(second.outputs.result!, "utf8")) as { manifest: Manifest };
      expect(result.manifest.restored_by?.git_sha).toBe("e".repeat(40));
      expect(service.state.requests.map((r) => r.call)).toEqual(
        expect.arrayContaining([
          `github.actions.results.api.v1.CacheService/CreateCacheEntry`,
          "blob:put",
          `github.actions.results.api.v1.CacheService/FinalizeCacheEntryUpload`,
          "blob:get",
        ]),
      );
    });

    it("uploads the outputs and the manifest as an artifact that downloads intact, and refuses a name already used", async () => {
      const workspace = makeTrainWorkspace();
      const inputs = { ...TRAIN_INPUTS, "artifact-name": "churn-model" };
      const run = await runActionBundle("train-reproducibly", { node, workspace, ...push, inputs, env: service.env });
      expect(run.exitCode, run.stdout).toBe(0);
      const artifact = service.state.artifacts[0]!;
      expect(run.outputs["artifact-id"]).toBe(String(artifact.id));
      expect(artifact).toMatchObject({ name: "churn-model", finalized: true });

      // Download through the real client, from this process, as a later job would.
      const saved = { ...process.env };
      Object.assign(process.env, service.env, { GITHUB_WORKSPACE: workspace, GITHUB_SERVER_URL: "https://github.com" });
      try {
        const { DefaultArtifactClient } = await import("@actions/artifact");
        const into = mkdtempSync(path.join(tmpdir(), "modelgate-download-"));
        await new DefaultArtifactClient().downloadArtifact(artifact.id, { path: into });
        expect(readFileSync(path.join(into, "out/model.json"))).toEqual(
          readFileSync(path.join(workspace, "out/model.json")),
        );
        expect(JSON.parse(readFileSync(path.join(into, "modelgate.manifest.json"), "utf8"))).toMatchObject({
          schema: "modelgate.manifest/v1",
        });
      } finally {
        process.env = saved;
      }

      const again = await runActionBundle("train-reproducibly", {
        node,
        workspace: makeTrainWorkspace(),
        ...push,
        inputs,
        env: service.env,
      });
      expect(again.exitCode).toBe(1);
      expect(
        again.commands
          .filter((c) => c.command === "error")
          .map((c) => c.message)
          .join("\n"),
      ).toContain('an artifact named "churn-model" already exists');
    });

    it('refuses artifact-name on GitHub Enterprise Server before training, naming upload-artifact@v3 instead of "re-run the job"', async () => {
      const workspace = makeTrainWorkspace();
      const inputs = { ...TRAIN_INPUTS, "artifact-name": "churn-model" };
      const run = await runActionBundle("train-reproducibly", {
        node,
        workspace,
        ...push,
        inputs,
        env: { ...service.env, GITHUB_SERVER_URL: "https://github.acme-corp.example" },
      });
      expect(run.exitCode).toBe(1);
      const errors = run.commands.filter((c) => c.command === "error").map((c) => c.message);
      expect(errors).toEqual([
        'Input "artifact-name": this run is on GitHub Enterprise Server (github.acme-corp.example), whose artifact service the uploader (@actions/artifact v2, as upload-artifact@v4) cannot use, so "churn-model" cannot be uploaded. Fix: Leave artifact-name empty and upload the outputs and the manifest in a later step with actions/upload-artifact@v3, the version GitHub Enterprise Server supports.',
      ]);
      expect(errors.join("\n")).not.toMatch(/re-run/i);
      expect(run.stdout).not.toContain("trained 20 epochs");
      expect(existsSync(path.join(workspace, "out/model.json"))).toBe(false);
      expect(service.state.requests).toEqual([]);
      expect(run.outputs).toMatchObject({ verdict: "fail", passed: "false" });
    });
  },
);
