import { randomUUID } from "node:crypto";
import { appendFileSync } from "node:fs";
import { EOL } from "node:os";
import { stripBidiControls } from "../report/strip-bidi-controls.js";

/**
 * The runner's protocol, written directly: inputs from INPUT_* variables, outputs and the job summary
 * as files, annotations as `::command::` lines on stdout (docs: "Workflow commands for GitHub Actions").
 * @actions/core does the same, but importing it loads its OIDC client and with it undici (~1 MB), which
 * measured as most of an action's cold start; nothing here needs that client.
 */

/** Where an annotation points, as the runner's `file`, `line`, `endLine`, `col`, `endColumn`, `title`. */
export interface AnnotationProperties {
  title?: string;
  file?: string;
  startLine?: number;
  endLine?: number;
  startColumn?: number;
  endColumn?: number;
}

/** An input by its action.yml name, trimmed; "" when unset (the runner sets INPUT_<NAME>, spaces as _). */
export function getInput(name: string): string {
  return (process.env[`INPUT_${name.replace(/ /g, "_").toUpperCase()}`] ?? "").trim();
}

/**
 * Sets a step output with a random heredoc delimiter, so a value with newlines cannot forge other
 * outputs (references §1.7).
 */
export function setOutput(name: string, value: string): void {
  const file = process.env.GITHUB_OUTPUT;
  if (!file) {
    process.stdout.write(`${EOL}::set-output name=${escapeProperty(name)}::${escapeData(value)}${EOL}`);
    return;
  }
  const delimiter = `ghadelimiter_${randomUUID()}`;
  if (name.includes(delimiter) || value.includes(delimiter)) throw new Error(`output ${name} contains its own delimiter`);
  appendFileSync(file, `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`, "utf8");
}

/** Masks a value in the job log from here on. */
export function setSecret(value: string): void {
  issue("add-mask", value);
}

/** Appends markdown to this step's job summary (GITHUB_STEP_SUMMARY); false when the runner gave none. */
export function appendSummary(markdown: string): boolean {
  const file = process.env.GITHUB_STEP_SUMMARY;
  if (!file) return false;
  appendFileSync(file, markdown, "utf8");
  return true;
}

export function info(message: string): void {
  process.stdout.write(`${message}${EOL}`);
}

export function debug(message: string): void {
  issue("debug", message);
}

export function warning(message: string, properties: AnnotationProperties = {}): void {
  issue("warning", message, properties);
}

export function error(message: string, properties: AnnotationProperties = {}): void {
  issue("error", message, properties);
}

function issue(command: string, message: string, properties: AnnotationProperties = {}): void {
  const fields = {
    title: properties.title,
    file: properties.file,
    line: properties.startLine,
    endLine: properties.endLine,
    col: properties.startColumn,
    endColumn: properties.endColumn,
  };
  const props = Object.entries(fields)
    .filter(([, v]) => v !== undefined && v !== "")
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(",");
  process.stdout.write(`::${command}${props ? ` ${props}` : ""}::${escapeData(message)}${EOL}`);
}

// The runner's escaping (actions/runner ActionCommand): data escapes % CR LF; properties also : and ,. Bidi
// controls go too: an annotation shows names from files, and they would make one display as something else.
function escapeData(s: string): string {
  return stripBidiControls(s).replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
