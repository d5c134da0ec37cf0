import type * as z from "zod/mini";
import { parseStructuredText, StructuredTextSyntaxError } from "../data/files/parse-structured-text.js";
import type { StructuredDocument } from "../data/files/parse-structured-text.js";
import { safeParseNames } from "../data/files/safe-parse-names.js";
import { PolicyError } from "../core/modelgate-error.js";
import { policySchemaFor } from "./policy-schema.js";
import type { Policy } from "./policy-schema.js";
import { readPolicyModel } from "./read-policy-model.js";
import { suggestPolicyKey } from "./suggest-policy-key.js";

/** Where a policy problem is, for the message and for a file annotation. */
export interface PolicyIssueLocation {
  path: string;
  line: number | undefined;
}

/**
 * A policy error that also carries the line it points at, and the policy's `model:` when the file
 * parsed, so a run whose policy is invalid still reports into the sticky comment keyed by that model.
 */
export class PolicyFileError extends PolicyError {
  constructor(
    message: string,
    hint: string,
    file: string,
    readonly location?: PolicyIssueLocation,
    readonly model?: string,
  ) {
    super(message, hint, { file, path: location?.path, line: location?.line });
  }
}

/**
 * Parses and validates the text of `modelgate.yml`.
 * @throws PolicyFileError naming the file, the key path (and line) and the fix, for syntax and schema errors alike.
 */
export function parsePolicy(text: string, file: string): Policy {
  return parsePolicyDocument(text, file).policy;
}

/** A valid policy with the line of each key, so annotations can point into modelgate.yml. */
export interface PolicyDocument {
  policy: Policy;
  lineOf(path: ReadonlyArray<string>): number | undefined;
}

/** `parsePolicy`, keeping the line lookup. @throws PolicyFileError */
export function parsePolicyDocument(text: string, file: string): PolicyDocument {
  let doc: StructuredDocument;
  try {
    doc = parseStructuredText(text);
  } catch (error) {
    if (!(error instanceof StructuredTextSyntaxError)) throw error;
    throw new PolicyFileError(
      `${file} is not valid YAML at line ${error.line ?? "?"}: ${error.message}.`,
      `Fix the YAML syntax of ${file}.`,
      file,
      { path: "", line: error.line },
    );
  }
  if (doc.value === null || doc.value === undefined) {
    throw new PolicyFileError(`${file} is empty.`, `Start ${file} with "version: 1" and an evaluate: section.`, file);
  }
  const parsed = safeParseNames(policySchemaFor(doc.value), doc.value, { reportInput: true });
  if (parsed.success) return { policy: parsed.data, lineOf: (path) => doc.lineOf(path) };
  const issues = parsed.error.issues;
  const first = issues[0]!;
  const location = { path: formatPath(first.path), line: doc.lineOf(first.path as (string | number)[]) };
  const sentences = issues.slice(0, 5).map((issue) => describeIssue(issue, doc));
  const more = issues.length > 5 ? ` (and ${issues.length - 5} more)` : "";
  throw new PolicyFileError(
    `${file} is not a valid modelgate policy: ${sentences.join("; ")}${more}.`,
    `Edit ${file} at the key${issues.length > 1 ? "s" : ""} named; the policy reference is in action-catalog.md.`,
    file,
    location,
    readPolicyModel(doc.value),
  );
}

function describeIssue(issue: z.core.$ZodIssue, doc: StructuredDocument): string {
  const line = doc.lineOf(issue.path as (string | number)[]);
  const at = `${formatPath(issue.path) || "(top level)"}${line ? ` (line ${line})` : ""}`;
  switch (issue.code) {
    case "unrecognized_keys": {
      const named = issue.keys.map((key) => {
        const meant = suggestPolicyKey(key, issue.path);
        return `"${key}"${meant ? ` (did you mean "${meant}"?)` : ""}`;
      });
      return `${at} has unknown key${issue.keys.length > 1 ? "s" : ""} ${named.join(", ")}`;
    }
    case "invalid_value":
      return `${at} must be one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}${issue.input === undefined ? " (missing)" : ""}`;
    case "invalid_type":
      return `${at} must be ${TYPE_NAMES[issue.expected] ?? `of type ${issue.expected}`}${describeReceived(issue.input)}`;
    case "invalid_key": {
      // A record key its schema refuses (an empty metric name): zod's own message is "Invalid input".
      const parent = issue.path.slice(0, -1);
      const parentLine = doc.lineOf(parent as (string | number)[]);
      return `${formatPath(parent) || "(top level)"}${parentLine ? ` (line ${parentLine})` : ""} has the name ${JSON.stringify(String(issue.path.at(-1)))}, but ${issue.issues[0]?.message ?? "that name is not allowed"}`;
    }
    default:
      return `${at} ${issue.message}`;
  }
}

/** zod's type names as a policy author would say them. */
const TYPE_NAMES: Readonly<Record<string, string>> = {
  number: "a number",
  record: "a mapping",
  object: "a mapping",
  array: "a list",
  string: "text",
  boolean: "true or false",
};

function describeReceived(input: unknown): string {
  if (input === undefined) return " (missing)";
  // JSON.stringify would print null for both; say which, and why a number can be infinite.
  if (typeof input === "number" && Number.isNaN(input)) return ", got .nan (not a number); give a finite number";
  if (typeof input === "number" && !Number.isFinite(input))
    return `, got ${input < 0 ? "-" : ""}infinity (.inf, or a number too large to hold, such as 1e400); give a finite number`;
  return `, got ${JSON.stringify(input)?.slice(0, 60) ?? String(input)}`;
}

function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.map(String).join(".");
}
