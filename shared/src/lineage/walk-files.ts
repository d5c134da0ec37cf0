import { readdir, stat } from "node:fs/promises";
import path from "node:path";

/**
 * Every regular file under `folder`, as paths relative to it (`/`-separated). Symbolic links to files
 * count as their target's content; links to folders are not followed, so a link loop cannot hang a run.
 */
export async function walkFiles(folder: string): Promise<string[]> {
  const out: string[] = [];
  const visit = async (relative: string): Promise<void> => {
    const entries = await readdir(path.join(folder, relative), { withFileTypes: true });
    for (const entry of entries) {
      const child = relative === "" ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) await visit(child);
      else if (entry.isFile()) out.push(child);
      else if (entry.isSymbolicLink() && (await stat(path.join(folder, child)).catch(() => undefined))?.isFile())
        out.push(child);
    }
  };
  await visit("");
  return out;
}
