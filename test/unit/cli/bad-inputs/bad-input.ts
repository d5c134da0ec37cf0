import type { CliRun } from "../../../support/run-cli-in-process.js";

/** The rows of the sweep's closing table: every case belongs to one. */
export const INPUT_CLASSES = [
  "policy syntax",
  "policy values",
  "prototype names",
  "metrics files",
  "tables",
  "flags",
  "paths",
  "registry",
  "hostile text",
] as const;
export type InputClass = (typeof INPUT_CLASSES)[number];

/**
 * One bad input and the refusal it must get. `exit` 2 is a usage error (the usage is printed); 1 means the command
 * cannot decide or a check fails, with the problem and its fix; 0 is allowed only for inputs the command accepts
 * with a warning the report shows (`names` are then the warning's words).
 */
export interface BadInput {
  kind: InputClass;
  /** The condition, as it reads after "when". */
  when: string;
  /** The command line after `modelgate`. */
  argv: string[];
  /** Files of the working folder the command runs in. */
  files?: Record<string, string | Uint8Array>;
  /** Make the folder a git repository with one commit of its files (registry commands need one). */
  git?: boolean;
  exit: 0 | 1 | 2;
  /** What the message must name: the file, the key or flag, what is wrong. */
  names: Array<string | RegExp>;
}

/** How a run measured up to its case: each field the closing table counts. */
export interface Judgement {
  clear: boolean;
  silentPass: boolean;
  stackTrace: boolean;
  breakout: string | undefined;
  missing: string[];
  fixShown: boolean;
  /** The words searched for the names: the result's error, failed checks and notes, or the raw output. */
  message: string;
}

interface ResultLike {
  schema?: string;
  verdict?: string;
  error?: { message: string; hint: string; file?: string; path?: string };
  checks?: Array<{ name?: string; verdict: string; message?: string }>;
  notes?: string[];
  report_markdown?: string;
}

const STACK_FRAME = /^\s+at \S.*(:\d+:\d+\)?|<anonymous>)$/m;

/** Judges one run against its case: the shape every refusal must have. */
export function judgeRun(c: BadInput, run: CliRun): Judgement {
  const result = parseResult(run.stdout);
  const message = result ? describeResult(result) : `${run.stdout}\n${run.stderr}`;
  const missing = c.names
    .filter((name) => !(typeof name === "string" ? message.includes(name) : name.test(message)))
    .map(String);
  const stackTrace =
    STACK_FRAME.test(run.stdout) ||
    STACK_FRAME.test(run.stderr) ||
    /internal error/i.test(`${run.stdout}${run.stderr}`);
  const fixShown =
    c.exit === 2
      ? run.stderr.includes("Usage: modelgate")
      : c.exit === 0
        ? true
        : Boolean(result?.error?.hint) ||
          /Fix: \S/.test(message) ||
          /\nFix: \S/.test(run.stderr) ||
          decidedFail(result);
  const breakout = result?.report_markdown === undefined ? undefined : findMarkdownBreakout(result.report_markdown);
  const silentPass = run.exitCode === 0 && (c.exit !== 0 || missing.length > 0);
  const clear = run.exitCode === c.exit && missing.length === 0 && fixShown && !stackTrace && breakout === undefined;
  return { clear, silentPass, stackTrace, breakout, missing, fixShown, message };
}

/** A gate that decided and failed a check: the check's message is the verdict's reason, not a refusal to mend. */
function decidedFail(result: ResultLike | undefined): boolean {
  return (
    result !== undefined &&
    result.error === undefined &&
    (result.checks ?? []).some((check) => check.verdict === "fail" && Boolean(check.message))
  );
}

function parseResult(stdout: string): ResultLike | undefined {
  if (!stdout.trimStart().startsWith("{")) return undefined;
  try {
    const parsed = JSON.parse(stdout) as ResultLike;
    return parsed.schema === "modelgate.result/v1" ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function describeResult(result: ResultLike): string {
  const parts: string[] = [];
  if (result.error)
    parts.push(
      `${result.error.message} Fix: ${result.error.hint}`,
      `file: ${result.error.file ?? ""}`,
      `path: ${result.error.path ?? ""}`,
    );
  for (const check of result.checks ?? [])
    if (check.verdict !== "pass") parts.push(`${check.name ?? ""}: ${check.message ?? ""}`);
  parts.push(...(result.notes ?? []));
  return parts.join("\n");
}

/** The payload hostile-text cases put in names: each part aims at one piece of markdown or HTML. */
export const HOSTILE =
  "x\n# INJECTED <script>alert(1)</script> </details> [link](javascript:alert(1)) @octocat GH-1 #2 \u202egnp.exe";

/**
 * What an untrusted string did to the report, if anything: a raw HTML tag, a heading, a script link or a mention
 * of its own, or a fold it closed. Undefined when the markdown holds nothing the report did not write itself.
 */
export function findMarkdownBreakout(markdown: string): string | undefined {
  if (/<(script|img|iframe|svg|a)\b/i.test(markdown)) return "raw HTML";
  if (/^\s{0,3}#{1,6}\s[^\n]*INJECTED/m.test(markdown)) return "a heading of its own";
  if (/\]\(javascript:/i.test(markdown)) return "a javascript: link";
  if (/(^|[^\w\u200b`])@octocat/.test(markdown)) return "a mention";
  // Code spans and fences are inert; outside them, GH-1 and #2 would link (and cross-reference) an issue.
  const prose = markdown.replace(/^```[^\n]*\n[\s\S]*?^```$/gm, "").replace(/`[^`\n]*`/g, "");
  if (/(^|[^\w\u200b&])(GH-\d|#\d)/i.test(prose)) return "an issue reference";
  if (/\p{Bidi_Control}/u.test(markdown)) return "a bidi control";
  const opened = markdown.match(/<details>/g)?.length ?? 0;
  const closed = markdown.match(/<\/details>/g)?.length ?? 0;
  if (opened !== closed) return "a fold closed early";
  return undefined;
}
