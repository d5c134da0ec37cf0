import { createHash } from "node:crypto";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { promoteCommand } from "../../../shared/src/cli/promote-command.js";
import { registryCommand } from "../../../shared/src/cli/registry-command.js";
import { rollbackCommand } from "../../../shared/src/cli/rollback-command.js";
import { GIT_ENV, createLocalRepo } from "../registry/local-git-fixture.js";
import type { LocalRepo } from "../registry/local-git-fixture.js";

let repo: LocalRepo;
let printed: string[];
const savedEnv = { ...process.env };
beforeEach(() => {
  repo = createLocalRepo();
  Object.assign(process.env, GIT_ENV);
  printed = [];
  vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
    printed.push(String(chunk));
    return true;
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  process.env = { ...savedEnv };
  repo.remove();
});

const where = () => ["--repo-dir", repo.dir];
const output = () => printed.splice(0).join("");

describe("modelgate promote / rollback / registry on a local git repository", () => {
  it("promotes twice, rolls back, and reads list, show, history and verify back", async () => {
    const model = path.join(repo.dir, "model.bin");
    writeFileSync(model, "weights one");
    const promote = (ref: string) => promoteCommand.run(["--model", "churn", "--stage", "prod", "--bump", "minor", "--artifacts", model, "--ref", ref, "--allow-missing-manifest", "--allow-ungated", "--actor", "ana", ...where()]);
    expect(await promote(repo.commits[0])).toBe(0);
    expect(output()).toMatch(/^promote · churn: v0\.1\.0 -> prod \(churn#prod#1\)\n {2}note: There is no modelgate\.yml, so no registry: rules apply; only the evidence rules decide\.\n {2}note: Promoted without gate evidence \(allow-ungated\)/);
    writeFileSync(model, "weights two");
    expect(await promote(repo.commits[1])).toBe(0);
    expect(output()).toMatch(/^promote · churn: v0\.2\.0 -> prod \(churn#prod#2\)\n/);
    // Artifacts live inside .git, never in the work tree.
    expect(repo.git("rev-parse", "--path-format=absolute", "--git-common-dir")).toBe(path.join(repo.dir, ".git"));

    expect(await rollbackCommand.run(["--model", "churn", "--stage", "prod", "--reason", "p95 latency", "--actor", "bo", ...where()])).toBe(0);
    const rolled = output();
    expect(rolled).toMatch(/^rollback · churn prod: v0\.2\.0 -> v0\.1\.0\n {2}PASS v0\.1\.0 \[artifact-digests\] The artifact of v0\.1\.0 \(model\.bin\) matches its recorded sha256\.\n {2}note: There is no modelgate\.yml, so no registry: rules apply; only the evidence rules decide\.\nchurn history:\n/);
    expect(rolled).toMatch(/#4 {2}prod {7}rollback v0\.1\.0 \(was v0\.2\.0\) {2}by bo at .* — p95 latency\n$/);

    expect(await registryCommand.run(["list", ...where()])).toBe(0);
    expect(output()).toBe("churn\n");
    expect(await registryCommand.run(["show", "churn", ...where()])).toBe(0);
    const sha = (text: string) => createHash("sha256").update(text).digest("hex").slice(0, 12);
    expect(output().replace(/ at \d{4}-\d\d-\d\dT[\d:]+Z/g, " at T")).toBe(
      [
        "churn",
        "  stages: prod v0.1.0",
        `  v0.2.0  churn@v0.2.0 on ${repo.commits[1]!.slice(0, 12)}, by ana at T`,
        "    promoted with --allow-ungated: required gates may be missing",
        "    #2 promote to prod by ana at T",
        "    #3 unassign from prod by bo at T: p95 latency",
        "    gates: none recorded",
        `    model.bin sha256:${sha("weights two")} (11 bytes)`,
        `  v0.1.0  churn@v0.1.0 on ${repo.commits[0]!.slice(0, 12)}, by ana at T  holds prod`,
        "    promoted with --allow-ungated: required gates may be missing",
        "    #1 promote to prod by ana at T",
        "    #4 rollback to prod by bo at T: p95 latency",
        "    gates: none recorded",
        `    model.bin sha256:${sha("weights one")} (11 bytes)`,
        "",
      ].join("\n"),
    );
    expect(await registryCommand.run(["show", "churn", "--format", "json", ...where()])).toBe(0);
    const show = JSON.parse(output());
    expect(show).toMatchObject({ schema: "modelgate.registry-show/v1", model: "churn", stages: { prod: "v0.1.0" }, problems: [] });
    expect(show.versions.map((v: { version: string; stages: string[]; allow_ungated: boolean }) => [v.version, v.stages, v.allow_ungated])).toEqual([["v0.2.0", [], true], ["v0.1.0", ["prod"], true]]);
    expect(await registryCommand.run(["history", "churn", "--stage", "prod", ...where()])).toBe(0);
    expect(output().split("\n").filter((line) => line.startsWith("  #"))).toHaveLength(4);
    expect(await registryCommand.run(["verify", ...where()])).toBe(0);
    expect(output()).toBe("churn: event chain intact\n");

    repo.git("tag", "-d", "churn#prod#2");
    repo.git("update-ref", "-d", "refs/modelgate/churn.events/2");
    expect(await registryCommand.run(["verify", "churn", ...where()])).toBe(1);
    expect(output()).toMatch(/^churn: 1 problem\(s\) in the registry\n {2}churn#prod!#3: it names previous event [0-9a-f]{40}, but the event before it is churn#prod#1/);
  }, 120_000);

  it("refuses a promotion without a manifest unless allowed, and a rollback without a reason", async () => {
    const model = path.join(repo.dir, "model.bin");
    writeFileSync(model, "weights");
    await expect(promoteCommand.run(["--model", "churn", "--stage", "prod", "--version", "1.0.0", "--artifacts", model, ...where()])).rejects.toThrow(/No lineage manifest was given/);
    await expect(rollbackCommand.run(["--model", "churn", "--stage", "prod", ...where()])).rejects.toThrow(/--reason is "": it is required/);
    await expect(promoteCommand.run(["--model", "churn", "--stage", "prod", "--version", "1.0", "--artifacts", model, "--allow-missing-manifest", "--allow-ungated", ...where()])).rejects.toThrow(/Input "version" is "1.0"/);
    expect(repo.git("tag", "--list")).toBe("");
  }, 60_000);
});
