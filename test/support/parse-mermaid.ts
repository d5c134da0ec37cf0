import { JSDOM } from "jsdom";

type Mermaid = (typeof import("mermaid"))["default"];
let loaded: Promise<Mermaid> | undefined;

/**
 * Mermaid's own parser, as GitHub's renderer runs it. Mermaid sanitizes labels with DOMPurify, which needs a window
 * when the module loads, so a jsdom window is installed first (once per test file).
 */
function loadMermaid(): Promise<Mermaid> {
  loaded ??= (async () => {
    const { window } = new JSDOM("<!doctype html><html><body></body></html>");
    Object.assign(globalThis, { window, document: window.document });
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
