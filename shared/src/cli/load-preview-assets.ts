import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ModelgateError } from "../core/modelgate-error.js";
import type { PreviewAssets } from "../report/html/render-preview-page.js";

/**
 * The Mermaid version github.com draws charts with, as its own `info` chart reported it (see README, decisions).
 * package.json pins the `mermaid` dev dependency to exactly this version; a test keeps the two equal.
 */
export const GITHUB_MERMAID_VERSION = "11.12.0";

/** The files a preview page inlines, as the build copies them beside the CLI bundle (`preview-assets/`). */
export const PREVIEW_ASSET_FILES = [
  { name: "github-markdown-light.css", module: "github-markdown-css/github-markdown-light.css" },
  { name: "mermaid.min.js", module: "mermaid/dist/mermaid.min.js" },
] as const;

/** Where the assets are: beside the built CLI (shared/dist/cli/preview-assets), else in the checkout's node_modules. */
function findAsset(name: string, module: string): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [path.join(here, "preview-assets", name), path.resolve(here, "../../../node_modules", module)];
  const found = candidates.find((file) => existsSync(file));
  if (!found) {
    throw new PreviewAssetError(
      `The preview page needs ${module}, found neither beside the CLI nor in node_modules (looked in ${candidates.join(", ")}).`,
      "Run `npm ci` in the modelgate checkout, then `npm run build` (or `node shared/tools/build.mjs cli`): the build copies the preview assets beside the CLI.",
    );
  }
  return found;
}

/** A preview page cannot be built: its inlined assets are missing or not the pinned versions. */
export class PreviewAssetError extends ModelgateError {}

/**
 * Reads GitHub's markdown CSS and the Mermaid bundle the preview page inlines, refusing a Mermaid bundle that is
 * not the version github.com serves (the page would then show charts GitHub might not).
 * @throws PreviewAssetError naming the file and the fix.
 */
export function loadPreviewAssets(): PreviewAssets {
  const [css, mermaid] = PREVIEW_ASSET_FILES.map(({ name, module }) => ({ file: findAsset(name, module), module }));
  const mermaidScript = readFileSync(mermaid!.file, "utf8");
  if (!mermaidScript.includes(`"${GITHUB_MERMAID_VERSION}"`)) {
    throw new PreviewAssetError(
      `${mermaid!.file} is not Mermaid ${GITHUB_MERMAID_VERSION}, the version github.com serves.`,
      `Run \`npm ci\` (package.json pins mermaid to ${GITHUB_MERMAID_VERSION}), then rebuild the CLI.`,
      { file: mermaid!.file },
    );
  }
  return { markdownCss: readFileSync(css!.file, "utf8"), mermaidScript, mermaidVersion: GITHUB_MERMAID_VERSION };
}
