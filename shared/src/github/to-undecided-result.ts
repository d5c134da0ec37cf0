import type { ModelgateError } from "../core/modelgate-error.js";
import type { ActionName, UndecidedResult } from "../core/result-base.js";

/** A handler's error as a publishable `fail` (style rule 6: cannot decide is a fail with a reason). */
export function toUndecidedResult(action: ActionName, key: string, error: ModelgateError): UndecidedResult {
  const located = Object.fromEntries(
    Object.entries({ input: error.input, file: error.file, path: error.path, line: error.line }).filter(
      ([, v]) => v !== undefined,
    ),
  );
  return { action, key, verdict: "fail", checks: [], error: { message: error.message, hint: error.hint, ...located } };
}
