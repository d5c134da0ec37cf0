import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { diffManifests } from "../../../shared/src/lineage/diff-manifests.js";
import type { Manifest } from "../../../shared/src/lineage/manifest.js";
import type { TrainResult } from "../../../shared/src/lineage/train-result.js";
import { renderTrainMarkdown } from "../../../shared/src/report/render-train-markdown.js";

const manifest = JSON.parse(
  readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), "../lineage/fixtures/manifest.json"), "utf8"),
) as Manifest;

function result(overrides: Partial<TrainResult>): TrainResult {
  return {
    action: "train-reproducibly",
    key: "churn",
    verdict: "pass",
    checks: [
      {
        name: "command:exit-code",
        metric: "command",
        rule: "exit-code",
        verdict: "pass",
        value: 0,
        baseline: null,
        delta: null,
        delta_pct: null,
        threshold: 0,
        message: "The training command exited 0.",
      },
    ],
    policy: { file: "modelgate.yml", sha256: "", source: "file" },
    notes: [],
    subject: { model: "churn" },
    command: { argv: manifest.command.argv, exit_code: 0, signal: null, start_error: null, last_lines: [] },
    manifest,
    manifest_path: "modelgate.manifest.json",
    model_sha256: "ee".repeat(32),
    cache: null,
    artifact: null,
    verification: null,
    changes: null,
    baseline_manifest: null,
    ...overrides,
  };
}

describe("renderTrainMarkdown", () => {
  it("shows the lineage digest, the checks and what changed since the baseline manifest", async () => {
    const baseline: Manifest = {
      ...manifest,
      params: [{ path: "params.json", sha256: "ab".repeat(32), bytes: 40 }],
      environment: {
        ...manifest.environment,
        python: {
          path: "/usr/bin/python3",
          executable: "/usr/bin/python3",
          version: "3.11.9",
          packages: 2,
          packages_sha256: "a2b3c4",
        },
      },
    };
    const markdown = renderTrainMarkdown(
      result({ changes: diffManifests(baseline, manifest), baseline_manifest: "prod/manifest.json" }),
    );
    await expect(markdown).toMatchFileSnapshot("golden/train-changed.md");
  });

  it("shows the exit code and the escaped last lines when the command failed", async () => {
    const failed = result({
      verdict: "fail",
      checks: [
        {
          name: "command:exit-code",
          metric: "command",
          rule: "exit-code",
          verdict: "fail",
          value: 3,
          baseline: null,
          delta: null,
          delta_pct: null,
          threshold: 0,
          message: "The training command exited 3; see its last lines below.",
        },
      ],
      command: {
        argv: manifest.command.argv,
        exit_code: 3,
        signal: null,
        start_error: null,
        last_lines: ["loading <data> from @team", "CUDA out of memory"],
      },
      manifest: null,
      model_sha256: null,
    });
    const markdown = renderTrainMarkdown(failed);
    expect(markdown).toContain("&lt;data&gt;");
    expect(markdown).not.toContain("<data>");
    await expect(markdown).toMatchFileSnapshot("golden/train-command-failed.md");
  });

  it("describes the runtimes of a manifest restored from an earlier version's cache, and says when neither is known", () => {
    const old = {
      ...manifest,
      environment: {
        ...manifest.environment,
        node: "v24.1.0",
        python: { version: "3.12.3", packages: 2, packages_sha256: "a2b3c4" },
      },
    } as unknown as Manifest;
    expect(renderTrainMarkdown(result({ manifest: old }))).toContain(
      "- environment: linux 6.8.0 x64, Node v24.1.0, Python 3.12.3 (2 packages)\n",
    );
    const unknown = {
      ...manifest,
      environment: { ...manifest.environment, node: "unknown", python: "unknown" },
    } as Manifest;
    expect(renderTrainMarkdown(result({ manifest: unknown }))).toContain(
      "- environment: linux 6.8.0 x64, interpreter unknown\n",
    );
  });
});
