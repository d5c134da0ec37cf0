import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runValidate } from "../../../shared/src/cli/run-validate.js";
import { renderValidateMarkdown } from "../../../shared/src/report/render-validate-markdown.js";
import { renderValidateText } from "../../../shared/src/report/render-validate-text.js";
import type { ValidateDataResult } from "../../../shared/src/validate/validate-result.js";

const folder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../shared/examples/churn/data");
const run = await runValidate(
  { data: "batch-drifted.csv", reference: "reference.csv", schemaOnly: false, policy: "modelgate.yml" },
  { workspace: folder, allowedRoots: [folder] },
);
if ("error" in run || run.action !== "validate-data") throw new Error("the example's drifted batch did not validate");
const drifted: ValidateDataResult = run;

describe("renderValidateMarkdown", () => {
  it("renders the drifted batch: failures and warnings first, passing checks folded, then the drift table", async () => {
    const markdown = renderValidateMarkdown(drifted);
    await expect(markdown).toMatchFileSnapshot("golden/validate-drifted.md");
    const passed = markdown.indexOf("checks passed</summary>");
    expect(markdown.indexOf("| ❌ fail |")).toBeLessThan(passed);
    expect(markdown.lastIndexOf("| ⚠️ warn |", passed)).toBeGreaterThan(0);
    // No passing row before the folded section: the news comes first.
    expect(markdown.slice(0, passed)).not.toContain("✅");
    expect(markdown.indexOf("#### Drift")).toBeGreaterThan(passed);
  });

  it("renders the drifted batch for a terminal in the same order", async () => {
    await expect(renderValidateText(drifted)).toMatchFileSnapshot("golden/validate-drifted.txt");
  });
});
