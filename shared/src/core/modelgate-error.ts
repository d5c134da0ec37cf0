/** Where an error points: the input, file and path inside it that the user must change. */
export interface ErrorLocation {
  /** Action input name (kebab-case) or CLI flag the value came from. */
  input?: string;
  /** File the problem was found in, as the user gave it. */
  file?: string;
  /** Dotted path inside the file (a policy key path, a metric name). */
  path?: string;
  /** 1-based line in the file, when known; annotations point there. */
  line?: number;
}

/**
 * Every failure the user can fix. The message says what is wrong, `hint` says how to fix it.
 * Only `runAction` and the CLI entry catch these and turn them into one line + hint + exit code.
 */
export class ModelgateError extends Error {
  readonly hint: string;
  readonly input?: string;
  readonly file?: string;
  readonly path?: string;
  readonly line?: number;

  constructor(message: string, hint: string, location: ErrorLocation = {}, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.hint = hint;
    this.input = location.input;
    this.file = location.file;
    this.path = location.path;
    this.line = location.line;
  }
}

/** An action input or CLI flag has a value we cannot accept. */
export class InputError extends ModelgateError {}

/** `modelgate.yml` is missing, unreadable or does not match the policy schema. */
export class PolicyError extends ModelgateError {}

/** A data, metrics or predictions file is missing, unreadable or malformed. */
export class DataError extends ModelgateError {}

/** The GitHub API refused or failed a request after retries. */
export class GitHubApiError extends ModelgateError {
  readonly status?: number;

  constructor(message: string, hint: string, status?: number, options?: { cause?: unknown }) {
    super(message, hint, {}, options);
    this.status = status;
  }
}

/** Renders an error for a log line: the message, then the fix. */
export function toErrorLine(error: ModelgateError): string {
  return `${error.message} Fix: ${error.hint}`;
}
