import { execFileSync } from "node:child_process";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { promoteVersion } from "../../../shared/src/registry/promote-version.js";
import type { PromoteRequest } from "../../../shared/src/registry/promote-version.js";
import { readModelRegistry } from "../../../shared/src/registry/read-model-registry.js";
import { registryHistory } from "../../../shared/src/registry/registry-history.js";
import { isRegistryName } from "../../../shared/src/registry/registry-names.js";
import { parseRegistryTag } from "../../../shared/src/registry/registry-tags.js";
import { rollbackStage } from "../../../shared/src/registry/rollback-stage.js";
import { currentAssignment, stagesOf } from "../../../shared/src/registry/stage-state.js";
import { verifyRegistry } from "../../../shared/src/registry/verify-registry.js";
import messages from "./fixtures/gto-1.10/gto-messages.json" with { type: "json" };
import {
  FULLNAME_RE,
  ManyVersions,
  NAME_RE,
  gtoParseName,
  gtoRegisterRefusal,
  gtoState,
  gtoWhich,
} from "./fixtures/gto-1.10/gto-state.js";
import type { GtoTag } from "./fixtures/gto-1.10/gto-state.js";
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

function request(
  model: string,
  version: string,
  commit: string,
  overrides: Partial<PromoteRequest> = {},
): PromoteRequest {
  return promotionRequest(version, commit, {
    model,
    artifacts: [{ name: "model.bin", bytes: Buffer.from(`${model} ${version}`) }],
    ...overrides,
  });
}
const rollback = (model: string, to?: string) =>
  rollbackStage(repo.store, {
    model,
    stage: "prod",
    reason: "regressed",
    actor: "oncall",
    runUrl: null,
    now: NOW,
    ...(to ? { to } : {}),
  });

/** The annotated tags as GTO's `find` reads them, straight from git (not through modelgate's store). */
function gtoTags(): GtoTag[] {
  const out = repo.git(
    "for-each-ref",
    "--format=%(refname:strip=2)%00%(objecttype)%00%(*objectname)%00%(taggerdate:unix)",
    "refs/tags",
  );
  return out
    .split("\n")
    .filter(Boolean)
    .map((line) => line.split("\0"))
    .filter(([, type]) => type === "tag")
    .map(([name, , target, time]) => ({ name: name!, target: target!, time: Number(time) }));
}

/** A tag as `gto register/assign/unassign/deregister` writes it: annotated, GTO's plain-text message, its own time. */
function gtoWrites(name: string, commit: string, message: string, time: number): void {
  execFileSync("git", ["tag", "-a", "-m", message, name, commit], {
    cwd: repo.dir,
    env: { ...GIT_ENV, GIT_COMMITTER_DATE: `${time} +0000`, GIT_COMMITTER_NAME: "gto-user" },
  });
}
const fill = (template: string, values: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (_, key: string) => values[key]!);

/** Both of GTO's answers for every stage of `model`, and modelgate's. */
async function holders(model: string) {
  const registry = await readModelRegistry(repo.store, model);
  const state = gtoState(gtoTags());
  return stagesOf(registry).map((stage) => ({
    stage,
    modelgate: currentAssignment(registry, stage)?.record.version,
    gtoWhich: gtoWhich(state, model, stage, "semver"),
    gtoShow: gtoWhich(state, model, stage, "timestamp"),
  }));
}
const agreeOn = (version: string) => ({ modelgate: version, gtoWhich: version, gtoShow: version });

describe("names against GTO 1.10's name regexes (gto/constants.py)", () => {
  const candidates = [
    "churn",
    "Churn_Model",
    "churn_model",
    "a",
    "0",
    "team/churn",
    "models/nlp:churn",
    "-x_./y:m",
    "churn-",
    "_churn",
    "churn_",
    "ch urn",
    "churn.v2",
    "a:b:c",
    ":churn",
    "x:",
    "a//b",
    "a..b:m",
    "a/.b:m",
    "x.lock/y:m",
  ];
  it("accepts a model name exactly when GTO's fullname_re does, except names git cannot carry in a tag", () => {
    const gitUnsafe = new Set(["a//b", "a..b:m", "a/.b:m", "x.lock/y:m"]);
    for (const name of candidates)
      expect(isRegistryName(name, "model"), name).toBe(FULLNAME_RE.test(name) && !gitUnsafe.has(name));
    expect([...gitUnsafe].every((name) => FULLNAME_RE.test(name))).toBe(true);
  });

  it("accepts a stage name exactly when GTO's name_re does", () => {
    for (const name of ["prod", "Prod", "canary_eu", "eu/prod", "x:prod", "prod-", "p"])
      expect(isRegistryName(name, "stage"), name).toBe(NAME_RE.test(name));
  });
});

