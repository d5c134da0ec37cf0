import * as z from "zod/mini";
import { BYTE_SIZE_PATTERN, parseByteSize } from "./byte-size.js";
import { InputError } from "./modelgate-error.js";

/** Reads one input by its kebab-case name; "" when unset (as @actions/core's getInput does). */
export type GetInput = (name: string) => string;

/** Keys safe inside a comment marker, a file name and a check name. */
export const KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._/:-]{0,99}$/;

/** An action input that takes YAML 1.2 booleans only, like @actions/core's getBooleanInput. */
export const booleanInput = z.pipe(
  z.enum(["true", "True", "TRUE", "false", "False", "FALSE"]),
  z.transform((value: "true" | "True" | "TRUE" | "false" | "False" | "FALSE") => value.toLowerCase() === "true"),
);

/** A size input: whole bytes or a number with a unit (`1MiB`, `512 KiB`, `2 GB`), as bytes. */
export const byteSizeInput = z.pipe(
  z.string().check(
    z.regex(BYTE_SIZE_PATTERN),
    z.refine((text) => parseByteSize(text) !== undefined, "must be at least 1 byte"),
  ),
  z.transform((text: string) => parseByteSize(text)!),
);

/** The largest policy file a gate reads, by default: a policy is configuration (20,000 metric rules are 1 MB). */
export const DEFAULT_POLICY_MAX_BYTES = 2 ** 20;

/** Inputs every gate shares (contract §2), by their kebab-case names. */
export const CommonInputShape = {
  policy: z._default(z.string(), "modelgate.yml"),
  "policy-source": z._default(z.enum(["base", "head"]), "base"),
  // Checked before the policy is read or parsed.
  "policy-max-bytes": z._default(byteSizeInput, DEFAULT_POLICY_MAX_BYTES),
  "github-token": z.optional(z.string()),
  comment: z._default(z.enum(["auto", "always", "never"]), "auto"),
  "comment-author": z.optional(z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9-]*(\[bot\])?$/))),
  key: z.optional(z.string().check(z.regex(KEY_PATTERN))),
  "fail-on": z._default(z.enum(["fail", "warn", "never"]), "fail"),
  "result-path": z.optional(z.string()),
  "check-run": z._default(booleanInput, false),
} as const;

type Camel<S extends string> = S extends `${infer H}-${infer T}` ? `${H}${Capitalize<Camel<T>>}` : S;
type CamelKeys<T> = { [K in keyof T as K extends string ? Camel<K> : K]: T[K] };

/**
 * Reads every input a shape names, maps "" to undefined (zod applies defaults only to undefined),
 * parses them with one schema and returns camelCase keys.
 * @throws InputError naming the input, its value, what is allowed and where to fix it.
 */
export function parseInputs<Shape extends z.core.$ZodShape>(
  shape: Shape,
  getInput: GetInput,
): CamelKeys<z.infer<z.ZodMiniObject<Shape>>> {
  const raw: Record<string, string | undefined> = {};
  for (const name of Object.keys(shape)) {
    const value = getInput(name).trim();
    raw[name] = value === "" ? undefined : value;
  }
  const parsed = z.object(shape).safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? "");
    throw new InputError(
      `Input "${name}" is ${JSON.stringify(raw[name] ?? "")}: ${describeAllowed(issue)}.`,
      `Set ${name} in the step's with: block.`,
      { input: name },
    );
  }
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(parsed.data))
    out[name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())] = value;
  return out as CamelKeys<z.infer<z.ZodMiniObject<Shape>>>;
}

function describeAllowed(issue: z.core.$ZodIssue): string {
  if (issue.code === "invalid_value") return `allowed: ${issue.values.join(", ")}`;
  if (issue.code === "invalid_format" && issue.format === "regex") return `it must match ${issue.pattern}`;
  if (issue.code === "invalid_type" && issue.input === undefined) return "it is required";
  return issue.message;
}
