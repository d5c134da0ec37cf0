import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCliInProcess } from "../../support/run-cli-in-process.js";
import { BAD_INPUTS } from "./bad-inputs/index.js";
import type { BadInput, InputClass, Judgement } from "./bad-inputs/bad-input.js";
import { findMarkdownBreakout, HOSTILE, INPUT_CLASSES, judgeRun } from "./bad-inputs/bad-input.js";
import { escapeMarkdown } from "../../../shared/src/report/escape-markdown.js";
import { baseFiles } from "./bad-inputs/workspace-files.js";

const GIT_IDENTITY = {
  GIT_AUTHOR_NAME: "modelgate test",
  GIT_AUTHOR_EMAIL: "test@example.com",
  GIT_COMMITTER_NAME: "modelgate test",
  GIT_COMMITTER_EMAIL: "test@example.com",
};

/** A fresh working folder holding the base files and the case's own; a git repository with one commit when asked. */
function makeWorkspace(c: Pick<BadInput, "files" | "git"> = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), "modelgate-sweep-"));
  for (const [name, content] of Object.entries({ ...baseFiles(), ...c.files })) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  if (c.git) {
    const git = (...args: string[]) =>
      execFileSync("git", ["-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false", ...args], {
        cwd: dir,
        env: { ...process.env, ...GIT_IDENTITY },
        stdio: "pipe",
      });
    git("init", "--quiet");
    git("add", "--all");
    git("commit", "--quiet", "--message", "workspace");
  }
  return dir;
}

const tally = new Map<InputClass, { tried: number; clear: number; silent: number; stack: number }>(
  INPUT_CLASSES.map((k) => [k, { tried: 0, clear: 0, silent: 0, stack: 0 }]),
);
const record = (c: BadInput, judged: Judgement) => {
  const row = tally.get(c.kind)!;
  row.tried++;
  if (judged.clear) row.clear++;
  if (judged.silentPass) row.silent++;
  if (judged.stackTrace) row.stack++;
};

describe("modelgate CLI given bad input", () => {
  it("holds at least 300 cases across every input class", () => {
    expect(BAD_INPUTS.length).toBeGreaterThanOrEqual(300);
    for (const kind of INPUT_CLASSES)
      expect(
        BAD_INPUTS.some((c) => c.kind === kind),
        kind,
      ).toBe(true);
    const names = BAD_INPUTS.map((c) => `${c.kind}: ${c.when}`);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });

  it.each(["evaluate", "bias", "shadow", "validate"])(
    "passes the base working folder under %s, so each case changes one thing",
    async (command) => {
      const argv = {
        evaluate: ["evaluate", "--candidate", "c.json", "--baseline", "b.json"],
        bias: ["bias", "--predictions", "preds.csv"],
        shadow: ["shadow", "--production", "prod.csv", "--shadow", "shadow.csv", "--slice-columns", "country"],
        validate: ["validate", "--data", "data.csv", "--reference", "ref.csv"],
      }[command]!;
      const run = await runCliInProcess(argv, makeWorkspace());
      expect(run.exitCode, `${run.stdout}${run.stderr}`).toBe(0);
    },
  );

  it.each(BAD_INPUTS.map((c) => [`${c.kind}: ${c.when}`, c] as const))(
    "says what is wrong and how to fix it, with no stack and no markdown break-out, when %s",
    async (_, c) => {
      const run = await runCliInProcess(c.argv, makeWorkspace(c));
      const judged = judgeRun(c, run);
      record(c, judged);
      const output = `exit ${run.exitCode}; ${judged.message.slice(0, 800)}\n--- stderr\n${run.stderr.slice(0, 1500)}`;
      expect(judged.stackTrace, output).toBe(false);
      expect(run.exitCode, output).toBe(c.exit);
      expect(judged.missing, output).toEqual([]);
      expect(judged.fixShown, output).toBe(true);
      expect(judged.breakout, output).toBeUndefined();
    },
  );

  afterAll(() => {
    // MODELGATE_SWEEP_TALLY=<file> writes the closing table (cases tried, clear refusals, silent passes, stack traces).
    const file = process.env.MODELGATE_SWEEP_TALLY;
    if (!file) return;
    const rows = [...tally].map(([kind, t]) => `| ${kind} | ${t.tried} | ${t.clear} | ${t.silent} | ${t.stack} |`);
    writeFileSync(
      file,
      [
        "| input class | cases tried | clear refusals | silent passes | stack traces |",
        "|---|---|---|---|---|",
        ...rows,
        "",
      ].join("\n"),
    );
  });
});

describe("findMarkdownBreakout", () => {
  it.each([
    ["raw HTML", `| a | b |\n${HOSTILE.replace("\n", " ")}`],
    ["a heading of its own", "text x\n# INJECTED here"],
    ["a javascript: link", "see [link](javascript:alert(1))"],
    ["a mention", "by @octocat"],
    ["a fold closed early", "<details><summary>x</summary>\n</details></details>"],
    ["an issue reference", "fixes GH-1"],
    ["an issue reference", "| see #2 |"],
    ["a bidi control", "model \u202egnp.exe"],
    ["a bidi control", "`10\u200f-20`"],
  ])("finds %s when a name reaches the markdown unescaped", (what, markdown) => {
    expect(findMarkdownBreakout(markdown)).toBe(what);
  });

  it("finds no reference in code, nor in an HTML entity", () => {
    expect(findMarkdownBreakout("`GH-1` and\n```mermaid\nx GH-1 #2\n```\nit&#39;s")).toBeUndefined();
  });

  it("finds nothing when the hostile name went through escapeMarkdown", () => {
    expect(
      findMarkdownBreakout(
        `### ❌ fail · evaluate-gate · x\n\n<details><summary>Why</summary>\n\n- ${escapeMarkdown(HOSTILE)}\n\n</details>\n`,
      ),
    ).toBeUndefined();
  });
});