describe("tags modelgate writes, read with GTO 1.10's tag_re (gto/tag.py parse_name)", () => {
  it("parses every tag of a promotion, a bump and a rollback as GTO does, for plain, capitalised and dirname: models", async () => {
    for (const [model, commits] of [
      ["churn", repo.commits],
      ["Churn_Model", repo.commits],
      ["models/nlp:churn", repo.commits],
    ] as const) {
      await promoteVersion(repo.store, request(model, "1.0.0", commits[0]));
      await promoteVersion(repo.store, { ...request(model, "1.1.0", commits[1]), version: { bump: "minor" } });
      await promoteVersion(repo.store, { ...request(model, "1.1.0", commits[1]), stage: "Prod" });
      await rollbackStage(repo.store, { model, stage: "prod", reason: "r", actor: "a", runUrl: null, now: NOW });
    }
    const tags = gtoTags();
    expect(tags).toHaveLength(3 * 7);
    for (const tag of tags) {
      const gto = gtoParseName(tag.name);
      const ours = parseRegistryTag(tag.name);
      expect(gto, tag.name).toBeDefined();
      expect({
        name: ours?.model,
        version: ours?.kind === "version" ? ours.version : undefined,
        stage: ours?.kind === "stage" ? ours.stage : undefined,
        counter: ours?.counter,
      }).toEqual({
        name: gto!.name,
        version: gto!.version,
        stage: gto!.stage,
        counter: gto!.counter,
      });
    }
    expect(tags.map((tag) => tag.name)).toEqual(
      expect.arrayContaining([
        "models/nlp=churn@v1.1.0",
        "models/nlp=churn#Prod#3",
        "models/nlp=churn#prod!#4",
        "Churn_Model#prod#5",
      ]),
    );
  });
});

