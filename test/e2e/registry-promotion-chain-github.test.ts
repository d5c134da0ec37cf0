import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createOctokit } from "../../shared/src/github/create-octokit.js";
import { openGitHubRegistryStore } from "../../shared/src/github/github-registry-store.js";
import { promoteVersion } from "../../shared/src/registry/promote-version.js";
import type { PromoteRequest } from "../../shared/src/registry/promote-version.js";
import { readModelRegistry } from "../../shared/src/registry/read-model-registry.js";
import { registryHistory } from "../../shared/src/registry/registry-history.js";
import { currentAssignment, semverHolder } from "../../shared/src/registry/stage-state.js";
import { verifyEventChain } from "../../shared/src/registry/verify-event-chain.js";
import { useGitHubStandIn } from "../support/github-stand-in/use-github-stand-in.js";

const OWNER = "acme";
const REPO = "models";
// A few writers already lose races to each other on every counter; more only make the run longer.
const WRITERS = 4;
const COMMITS = Array.from({ length: WRITERS }, (_, index) =>
  createHash("sha1").update(`commit ${index}`).digest("hex"),
);
const api = useGitHubStandIn();

function openStore() {
  const log = { warning: () => undefined, debug: () => undefined };
  const octokit = createOctokit({ token: "ghs_test_write", baseUrl: api().url, log, retryAfterBaseValue: 10 });
  return openGitHubRegistryStore(octokit, { owner: OWNER, repo: REPO });
}

function request(version: string, commit: string): PromoteRequest {
  return {
    model: "churn",
    stage: "prod",
    version: { explicit: version },
    commitSha: commit,
    artifacts: [{ name: "model.bin", bytes: Buffer.from(`weights of ${version}`) }],
    manifestSha256: null,
    metrics: { accuracy: 0.9 },
    gates: [{ action: "evaluate-gate", key: "churn", verdict: "pass", run_url: null }],
    actor: "octocat",
    reason: null,
    runUrl: null,
    now: "2026-01-02T03:04:05Z",
  };
}

describe("promotions of different versions racing through the GitHub API (stand-in)", () => {
  it(`${WRITERS} promotions at once: each wins one counter, the chain is unbroken, the history complete`, async () => {
    for (const sha of COMMITS) api().seedCommit(OWNER, REPO, sha);
    const versions = COMMITS.map((_, index) => `1.${index}.0`);
    const outcomes = await Promise.all(
      versions.map((version, index) =>
        promoteVersion(openStore(), request(version, COMMITS[index]!), { maxAttempts: 40 }),
      ),
    );
    console.log(`attempts per writer: ${outcomes.map((outcome) => outcome.attempts).join(", ")}`);
    expect(outcomes.every((outcome) => outcome.eventCreated)).toBe(true);
    const registry = await readModelRegistry(openStore(), "churn");
    expect(registry.problems).toEqual([]);
    const total = registry.events.length;
    expect(registry.claims).toEqual(Array.from({ length: total }, (_, index) => index + 1));
    expect(verifyEventChain(registry)).toEqual([]);
    const history = registryHistory(registry, "prod");
    expect(history.map((row) => row.counter)).toEqual(Array.from({ length: total }, (_, index) => index + 1));
    // Every version was assigned once; a promotion below active versions unassigned them first (GTO's SemVer order).
    const assigned = history.filter((row) => row.event === "promote");
    expect(assigned.map((row) => row.version).sort()).toEqual(versions.map((version) => `v${version}`).sort());
    expect(total - assigned.length).toBe(outcomes.reduce((sum, outcome) => sum + outcome.superseded.length, 0));
    // Each assignment names the version that held the stage just before its promotion wrote its first event: the
    // re-check after a lost race worked.
    assigned.forEach((row) => {
      const outcome = outcomes.find((candidate) => candidate.event.tag === row.tag)!;
      const first = outcome.superseded[0]?.counter ?? row.counter;
      const before = registry.events.filter((event) => event.counter < first && event.stage === "prod");
      const holder = currentAssignment({ ...registry, events: before }, "prod")?.record.version ?? null;
      expect(row.previous_version).toBe(holder);
    });
    expect(semverHolder(registry, "prod")?.record.version).toBe(currentAssignment(registry, "prod")?.record.version);
    expect(Math.max(...outcomes.map((outcome) => outcome.attempts))).toBeLessThanOrEqual(40);
    expect(api().violations).toEqual([]);
  }, 120_000);
});
