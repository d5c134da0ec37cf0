import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { GITHUB_MERMAID_VERSION, loadPreviewAssets } from "../../../shared/src/cli/load-preview-assets.js";

const root = path.resolve(import.meta.dirname, "../../..");
const json = (file: string) =>
  JSON.parse(readFileSync(path.join(root, file), "utf8")) as Record<string, Record<string, string>>;

describe("loadPreviewAssets", () => {
  it("pins package.json's mermaid to exactly the version the page says github.com serves", () => {
    expect(json("package.json").devDependencies!.mermaid).toBe(GITHUB_MERMAID_VERSION);
    expect(json("node_modules/mermaid/package.json").version).toBe(GITHUB_MERMAID_VERSION);
  });

  it("reads GitHub's markdown CSS and the Mermaid bundle from node_modules when run from source", () => {
    const assets = loadPreviewAssets();
    expect(assets.mermaidVersion).toBe(GITHUB_MERMAID_VERSION);
    expect(assets.markdownCss).toContain(".markdown-body");
    expect(assets.mermaidScript).toContain(`"${GITHUB_MERMAID_VERSION}"`);
    expect(assets.mermaidScript.length).toBeGreaterThan(1_000_000);
  });
});
