import type * as z from "zod/mini";
import { DataError } from "../core/modelgate-error.js";
import { worstVerdict, verdictOrder } from "../core/verdict.js";
import { PublishedResultSchema } from "./published-result-schema.js";
import type { PublishedResult } from "./published-result-schema.js";

/** Where an untrusted result came from, for the error message: the artifact and the entry inside it. */
export interface ResultOrigin {
  artifact: string;
  entry: string;
}

const HINT =
  "Publish only result JSONs the modelgate actions wrote (RUNNER_TEMP/modelgate/*.json), unchanged; a result that " +
  "does not check out is never posted.";

/**
 * Parses one result JSON from an artifact, which the pull request's author controls: schema-checked against
 * the shared result shape, and consistent in itself (a verdict never better than its worst check; a result is
 * either decided, with `notes` and `policy`, or undecided, with `error`, a `fail` verdict and no checks).
 * `origin` is an artifact and its entry, or a file path.
 * @throws DataError naming the artifact, the entry and the field.
 */
export function parsePublishedResult(
  text: string,
  origin: ResultOrigin | string,
  hint: string = HINT,
): PublishedResult {
  const where = typeof origin === "string" ? origin : `${origin.artifact}:${origin.entry}`;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message.slice(0, 200) : String(error);
    throw new DataError(`Result ${where} is not valid JSON (${reason}).`, hint, { file: where });
  }
  const parsed = PublishedResultSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.map(String).join(".") || "(the document)";
    throw new DataError(
      `Result ${where} does not match modelgate.result/v1 at ${field}: ${describeIssue(issue)}.`,
      hint,
      { file: where, path: field },
    );
  }
  const result = parsed.data;
  const refuse = (reason: string, path: string) =>
    new DataError(`Result ${where} is inconsistent: ${reason}.`, hint, { file: where, path });
  if (result.error) {
    if (result.verdict !== "fail" || result.checks.length > 0)
      throw refuse("an undecided result (with error) must have verdict fail and no checks", "error");
  } else if (!result.notes || !result.policy) {
    throw refuse("a decided result must name its policy and notes", result.policy ? "notes" : "policy");
  }
  const worst = worstVerdict(result.checks.map((c) => c.verdict));
  if (verdictOrder(result.verdict) > verdictOrder(worst))
    throw refuse(`verdict ${result.verdict} is better than its worst check (${worst})`, "verdict");
  return result;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === "invalid_value") return `allowed: ${issue.values.map(String).join(", ")}`;
  if (issue.code === "invalid_type") return `expected ${issue.expected}`;
  return issue.message;
}
