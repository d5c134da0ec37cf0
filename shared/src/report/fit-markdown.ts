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
  /** Said in place of the generic note when this block is dropped (e.g. that the plots were left out). */
  leftOut?: string;
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

  const dropped: MarkdownBlock[] = [];
  const withNote = (kept: MarkdownBlock[], shortened = false) => join([...kept, ...leftOutNotes(dropped, shortened)]);
  const droppable = blocks.filter((b) => b.dropOrder !== undefined).sort((a, b) => a.dropOrder! - b.dropOrder!);
  for (const victim of droppable) {
    blocks = blocks.filter((b) => b !== victim);
    dropped.push(victim);
    text = withNote(blocks);
    if (text.length <= budget) return text;
  }

  const required = (limits: FitLimits) => build(limits).filter((b) => b.dropOrder === undefined);
  let low = 0;
  let high = Math.max(0, countLines(text));
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (withNote(required({ tableRows: mid }), true).length <= budget) low = mid;
    else high = mid - 1;
  }
  text = withNote(required({ tableRows: low }), true);
  // Unreachable with escaped names capped in length; kept so the 65,536 limit can never be hit.
  return text.length <= budget ? text : `${text.slice(0, budget - 2)}…\n`;
}

/** The dropped blocks' own notes, then the generic note when some dropped block has none or the table was shortened. */
function leftOutNotes(dropped: readonly MarkdownBlock[], shortened: boolean): MarkdownBlock[] {
  const own = [...new Set(dropped.flatMap((b) => (b.leftOut === undefined ? [] : [b.leftOut])))];
  const generic = shortened || dropped.some((b) => b.leftOut === undefined) ? [LEFT_OUT_NOTE] : [];
  return [...own, ...generic].map((text) => ({ text }));
}

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) n++;
  return n;
}
