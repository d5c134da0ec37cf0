import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { blocksMerge } from "../github/to-outputs.js";
import { renderReportMarkdown, renderReportText } from "../report/render-report.js";
import type { Command } from "./commands.js";
import { EXIT } from "./commands.js";
import { runEvaluate } from "./run-evaluate.js";

/** The built-in example, found relative to this file in the source tree and in the built CLI alike. */
export function exampleFolder(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../examples/churn");
}

const CANDIDATES = [
  { file: "candidate-regressed.json", story: "a candidate that overfits and is slower" },
  { file: "candidate-better.json", story: "a candidate that improves quality" },
];

export const demoCommand: Command = {
  name: "demo",
  summary: "run the gates on the built-in example and show what a reviewer sees",
  usage: `Usage: modelgate demo [--format text|markdown]

Runs evaluate-gate on the built-in churn-classifier example (shared/examples/churn): one baseline,
one candidate that regresses and one that improves. Prints each verdict, then the PR comment a
reviewer would see. No GitHub access is needed. Exits 0 when the demo ran as expected.`,
  async run(args) {
    const { values } = parseArgs({ args, options: { format: { type: "string", default: "markdown" } }, strict: true });
    const folder = exampleFolder();
    const access = { workspace: folder, allowedRoots: [folder] };
    const out: string[] = [`modelgate demo: evaluate-gate on ${folder}`, ""];
    const verdicts: string[] = [];
    for (const { file, story } of CANDIDATES) {
      const result = await runEvaluate({ candidate: file, baseline: "baseline.json", policy: "modelgate.yml" }, access);
      const blocked = blocksMerge(result.verdict, "fail");
      verdicts.push(`${file}: ${result.verdict}${blocked ? " (the merge is blocked: exit 1 in CI)" : " (the merge may proceed)"}`);
      out.push(`━━━ ${story}: modelgate evaluate --candidate ${file} --baseline baseline.json`, "");
      out.push(renderReportText(result));
      if (values.format === "markdown") out.push("The PR comment a reviewer sees (markdown):", "", renderReportMarkdown(result));
    }
    out.push(...(await (await import("./demo-train.js")).demoTrain(folder)));
    out.push("━━━ Summary", ...verdicts.map((v) => `  ${v}`), "");
    process.stdout.write(out.join("\n"));
    return EXIT.ok;
  },
};
