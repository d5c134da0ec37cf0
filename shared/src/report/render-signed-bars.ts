import { cutText } from "../core/cut-text.js";
import { sanitizeTerminalText } from "./escape-markdown.js";

/** One bar of a signed chart: a name (metric, slice, group) and its signed value (a change, a gap). */
export interface SignedBar {
  label: string;
  value: number;
}

export interface SignedBarOptions {
  /** How the value beside each bar is printed (formatPercent, formatSigned, …). */
  format: (value: number) => string;
  /**
   * The largest |value| the scale spans; longer bars are cut at the edge and marked « or », their value still printed
   * beside them. Undefined: the largest |value| shown. One outlier (+636%) thus cannot flatten every other bar.
   */
  cap?: number;
  /** A fixed scale (the |value| a full bar stands for), for charts that must share one; overrides `cap`. */
  scale?: number;
  /** Characters per side of the zero axis. Default 20. */
  width?: number;
  /** Longest label, in characters; longer ones are cut with "…" (and numbered when two would read alike). Default 24. */
  labelWidth?: number;
  /** Bars drawn at most, in the order given (callers put the worst first). Default 30. */
  maxBars?: number;
}

const EIGHTHS = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];

/**
 * A diverging bar chart of signed values, in plain text: one line per row, a bar growing left of the zero axis "│"
 * for a negative value and right of it for a positive one, every bar on one linear scale (|value| / scale × width
 * characters, in eighths on the right, in halves on the left where Unicode has no finer right-aligned blocks), then
 * the value as `options.format` prints it. Zero is always the visible axis, never the bottom of a frame: a −2.8%
 * change is a short bar left of the axis, a zero gap no bar at all, and any nonzero value at least a thin mark. The
 * first line is the scale. Non-finite rows are left out; [] when none is left. Labels are terminal-safe and hold no
 * backtick, so the lines can go into a fenced code block (GitHub, e-mail) unchanged.
 */
export function renderSignedBars(rows: readonly SignedBar[], options: SignedBarOptions): string[] {
  const shown = rows.filter((row) => Number.isFinite(row.value)).slice(0, options.maxBars ?? 30);
  if (shown.length === 0) return [];
  const width = options.width ?? 20;
  const largest = Math.max(...shown.map((row) => Math.abs(row.value)));
  const scale =
    options.scale !== undefined && options.scale > 0
      ? options.scale
      : options.cap !== undefined && options.cap > 0
        ? Math.min(options.cap, largest)
        : largest;
  const labels = toShortLabels(
    shown.map((row) => row.label),
    options.labelWidth ?? 24,
  );
  const labelWidth = Math.max(...labels.map((label) => [...label].length));
  const axis = `${"".padEnd(labelWidth)}  ${options.format(-scale).padStart(width)}│${options.format(scale).padStart(width)}`;
  const lines = shown.map((row, i) => {
    const cut = scale > 0 && Math.abs(row.value) > scale;
    const share = scale === 0 ? 0 : Math.min(1, Math.abs(row.value) / scale);
    const left = row.value < 0 ? leftBar(share, width, cut) : "";
    const right = row.value > 0 ? rightBar(share, width, cut) : "";
    return `${labels[i]!.padEnd(labelWidth)}  ${left.padStart(width)}│${right.padEnd(width)}  ${options.format(row.value)}`.trimEnd();
  });
  return [axis.trimEnd(), ...lines];
}

/** `renderSignedBars` as a fenced block for markdown: the same characters on GitHub, in e-mail and in a terminal. */
export function renderSignedBarsBlock(
  title: string,
  rows: readonly SignedBar[],
  options: SignedBarOptions,
): string | undefined {
  const lines = renderSignedBars(rows, options);
  if (lines.length === 0) return undefined;
  return `${title}\n\n\`\`\`text\n${lines.join("\n")}\n\`\`\``;
}

function rightBar(share: number, width: number, cut: boolean): string {
  if (cut) return `${"█".repeat(width - 1)}»`;
  const eighths = Math.max(1, Math.round(share * width * 8));
  return "█".repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8]!;
}

function leftBar(share: number, width: number, cut: boolean): string {
  if (cut) return `«${"█".repeat(width - 1)}`;
  const halves = Math.round(share * width * 2);
  if (halves === 0) return "▕";
  return (halves % 2 === 1 ? "▐" : "") + "█".repeat(Math.floor(halves / 2));
}

/**
 * Labels as a chart shows them: terminal-safe, no backtick (it could close the code fence), at most `max`
 * characters ("…" marks a cut), and distinct: labels that read alike after the cut get " #2", " #3".
 */
export function toShortLabels(labels: readonly string[], max: number): string[] {
  const short = labels.map((label) => {
    const clean = sanitizeTerminalText(label, 200).replace(/`/g, "'");
    return cutText(clean, max);
  });
  const seen = new Map<string, number>();
  return short.map((label) => {
    const count = (seen.get(label) ?? 0) + 1;
    seen.set(label, count);
    return count === 1 ? label : `${label} #${count}`;
  });
}
