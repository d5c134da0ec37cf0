import { copyFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { nodeBinaries, repoRoot } from "./support/node-binaries.js";
import { spawnCollect } from "./support/run-action-bundle.js";

const CLI = path.join(repoRoot, "shared/dist/cli/index.js");
const folder = mkdtempSync(path.join(tmpdir(), "modelgate-cli-bias-"));
copyFileSync(
  path.join(repoRoot, "test/unit/fairness/fixtures/compas-filtered.csv.gz"),
  path.join(folder, "compas.csv.gz"),
);
writeFileSync(
  path.join(folder, "modelgate.yml"),
  "version: 1\nmodel: recidivism\nfairness:\n  sensitive: [race]\n  resamples: 100\n  metrics:\n    equalized_odds_difference: { max: 0.1 }\n",
);
const run = (node: string, args: string[]) =>
  spawnCollect(node, [CLI, "bias", ...args], { PATH: process.env.PATH ?? "" }, folder);
const COMPAS = [
  "--predictions",
  "compas.csv.gz",
  "--label-column",
  "two_year_recid",
  "--prediction-column",
  "medium_or_high",
];

describe.each(nodeBinaries())("modelgate bias on $label", ({ path: node }) => {
  it("prints the action's result JSON, byte-identical on a second run, and exits 1 on a fail verdict", async () => {
    const first = await run(node, [...COMPAS, "--format", "json"]);
    const second = await run(node, [...COMPAS, "--format", "json"]);
    expect(first.exitCode).toBe(1);
    expect(second.stdout).toBe(first.stdout);
    const json = JSON.parse(first.stdout);
    expect(json).toMatchObject({
      schema: "modelgate.result/v1",
      action: "bias-check",
      key: "recidivism",
      verdict: "fail",
    });
    // make_reference_values.py: race, groups of ≥ 30 rows, equalized odds difference (worst_case) 0.376522.
    expect(json.checks[0].value).toBeCloseTo(0.37652211066011537, 12);
  });

  it("exits 2 with the usage when --predictions is missing", async () => {
    const result = await run(node, ["--sensitive", "race"]);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/--predictions/);
    expect(result.stderr).toContain("Usage: modelgate bias");
  });
});
