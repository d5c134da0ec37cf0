import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it, vi } from "vitest";
import { runValidate } from "../../../shared/src/cli/run-validate.js";
import { annotateResult } from "../../../shared/src/github/annotate-result.js";
import * as annotations from "../../../shared/src/github/runner-annotations.js";
import { toCheckRunInput } from "../../../shared/src/github/to-check-run-input.js";
import { renderValidateMarkdown } from "../../../shared/src/report/render-validate-markdown.js";
import { renderValidateText } from "../../../shared/src/report/render-validate-text.js";
import { parseWorkflowCommands } from "../../e2e/support/parse-runner-files.js";

const ZWSP = "\u200b";
/** A column header a data file could carry: references GitHub autolinks, a mention, an override and a mark. */
const HOSTILE = "calls GH-1 #2 @octocat acme/models#3 \u202egnp.exe 10\u200f-20";
const BIDI = /\p{Bidi_Control}/u;

const example = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../shared/examples/churn/data");
const folder = mkdtempSync(path.join(tmpdir(), "modelgate-hostile-column-"));
cpSync(example, folder, { recursive: true });
// monthly_charges drifts in the example's drifted batch and misses too many values: the name reaches every part of the
// report.
for (const file of ["reference.csv", "batch-drifted.csv"]) {
  const csv = readFileSync(path.join(folder, file), "utf8");
  writeFileSync(path.join(folder, file), csv.replace(/^([^\n]*)monthly_charges/, `$1${HOSTILE}`));
}
const policy = readFileSync(path.join(folder, "modelgate.yml"), "utf8");
writeFileSync(path.join(folder, "modelgate.yml"), policy.replace(/monthly_charges:/g, `${JSON.stringify(HOSTILE)}:`));
const result = await runValidate(
  { data: "batch-drifted.csv", reference: "reference.csv", schemaOnly: false, policy: "modelgate.yml" },
  { workspace: folder, allowedRoots: [folder] },
);
if ("error" in result || result.action !== "validate-data") throw new Error("the hostile batch did not validate");
const named = result.checks.filter((c) => c.metric === HOSTILE && c.verdict !== "pass");

describe("a hostile column name through a real validate-data report", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("reaches the report's failing rows, so what follows tests something", () => {
    expect(named.length).toBeGreaterThan(0);
  });

  it("breaks references and the mention in the markdown, and removes the bidi controls", () => {
    const markdown = renderValidateMarkdown(result);
    expect(markdown).not.toMatch(BIDI);
    expect(markdown).toContain(`calls GH-${ZWSP}1 #${ZWSP}2 @${ZWSP}octocat acme/models#${ZWSP}3 gnp.exe 10-20`);
    // Outside code: code spans and Mermaid fences are inert (GitHub finds no mention or reference in code).
    const prose = markdown.replace(/^```[^\n]*\n[\s\S]*?^```$/gm, "").replace(/`[^`\n]*`/g, "");
    expect(prose.match(/.{0,40}(GH-\d|(^|[^&\w])#\d|@octocat).{0,20}/m)?.[0]).toBeUndefined();
    // The name reached a Mermaid label too, with # replaced and the controls removed.
    expect(markdown).toContain("```mermaid");
    expect(markdown).toContain("Distribution of calls GH-1 ?2 @octocat");
  });

  it("removes the bidi controls from the terminal report, the annotations and the check run", () => {
    expect(renderValidateText(result)).not.toMatch(BIDI);
    expect(renderValidateText(result)).toContain("calls GH-1 #2 @octocat acme/models#3 gnp.exe 10-20");
    let stdout = "";
    vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
      stdout += String(chunk);
      return true;
    });
    annotateResult(result, annotations);
    const titles = parseWorkflowCommands(stdout).map((command) => command.properties.title ?? "");
    expect(titles).toContain("validate-data · calls GH-1 #2 @octocat acme/models#3 gnp.exe 10-20:drift");
    expect(stdout).not.toMatch(BIDI);
    const checkRun = toCheckRunInput(result, renderValidateMarkdown(result));
    expect(checkRun.annotations.map((a) => a.title)).toContain(
      "calls GH-1 #2 @octocat acme/models#3 gnp.exe 10-20:drift",
    );
    expect(JSON.stringify(checkRun.annotations)).not.toMatch(BIDI);
  });
});
