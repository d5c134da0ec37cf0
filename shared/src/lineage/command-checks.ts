import type { Check } from "../core/check.js";
import type { CommandOutcome } from "./run-command.js";

/** The check every run has: the training command must exit 0 (bash reports a missing program as 127). */
export function commandCheck(
  outcome: Pick<CommandOutcome, "exitCode" | "signal" | "startError">,
  label = "command",
): Check {
  const ok = outcome.exitCode === 0;
  return {
    name: `${label}:exit-code`,
    metric: label,
    rule: "exit-code",
    verdict: ok ? "pass" : "fail",
    value: outcome.exitCode,
    baseline: null,
    delta: null,
    delta_pct: null,
    threshold: 0,
    message: ok ? "The training command exited 0." : describeFailure(outcome),
  };
}

function describeFailure(outcome: Pick<CommandOutcome, "exitCode" | "signal" | "startError">): string {
  if (outcome.startError !== null)
    return `The training command could not start (${outcome.startError}); check that the program exists and is executable.`;
  if (outcome.signal !== null) return `The training command was killed by ${outcome.signal}.`;
  if (outcome.exitCode === 127)
    return "The training command exited 127: a program it calls was not found (see the last lines). Install it in an earlier step or fix the name.";
  if (outcome.exitCode === 126) return "The training command exited 126: a program it calls is not executable.";
  return `The training command exited ${outcome.exitCode}; see its last lines below.`;
}
