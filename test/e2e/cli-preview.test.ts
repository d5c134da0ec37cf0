import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { all, attribute, one, parseHtml, textOf } from "../support/parse-html.js";
import { repoRoot } from "./support/node-binaries.js";
import { spawnCollect } from "./support/run-action-bundle.js";

const CLI = path.join(repoRoot, "shared/dist/cli/index.js");
const EXAMPLE = path.join(repoRoot, "shared/examples/churn");

function runCli(args: string[], cwd = EXAMPLE) {
  return spawnCollect(
    process.execPath,
    [CLI, ...args],
    { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? cwd },
    cwd,
  );
}

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build (npm test does).`);
});

describe("modelgate preview", () => {
  it("writes one page of result JSONs and markdown reports, with an index of their verdicts", async () => {
    const folder = mkdtempSync(path.join(tmpdir(), "modelgate-preview-cli-"));
    const regressed = await runCli([
      "evaluate",
      "--candidate",
      "candidate-regressed.json",
      "--baseline",
      "baseline.json",
      "--format",
      "json",
    ]);
    expect(regressed.exitCode).toBe(1);
    writeFileSync(path.join(folder, "regressed.json"), regressed.stdout);
    const better = await runCli([
      "evaluate",
      "--candidate",
      "candidate-better.json",
      "--baseline",
      "baseline.json",
      "--format",
      "markdown",
    ]);
    writeFileSync(path.join(folder, "better.md"), better.stdout);
    const run = await runCli(["preview", "regressed.json", "better.md", "--out", "page.html"], folder);
    expect(run.stderr).toBe("");
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toBe(
      `Preview page (2 reports, opens offline in any browser): ${path.join(folder, "page.html")}\n`,
    );
    const page = parseHtml(readFileSync(path.join(folder, "page.html"), "utf8"), { document: true });
    expect(all("header table tbody tr", page).map((row) => all("td", row).map((cell) => textOf(cell)))).toEqual([
      ["regressed", "evaluate-gate", "❌ fail", "evaluate-gate · churn-classifier"],
      ["better.md", "—", "not recorded", ""],
    ]);
    expect(textOf(one("#report-1 article h3", page))).toBe("❌ fail · evaluate-gate · churn-classifier");
    expect(all("#report-1 details > summary", page).length).toBeGreaterThan(0);
    expect(all("pre > code.language-mermaid", page).length).toBeGreaterThan(0);
    expect(textOf(all("script", page)[0])).toContain('"11.12.0"');
  });

  it("previews a folder as the demo writes it: its result JSONs in name order, then markdown without a result, no README", async () => {
    const folder = mkdtempSync(path.join(tmpdir(), "modelgate-preview-folder-"));
    const reports = path.join(folder, "reports");
    mkdirSync(reports);
    for (const [name, candidate] of [
      ["02-better", "candidate-better.json"],
      ["01-regressed", "candidate-regressed.json"],
    ]) {
      const run = await runCli([
        "evaluate",
        "--candidate",
        candidate!,
        "--baseline",
        "baseline.json",
        "--format",
        "json",
      ]);
      writeFileSync(path.join(reports, `${name}.json`), run.stdout);
      writeFileSync(path.join(reports, `${name}.md`), JSON.parse(run.stdout).report_markdown);
    }
    writeFileSync(path.join(reports, "README.md"), "# the index\n");
    writeFileSync(path.join(reports, "notes.md"), "Some notes.\n");
    const run = await runCli(["preview", "reports", "--out", "again.html", "--title", "again"], folder);
    expect(run.exitCode).toBe(0);
    const names = all(
      "header table tbody tr a",
      parseHtml(readFileSync(path.join(folder, "again.html"), "utf8"), { document: true }),
    ).map((a) => textOf(a));
    expect(names).toEqual(["01-regressed", "02-better", "notes.md"]);
  });

  it("fails with the file and the fix when a file is not a modelgate result, and with usage when given nothing", async () => {
    const folder = mkdtempSync(path.join(tmpdir(), "modelgate-preview-bad-"));
    writeFileSync(
      path.join(folder, "other.json"),
      JSON.stringify({ schema: "something/else", report_markdown: "# hi" }),
    );
    const bad = await runCli(["preview", "other.json"], folder);
    expect(bad.exitCode).toBe(1);
    expect(bad.stderr).toContain(
      "modelgate preview: other.json is not a modelgate result (modelgate.result/v1): schema is missing or invalid.",
    );
    expect(bad.stderr).toMatch(/^Fix: Give a result JSON/m);
    expect(existsSync(path.join(folder, "modelgate-preview.html"))).toBe(false);
    const missing = await runCli(["preview", "nowhere.md"], folder);
    expect(missing.exitCode).toBe(1);
    expect(missing.stderr).toContain("nowhere.md does not exist");
    const none = await runCli(["preview"], folder);
    expect(none.exitCode).toBe(2);
    expect(none.stderr).toContain("no report given");
  });
});

describe("--format html on a gate command", () => {
  it("prints the gate's report as a page, its title naming the verdict, and keeps the gate's exit code", async () => {
    const run = await runCli([
      "evaluate",
      "--candidate",
      "candidate-regressed.json",
      "--baseline",
      "baseline.json",
      "--format",
      "html",
    ]);
    expect(run.exitCode).toBe(1);
    expect(run.stdout.startsWith("<!DOCTYPE html>")).toBe(true);
    const page = parseHtml(run.stdout, { document: true });
    expect(textOf(one("title", page))).toBe("modelgate evaluate-gate · churn-classifier: ❌ fail");
    expect(all("section.report", page).map((section) => attribute(section, "data-verdict"))).toEqual(["fail"]);
    expect(attribute(one('meta[http-equiv="Content-Security-Policy"]', page), "content")).toMatch(
      /^default-src 'none'; script-src 'sha256-[^']+' 'sha256-[^']+';/,
    );
  });

  it("is refused with the allowed formats when misspelled", async () => {
    const run = await runCli([
      "evaluate",
      "--candidate",
      "candidate-better.json",
      "--baseline",
      "baseline.json",
      "--format",
      "htm",
    ]);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('--format is "htm"; allowed: text, markdown, json, html.');
  });
});
