import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { DataError } from "../core/modelgate-error.js";
import { readInputFile } from "../data/files/read-input-file.js";
import type { FileAccess } from "../data/files/resolve-input-path.js";
import { parsePublishedResult } from "../publish/parse-published-result.js";
import type { PreviewReport } from "../report/html/render-preview-page.js";

const INPUT = "preview";

/**
 * The reports named on `modelgate preview`'s command line, in the order given: a result JSON (checked against
 * modelgate.result/v1, its report_markdown shown, its action and verdict in the index), a markdown file (shown as
 * it is, no verdict), or a folder (its result JSONs, then the markdown files without a result JSON beside them,
 * README.md excepted, each sorted by name: the folder `modelgate demo` or a workflow's artifact writes).
 * @throws DataError naming the file and what is wrong with it.
 */
export async function readPreviewReports(given: readonly string[], access: FileAccess): Promise<PreviewReport[]> {
  const files = given.flatMap((spec) => (isFolder(path.resolve(access.workspace, spec)) ? listFolder(spec, access) : [spec]));
  const reports: PreviewReport[] = [];
  for (const file of files) reports.push(await readPreviewReport(file, access));
  return reports;
}

async function readPreviewReport(file: string, access: FileAccess): Promise<PreviewReport> {
  const { text } = await readInputFile(file, access, INPUT);
  const extension = path.extname(file).toLowerCase();
  const name = path.basename(file);
  if (extension === ".md" || extension === ".markdown") return { name, story: "", markdown: text };
  if (extension !== ".json") {
    throw new DataError(`${file} is neither a result JSON (.json) nor a markdown report (.md).`, "Give the .json result or the .md report an action wrote, or a folder of them.", { file });
  }
  const result = parsePublishedResult(text, file, "Give a result JSON a modelgate action or `modelgate <command> --format json` wrote.");
  const markdown = (JSON.parse(text) as { report_markdown?: unknown }).report_markdown;
  if (typeof markdown !== "string") {
    throw new DataError(`Result ${file} has no report_markdown to show.`, "Give the result JSON as the action wrote it: it carries its report as report_markdown.", {
      file,
      path: "report_markdown",
    });
  }
  return { name: name.replace(/\.json$/i, ""), story: `${result.action} · ${result.key}`, action: result.action, verdict: result.verdict, markdown };
}

function listFolder(folder: string, access: FileAccess): string[] {
  const names = readdirSync(path.resolve(access.workspace, folder)).sort();
  const results = names.filter((name) => name.toLowerCase().endsWith(".json"));
  const stems = new Set(results.map((name) => name.slice(0, -".json".length)));
  const markdown = names.filter((name) => /\.md$/i.test(name) && name.toLowerCase() !== "readme.md" && !stems.has(name.slice(0, -".md".length)));
  const files = [...results, ...markdown].map((name) => path.join(folder, name));
  if (files.length === 0) {
    throw new DataError(`${folder} holds no result JSON (.json) and no markdown report (.md).`, "Point modelgate preview at the folder the reports were written to, or at the files themselves.", {
      file: folder,
    });
  }
  return files;
}

function isFolder(absolute: string): boolean {
  try {
    return statSync(absolute).isDirectory();
  } catch {
    return false;
  }
}
