import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runEvaluate } from "../../../shared/src/cli/run-evaluate.js";
import { DataError } from "../../../shared/src/core/modelgate-error.js";
import { digestInputFile } from "../../../shared/src/data/files/digest-input-file.js";
import type { GateResult } from "../../../shared/src/evaluate/gate-result.js";
import { promoteVersion } from "../../../shared/src/registry/promote-version.js";
import { createLocalRepo } from "../registry/local-git-fixture.js";
import type { LocalRepo } from "../registry/local-git-fixture.js";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const TEST_SET = "id,age,churned\n1,34,0\n2,51,1\n3,27,0\n";
const OTHER_SET = "id,age,churned\n1,34,0\n2,51,1\n";
const HISTORY_POLICY = `version: 1
model: churn
evaluate:
  metrics:
    auc: { direction: higher, min: 0.5 }
  history:
    stage: production
    versions: 3
    max-below-median: { auc: 0.01 }
`;

let repo: LocalRepo;
beforeEach(() => {
  repo = createLocalRepo();
  mkdirSync(path.join(repo.dir, "data"));
  writeFileSync(path.join(repo.dir, "data/test.csv"), TEST_SET);
  writeFileSync(path.join(repo.dir, "data/other.csv"), OTHER_SET);
  writeFileSync(path.join(repo.dir, "modelgate.yml"), HISTORY_POLICY);
});
afterEach(() => repo.remove());

const access = () => ({ workspace: repo.dir, allowedRoots: [repo.dir] });

/** evaluate on the CLI's path: a metrics file, the policy in the repository, the registry its tags. */
async function evaluate(auc: number, evalData?: string): Promise<GateResult> {
  writeFileSync(path.join(repo.dir, "candidate.json"), JSON.stringify({ auc }));
  const result = await runEvaluate(
    { candidate: "candidate.json", policy: "modelgate.yml", ...(evalData !== undefined && { evalData }) },
    access(),
  );
  if (result.action !== "evaluate-gate") throw new Error(`expected an evaluate-gate result, got ${result.action}`);
  return result as GateResult;
}

/** Promotes a version whose evidence is the evaluate-gate result of a metrics-only run (with or without eval-data). */
async function promote(version: string, auc: number, evalData: string | undefined, minute: number) {
  const result = await evaluate(auc, evalData);
  await promoteVersion(repo.store, {
    model: "churn",
    stage: "production",
    version: { explicit: version },
    commitSha: repo.commit(version),
    artifacts: [{ name: "candidate.json", bytes: Buffer.from(JSON.stringify({ auc })) }],
    manifestSha256: null,
    metrics: {},
    gates: [
      {
        action: "evaluate-gate",
        key: "churn",
        verdict: result.verdict,
        run_url: null,
        metrics: { auc },
        subject: result.subject,
      },
    ],
    actor: "octocat",
    reason: null,
    runUrl: null,
    now: `2026-01-01T00:0${minute}:00Z`,
  });
}

describe("eval-data on a metrics-only evaluate-gate run", () => {
  it("records the named file's SHA-256 as the subject's evaluation data and names it in files", async () => {
    const result = await evaluate(0.9, "data/test.csv");
    expect(result.subject.eval_data_sha256).toBe(sha256(TEST_SET));
    expect(result.files.eval_data).toBe("data/test.csv");
    const without = await evaluate(0.9);
    expect(without.subject.eval_data_sha256).toBeUndefined();
    expect(without.files.eval_data).toBeUndefined();
  });

  it("lets the history compare versions evaluated on the same file, lists one on other data apart, and decides the median rule", async () => {
    await promote("1.0.0", 0.95, "data/test.csv", 1);
    await promote("1.1.0", 0.99, "data/other.csv", 2);
    await promote("1.2.0", 0.94, "data/test.csv", 3);
    await promote("1.3.0", 0.93, "data/test.csv", 4);
    const slid = await evaluate(0.92, "data/test.csv");
    expect(slid.history?.comparable.map((v) => [v.version, v.values.auc])).toEqual([
      ["v1.0.0", 0.95],
      ["v1.2.0", 0.94],
      ["v1.3.0", 0.93],
    ]);
    expect(slid.history?.apart).toEqual([
      { version: "v1.1.0", reason: `evaluated on other data (sha256:${sha256(OTHER_SET).slice(0, 12)})` },
    ]);
    expect(slid.checks.find((c) => c.rule === "max-below-median")).toMatchObject({
      verdict: "fail",
      value: 0.92,
      baseline: 0.94,
    });
    expect((await evaluate(0.935, "data/test.csv")).verdict).toBe("pass");
  });

  it("without eval-data compares no version and says how to fix it; the median rule cannot decide and fails", async () => {
    await promote("1.0.0", 0.95, "data/test.csv", 1);
    await promote("1.1.0", 0.94, undefined, 2);
    const result = await evaluate(0.96);
    expect(result.verdict).toBe("fail");
    expect(result.history?.comparable).toEqual([]);
    expect(result.history?.apart).toEqual([
      { version: "v1.1.0", reason: "no digest of its evaluation data was recorded" },
      {
        version: "v1.0.0",
        reason: "the candidate's evaluation data has no digest to compare with (eval-data names it)",
      },
    ]);
    expect(result.notes).toContain(
      "History: this run records no digest of its evaluation data, so no version can be compared with it; name the file its metrics were computed on with eval-data (--eval-data on the CLI).",
    );
    // Named, the version recorded without a digest is apart for its own reason, the other one compared.
    const named = await evaluate(0.96, "data/test.csv");
    expect(named.history?.apart).toEqual([
      { version: "v1.1.0", reason: "no digest of its evaluation data was recorded" },
    ]);
    expect(named.verdict).toBe("pass");
  });
});

