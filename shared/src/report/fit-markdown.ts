/**
 * GitHub rejects comment bodies over 65,536 characters; the budget leaves room for the marker and
 * for GitHub counting some characters differently (references §2.4).
 */
export const COMMENT_BUDGET = 60_000;

/** A block of a report. Required blocks (the verdict) are never dropped. */
export interface MarkdownBlock {
  text: string;
  /** Undefined: always kept. Otherwise dropped when over budget, lowest first. */
  dropOrder?: number;
}

/** What a block builder may be asked to shorten. */
export interface FitLimits {
  /** Rows the main table may show; Infinity for all. */
  tableRows: number;
}

export const LEFT_OUT_NOTE =
  "_Some details were left out to stay within GitHub's comment size limit; the result JSON (the `result` output) has everything._";

/**
 * Renders blocks within `budget` characters: first everything, then without droppable blocks (lowest
 * `dropOrder` first), then with fewer main-table rows (binary search), always keeping the verdict.
 */
export function fitMarkdown(build: (limits: FitLimits) => MarkdownBlock[], budget = COMMENT_BUDGET): string {
  const join = (blocks: MarkdownBlock[]) => `${blocks.map((b) => b.text).join("\n\n")}\n`;
  let blocks = build({ tableRows: Number.POSITIVE_INFINITY });
  let text = join(blocks);
  if (text.length <= budget) return text;

  const withNote = (kept: MarkdownBlock[]) => join([...kept, { text: LEFT_OUT_NOTE }]);
  const droppable = blocks.filter((b) => b.dropOrder !== undefined).sort((a, b) => a.dropOrder! - b.dropOrder!);
  for (const victim of droppable) {
    blocks = blocks.filter((b) => b !== victim);
    text = withNote(blocks);
    if (text.length <= budget) return text;
  }

  const required = (limits: FitLimits) => build(limits).filter((b) => b.dropOrder === undefined);
  let low = 0;
  let high = Math.max(0, countLines(text));
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (withNote(required({ tableRows: mid })).length <= budget) low = mid;
    else high = mid - 1;
  }
  text = withNote(required({ tableRows: low }));
  // Unreachable with escaped names capped in length; kept so the 65,536 limit can never be hit.
  return text.length <= budget ? text : `${text.slice(0, budget - 2)}…\n`;
}

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) n++;
  return n;
}
