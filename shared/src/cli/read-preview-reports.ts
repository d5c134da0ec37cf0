import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { DataError } from "../core/modelgate-error.js";
import { readInputFile } from "../data/files/read-input-file.js";
import type { FileAccess } from "../data/files/resolve-input-path.js";
import * as z from "zod/mini";
import { PUBLISHABLE_ACTIONS } from "../publish/published-result-schema.js";
import { RESULT_SCHEMA } from "../report/to-result-json.js";
import type { PreviewReport } from "../report/html/render-preview-page.js";

const INPUT = "preview";
const RESULT_HINT =
  "Give a result JSON as a modelgate action or `modelgate <command> --format json` wrote it (it carries its report as report_markdown).";

/**
 * What the page needs of a result JSON: which action, key and verdict, and the report it carries. Only these fields
 * are checked; the page sanitises the report as GitHub does, so a preview needs no more trust than that.
 */
const PreviewResultSchema = z.object({
  schema: z.literal(RESULT_SCHEMA),
  action: z.enum(PUBLISHABLE_ACTIONS),
  key: z.string(),
  verdict: z.enum(["pass", "warn", "fail"]),
  report_markdown: z.string(),
});

/**
 * The reports named on `modelgate preview`'s command line, in the order given: a result JSON (its report_markdown
 * shown, its action and verdict in the index), a markdown file (shown as
 * it is, no verdict), or a folder (its result JSONs, then the markdown files without a result JSON beside them,
 * README.md excepted, each sorted by name: the folder `modelgate demo` or a workflow's artifact writes).
 * @throws DataError naming the file and what is wrong with it.
 */
export async function readPreviewReports(given: readonly string[], access: FileAccess): Promise<PreviewReport[]> {
  const files = given.flatMap((spec) =>
    isFolder(path.resolve(access.workspace, spec)) ? listFolder(spec, access) : [spec],
  );
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
    throw new DataError(
      `${file} is neither a result JSON (.json) nor a markdown report (.md).`,
      "Give the .json result or the .md report an action wrote, or a folder of them.",
      { file },
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new DataError(
      `${file} is not valid JSON (${error instanceof Error ? error.message.slice(0, 200) : String(error)}).`,
      RESULT_HINT,
      { file },
    );
  }
  const parsed = PreviewResultSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.map(String).join(".") || "(the document)";
    throw new DataError(
      `${file} is not a modelgate result (${RESULT_SCHEMA}): ${field} is missing or invalid.`,
      RESULT_HINT,
      { file, path: field },
    );
  }
  const { action, key, verdict, report_markdown: markdown } = parsed.data;
  return { name: name.replace(/\.json$/i, ""), story: `${action} · ${key}`, action, verdict, markdown };
}

function listFolder(folder: string, access: FileAccess): string[] {
  const names = readdirSync(path.resolve(access.workspace, folder)).sort();
  const results = names.filter((name) => name.toLowerCase().endsWith(".json"));
  const stems = new Set(results.map((name) => name.slice(0, -".json".length)));
  const markdown = names.filter(
    (name) => /\.md$/i.test(name) && name.toLowerCase() !== "readme.md" && !stems.has(name.slice(0, -".md".length)),
  );
  const files = [...results, ...markdown].map((name) => path.join(folder, name));
  if (files.length === 0) {
    throw new DataError(
      `${folder} holds no result JSON (.json) and no markdown report (.md).`,
      "Point modelgate preview at the folder the reports were written to, or at the files themselves.",
      {
        file: folder,
      },
    );
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