describe("eval-data on a predictions run", () => {
  it("records the examples' digest, the same for two models' predictions of the same examples, unless eval-data names the data", async () => {
    const oracle = path.join(path.dirname(fileURLToPath(import.meta.url)), "../stats/fixtures/paired_predictions.csv");
    const predictions = readFileSync(oracle, "utf8").replace("y_true", "label").replace("candidate_pred", "prediction");
    writeFileSync(path.join(repo.dir, "predictions.csv"), predictions);
    writeFileSync(
      path.join(repo.dir, "plain.yml"),
      "version: 1\nmodel: churn\nevaluate:\n  metrics:\n    accuracy: { direction: higher, min: 0.5 }\n",
    );
    const run = (evalData?: string) =>
      runEvaluate(
        {
          candidatePredictions: "predictions.csv",
          policy: "plain.yml",
          ...(evalData !== undefined && { evalData }),
        },
        access(),
      ) as Promise<GateResult>;
    const examples = (await run()).subject.eval_data_sha256;
    expect(examples).toMatch(/^[0-9a-f]{64}$/);
    expect(examples).not.toBe(sha256(predictions));
    const otherModel = predictions.replace("baseline_pred,prediction", "prediction,baseline_pred");
    expect(otherModel).not.toBe(predictions);
    writeFileSync(path.join(repo.dir, "predictions.csv"), otherModel);
    expect((await run()).subject.eval_data_sha256).toBe(examples);
    const named = await run("data/test.csv");
    expect(named.subject.eval_data_sha256).toBe(sha256(TEST_SET));
    expect(named.files).toMatchObject({ candidate_predictions: "predictions.csv", eval_data: "data/test.csv" });
  });
});

describe("digestInputFile", () => {
  it("is sha256sum of the exact bytes, streamed", async () => {
    const big = Buffer.alloc(3 * (1 << 20) + 7, "x");
    writeFileSync(path.join(repo.dir, "big.bin"), big);
    expect(await digestInputFile("big.bin", access(), "eval-data")).toEqual({
      name: "big.bin",
      sha256: createHash("sha256").update(big).digest("hex"),
      bytes: big.length,
    });
  });

  it("refuses a missing, empty or folder path and one outside the workspace, naming the input and file", async () => {
    writeFileSync(path.join(repo.dir, "empty.csv"), "");
    const outside = mkdtempSync(path.join(tmpdir(), "mg-outside-"));
    writeFileSync(path.join(outside, "test.csv"), TEST_SET);
    const cases: [string, string][] = [
      ["missing.csv", 'Input "eval-data": missing.csv does not exist'],
      ["empty.csv", 'Input "eval-data": empty.csv is empty'],
      ["data", 'Input "eval-data": data is a folder, not a file'],
      [path.join(outside, "test.csv"), 'Input "eval-data" points outside the workspace'],
    ];
    for (const [spec, message] of cases) {
      const error = await digestInputFile(spec, access(), "eval-data").catch((e: unknown) => e);
      expect(error, spec).toBeInstanceOf(DataError);
      expect((error as DataError).message, spec).toContain(message);
      expect((error as DataError).input).toBe("eval-data");
    }
  });

  it("turns a missing eval-data file into an undecided fail naming the input, as every input", async () => {
    writeFileSync(path.join(repo.dir, "candidate.json"), JSON.stringify({ auc: 0.9 }));
    const result = await runEvaluate(
      { candidate: "candidate.json", policy: "modelgate.yml", evalData: "nope.csv" },
      access(),
    );
    expect(result.verdict).toBe("fail");
    expect(JSON.stringify(result)).toContain('Input \\"eval-data\\": nope.csv does not exist');
  });
});
