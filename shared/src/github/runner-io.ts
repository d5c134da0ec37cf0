import * as core from "@actions/core";
import { ModelgateError } from "../core/modelgate-error.js";
import * as annotations from "./runner-annotations.js";
import type { SessionLog } from "./session-log.js";

/** An input by its action.yml name, trimmed, "" when unset (as the runner sets INPUT_<NAME>). */
export const getInput = (name: string): string => core.getInput(name);

/** The job log the API edge reports to (failed API writes are warnings, never verdicts). */
export const runnerLog: SessionLog = {
  warning: (message) => annotations.warning(message),
  info: core.info,
  debug: core.debug,
};

/**
 * Fails the step on an error no result could carry: a `ModelgateError` as one annotation with its fix, anything else
 * as an internal error with the stack in the debug log.
 */
export function reportCrash(action: string, error: unknown): void {
  if (error instanceof ModelgateError) {
    annotations.error(`${error.message} Fix: ${error.hint}`, { title: `modelgate ${action}` });
  } else {
    const detail = error instanceof Error ? error.message : String(error);
    annotations.error(
      `modelgate ${action} hit an internal error: ${detail}. Please report it with the debug log (re-run with debug logging).`,
    );
    core.debug(error instanceof Error ? (error.stack ?? detail) : detail);
  }
  process.exitCode = core.ExitCode.Failure;
}
