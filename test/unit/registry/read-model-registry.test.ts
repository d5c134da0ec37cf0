import { execFileSync } from "node:child_process";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { promoteVersion } from "../../../shared/src/registry/promote-version.js";
import { readModelRegistry } from "../../../shared/src/registry/read-model-registry.js";
import { registryHistory } from "../../../shared/src/registry/registry-history.js";
import { currentAssignment } from "../../../shared/src/registry/stage-state.js";
import { GIT_ENV, createLocalRepo } from "./local-git-fixture.js";
import type { LocalRepo } from "./local-git-fixture.js";
import { promotionRequest } from "./promotion-request.js";

const NOW = "2026-01-02T03:04:05Z";
const T0 = Date.parse(NOW) / 1000;
let repo: LocalRepo;
beforeEach(() => {
  repo = createLocalRepo();
});
afterEach(() => repo.remove());

const request = (version: string, commit: string) => promotionRequest(version, commit);

/** An assignment as `gto assign` writes it: annotated, a plain-text message, a tagger time of its own. */
function gtoAssigns(tag: string, commit: string, version: string, time: number): void {
  execFileSync("git", ["tag", "-a", "-m", `Assigning stage prod to artifact churn version ${version}`, tag, commit], {
    cwd: repo.dir,
    env: { ...GIT_ENV, GIT_COMMITTER_DATE: `${time} +0000`, GIT_COMMITTER_NAME: "gto-user" },
  });
}

describe("readModelRegistry's event order", () => {
  it("orders events with the same tagger time by their counter N, not by tag name", async () => {
    await promoteVersion(repo.store, request("1.0.0", repo.commits[0]));
    await promoteVersion(repo.store, request("1.1.0", repo.commits[1]));
    // Two assignments in one second: by name churn#prod#10 sorts before churn#prod#9; by N, 9 comes first.
    gtoAssigns("churn#prod#9", repo.commits[0], "v1.0.0", T0 + 60);
    gtoAssigns("churn#prod#10", repo.commits[1], "v1.1.0", T0 + 60);

    const registry = await readModelRegistry(repo.store, "churn");
    expect(registry.events.map((event) => event.tag)).toEqual([
      "churn#prod#1",
      "churn#prod#2",
      "churn#prod#9",
      "churn#prod#10",
    ]);
    expect(registryHistory(registry, "prod").map((row) => [row.tag, row.version])).toEqual([
      ["churn#prod#1", "v1.0.0"],
      ["churn#prod#2", "v1.1.0"],
      ["churn#prod#9", "v1.0.0"],
      ["churn#prod#10", "v1.1.0"],
    ]);
    expect(currentAssignment(registry, "prod")?.record.version).toBe("v1.1.0");
  });
});
