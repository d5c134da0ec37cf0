import type mermaidModule from "mermaid";

type Mermaid = typeof mermaidModule;
let loaded: Promise<Mermaid> | undefined;

/**
 * Mermaid's own parser, as GitHub's renderer runs it. Mermaid sanitizes labels with DOMPurify, which needs a window
 * when the module loads: test files that use this start with the `@vitest-environment jsdom` docblock.
 */
function loadMermaid(): Promise<Mermaid> {
  if (!("window" in globalThis))
    throw new Error("parseMermaid needs a window: add `// @vitest-environment jsdom` at the top of the test file.");
  loaded ??= (async () => {
    const mermaid = (await import("mermaid")).default;
    mermaid.initialize({ startOnLoad: false });
    return mermaid;
  })();
  return loaded;
}

/** Every ```mermaid block of a markdown text, without its fences. */
export function findMermaidBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```mermaid\n([\s\S]*?)\n```$/gm)].map((match) => match[1]!);
}

/**
 * Parses one chart with Mermaid; resolves to its diagram type, rejects with Mermaid's parse error.
 * Also refuses what Mermaid would silently accept but GitHub would not show as drawn: an %%{init}%% directive.
 */
export async function parseMermaid(chart: string): Promise<string> {
  if (/%%/.test(chart)) throw new Error(`Chart contains "%%" (a comment or a directive): ${chart}`);
  const mermaid = await loadMermaid();
  const result = await mermaid.parse(chart);
  if (!result) throw new Error("mermaid.parse returned false");
  return result.diagramType;
}