describe("the stage holder, as GTO 1.10 reads it in SemVer order (gto which) and in time order (gto show)", () => {
  it("agrees after promotions and a default rollback", async () => {
    await promoteVersion(repo.store, request("churn", "1.0.0", repo.commits[0]));
    await promoteVersion(repo.store, request("churn", "1.1.0", repo.commits[1]));
    expect(await holders("churn")).toEqual([{ stage: "prod", ...agreeOn("v1.1.0") }]);
    await rollback("churn");
    expect(await holders("churn")).toEqual([{ stage: "prod", ...agreeOn("v1.0.0") }]);
    // Every record says the same time, yet the tagger times strictly increase in the order modelgate wrote them,
    // so GTO's time order is the counter order.
    const events = gtoTags()
      .filter((tag) => tag.name.includes("#"))
      .sort((a, b) => Number(a.name.split("#").at(-1)) - Number(b.name.split("#").at(-1)));
    expect(events.map((tag) => tag.name)).toEqual(["churn#prod#1", "churn#prod#2", "churn#prod!#3", "churn#prod#4"]);
    const times = gtoTags()
      .sort((a, b) => a.time - b.time)
      .map((tag) => tag.time);
    expect(new Set(times).size).toBe(times.length);
    expect(events.map((tag) => tag.time)).toEqual([...events.map((tag) => tag.time)].sort((a, b) => a - b));
  });

  it("agrees after promoting a version below the holder: the higher one is unassigned first", async () => {
    await promoteVersion(repo.store, request("churn", "2.0.0", repo.commits[0]));
    const down = await promoteVersion(repo.store, request("churn", "1.5.0", repo.commits[1]));
    expect(down.superseded.map((event) => [event.tag, event.record.version])).toEqual([["churn#prod!#2", "v2.0.0"]]);
    expect(down).toMatchObject({ previousVersion: "v2.0.0", eventCreated: true });
    expect(await holders("churn")).toEqual([{ stage: "prod", ...agreeOn("v1.5.0") }]);
  });

  it("agrees after a rollback past a version that was superseded but never unassigned", async () => {
    const third = repo.commit("third");
    await promoteVersion(repo.store, request("churn", "1.0.0", repo.commits[0]));
    await promoteVersion(repo.store, request("churn", "2.0.0", repo.commits[1]));
    await promoteVersion(repo.store, request("churn", "3.0.0", third));
    const rolled = await rollback("churn", "1.0.0");
    expect(rolled.assignment.record.version).toBe("v1.0.0");
    const history = registryHistory(await readModelRegistry(repo.store, "churn"), "prod").map(
      (row) => `${row.event} ${row.version}`,
    );
    expect(history).toEqual([
      "promote v1.0.0",
      "promote v2.0.0",
      "promote v3.0.0",
      "unassign v3.0.0",
      "unassign v2.0.0",
      "rollback v1.0.0",
    ]);
    expect(await holders("churn")).toEqual([{ stage: "prod", ...agreeOn("v1.0.0") }]);
  });

  it("reads stage tags GTO wrote as events with no gate evidence, and names the same holder", async () => {
    const third = repo.commit("third");
    await promoteVersion(repo.store, request("churn", "1.0.0", repo.commits[0]));
    gtoWrites("churn@v2.0.0", third, fill(messages.register, { name: "churn", version: "v2.0.0" }), T0 + 60);
    gtoWrites(
      "churn#prod#5",
      third,
      fill(messages.assign, { name: "churn", stage: "prod", version: "v2.0.0" }),
      T0 + 61,
    );
    expect(await holders("churn")).toEqual([{ stage: "prod", ...agreeOn("v2.0.0") }]);
    const registry = await readModelRegistry(repo.store, "churn");
    expect(registry.foreignTags).toEqual(["churn#prod#5", "churn@v2.0.0"]);
    expect(
      registryHistory(registry, "prod").map((row) => [row.tag, row.event, row.version, row.actor, row.gate_evidence]),
    ).toEqual([
      ["churn#prod#1", "promote", "v1.0.0", "octocat", true],
      ["churn#prod#5", "assign", "v2.0.0", "gto-user", false],
    ]);

    // A version GTO registered has no record: modelgate will not promote it, nor roll back onto it.
    await expect(promoteVersion(repo.store, request("churn", "2.0.0", third))).rejects.toThrow(
      /already exists with no modelgate record \(written by gto-user: "Registering artifact churn version v2\.0\.0"\)/,
    );
    // Rolling back off it goes to the last version modelgate promoted.
    const rolled = await rollback("churn");
    expect([rolled.from, rolled.to.version, rolled.unassignment.tag, rolled.assignment.tag]).toEqual([
      "v2.0.0",
      "v1.0.0",
      "churn#prod!#6",
      "churn#prod#7",
    ]);
    expect(await holders("churn")).toEqual([{ stage: "prod", ...agreeOn("v1.0.0") }]);
    // Our chain links through GTO's event; verify flags the foreign tags unless the policy allows them.
    const options = { model: "churn", versionsPerCommit: "one" as const, now: new Date(Date.now() + 7200_000) };
    const flagged = await verifyRegistry(repo.store, { ...options, allowForeignTags: false });
    expect(flagged.models[0]!.findings[0]!.problem).toBe(
      "churn#prod#5 was written outside modelgate (GTO or git tag -a: a plain-text message): it is read as GTO reads it, with no gate evidence",
    );
    expect(flagged.models[0]!.findings.map((found) => [found.kind, found.subject])).toEqual([
      ["foreign-tag", "churn#prod#5"],
      ["foreign-tag", "churn@v2.0.0"],
    ]);
    expect(await verifyRegistry(repo.store, { ...options, allowForeignTags: true })).toMatchObject({ ok: true });
  });

  it("reads GTO's unassignment, deregistration and counter-less (--simple) assignment as GTO does", async () => {
    await promoteVersion(repo.store, request("churn", "1.0.0", repo.commits[0]));
    await promoteVersion(repo.store, request("churn", "1.1.0", repo.commits[1]));
    gtoWrites(
      "churn#prod!#3",
      repo.commits[1],
      fill(messages.unassign, { name: "churn", stage: "prod", version: "v1.1.0" }),
      T0 + 60,
    );
    expect(await holders("churn")).toEqual([{ stage: "prod", ...agreeOn("v1.0.0") }]);

    gtoWrites(
      "churn#staging",
      repo.commits[1],
      fill(messages.assign, { name: "churn", stage: "staging", version: "v1.1.0" }),
      T0 + 61,
    );
    gtoWrites(
      "churn#prod#4",
      repo.commits[1],
      fill(messages.assign, { name: "churn", stage: "prod", version: "v1.1.0" }),
      T0 + 62,
    );
    expect(await holders("churn")).toEqual([
      { stage: "prod", ...agreeOn("v1.1.0") },
      { stage: "staging", ...agreeOn("v1.1.0") },
    ]);
    // Deregistered (churn@v1.1.0!), v1.1.0 holds no stage for GTO, nor for modelgate.
    gtoWrites(
      "churn@v1.1.0!",
      repo.commits[1],
      fill(messages.deregister, { name: "churn", version: "v1.1.0" }),
      T0 + 63,
    );
    expect(await holders("churn")).toEqual([
      { stage: "prod", ...agreeOn("v1.0.0") },
      { stage: "staging", modelgate: undefined, gtoWhich: undefined, gtoShow: undefined },
    ]);
    expect((await readModelRegistry(repo.store, "churn")).deregistered).toEqual(["v1.1.0"]);
  });

  it("finds when GTO's two orders disagree on tags GTO wrote, and says how to repair it", async () => {
    const third = repo.commit("third");
    await promoteVersion(repo.store, request("churn", "2.0.0", repo.commits[0]));
    gtoWrites("churn@v1.0.0", third, fill(messages.register, { name: "churn", version: "v1.0.0" }), T0 + 60);
    gtoWrites(
      "churn#prod#2",
      third,
      fill(messages.assign, { name: "churn", stage: "prod", version: "v1.0.0" }),
      T0 + 61,
    );
    expect(await holders("churn")).toEqual([
      { stage: "prod", modelgate: "v1.0.0", gtoWhich: "v2.0.0", gtoShow: "v1.0.0" },
    ]);
    const report = await verifyRegistry(repo.store, {
      model: "churn",
      allowForeignTags: true,
      versionsPerCommit: "one",
      now: new Date(),
    });
    expect(report.models[0]!.findings.map((found) => [found.kind, found.problem])).toEqual([
      [
        "gto-disagrees",
        "stage prod holds v1.0.0 by time (gto show, modelgate), but v2.0.0 by SemVer (gto which): v2.0.0 was never unassigned",
      ],
    ]);
  });
});

