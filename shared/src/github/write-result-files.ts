import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { resolveInputPath } from "../data/files/resolve-input-path.js";
import type { ActionResult } from "../report/action-result.js";
import { toResultJson } from "../report/to-result-json.js";

export interface ResultFiles {
  resultPath: string;
  reportPath: string;
}

/**
 * Writes the result JSON and the markdown report beside it (default under RUNNER_TEMP/modelgate/),
 * always, so a later `workflow_run` workflow can publish what a read-only fork run could not.
 */
export async function writeResultFiles(
  result: ActionResult,
  markdown: string,
  where: { resultPath: string | undefined; runnerTemp: string; workspace: string },
): Promise<ResultFiles> {
  const fileKey = result.key.replace(/[^A-Za-z0-9._-]/g, "_");
  const resultPath = where.resultPath
    ? resolveInputPath(
        where.resultPath,
        { workspace: where.workspace, allowedRoots: [where.workspace, where.runnerTemp] },
        "result-path",
      )
    : path.join(where.runnerTemp, "modelgate", `${result.action}-${fileKey}.json`);
  const reportPath = resultPath.replace(/(\.json)?$/, ".md");
  mkdirSync(path.dirname(resultPath), { recursive: true });
  writeFileSync(resultPath, toResultJson(result, markdown));
  writeFileSync(reportPath, markdown);
  return { resultPath, reportPath };
}