describe("one version per commit, as GTO 1.10 registers (gto/registry.py register, gto/base.py find_version)", () => {
  it("refuses a second version on a commit where GTO would (VersionExistsForCommit)", async () => {
    await promoteVersion(repo.store, request("churn", "1.1.0", repo.commits[0]));
    expect(gtoRegisterRefusal(gtoState(gtoTags()), "churn", repo.commits[0])).toBe(
      fill(messages.VersionExistsForCommit, { model: "churn", version: "v1.1.0" }),
    );
    await expect(promoteVersion(repo.store, request("churn", "1.2.0-rc.1", repo.commits[0]))).rejects.toThrow(
      /already carries churn v1\.1\.0, and a commit carries one version of a model, as GTO requires/,
    );
    expect(gtoRegisterRefusal(gtoState(gtoTags()), "churn", repo.commits[1])).toBeUndefined();
  });

  it("with versions-per-commit: many, writes what GTO cannot read (ManyVersions), and verify says so unless the policy allows it", async () => {
    await promoteVersion(repo.store, request("churn", "1.0.0", repo.commits[0]));
    await promoteVersion(
      repo.store,
      request("churn", "1.0.1", repo.commits[0], {
        artifacts: [{ name: "model.bin", bytes: Buffer.from("retrained on new data") }],
      }),
      { versionsPerCommit: "many" },
    );
    expect(() => gtoState(gtoTags())).toThrow(ManyVersions);
    expect(() => gtoState(gtoTags())).toThrow(
      fill(messages.ManyVersions, { name: "churn", versions: "v1.0.0, v1.0.1" }),
    );
    // modelgate itself still reads it: the event records its version.
    expect(currentAssignment(await readModelRegistry(repo.store, "churn"), "prod")?.record.version).toBe("v1.0.1");
    const verify = (versionsPerCommit: "one" | "many") =>
      verifyRegistry(repo.store, { model: "churn", allowForeignTags: false, versionsPerCommit, now: new Date() });
    expect((await verify("one")).models[0]!.findings.map((found) => found.kind)).toEqual(["many-versions"]);
    expect(await verify("many")).toMatchObject({ ok: true });
  });
});
