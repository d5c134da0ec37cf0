import { parseCliArgs } from "./parse-cli-args.js";
import type { FileAccess } from "../data/files/resolve-input-path.js";
import { InputError } from "../core/modelgate-error.js";
import type { ActionResult } from "../report/action-result.js";
import { blocksMerge } from "../github/to-outputs.js";
import { EXIT, UsageError } from "./commands.js";
import { REPORT_FORMATS, writeReport } from "./write-report.js";

const FAIL_ON = ["fail", "warn", "never"] as const;

/** A gate's CLI command: the action's inputs as flags, read by the action's own schema, and the core that judges. */
export interface GateCommandSpec<Inputs> {
  /** Flags taking a value, named as the action's inputs. */
  flags: readonly string[];
  /** Flags without a value (`--schema-only`), passed to the schema as "true". */
  booleanFlags?: readonly string[];
  readInputs(getInput: (name: string) => string): Inputs;
  run(inputs: Inputs, access: FileAccess): Promise<ActionResult>;
}

/**
 * Runs a gate from the command line exactly as its action does: flags parsed by the action's input schema (its
 * refusals phrased for a terminal as usage errors), the same core, the result rendered as text, markdown, the
 * action's result JSON or an HTML preview page. Exit 0 when the verdict does not fail under --fail-on, 1 when it
 * does or the gate cannot decide; usage errors throw `UsageError` (exit 2).
 */
export async function runGateCommand<Inputs>(args: string[], spec: GateCommandSpec<Inputs>): Promise<number> {
  const booleans = spec.booleanFlags ?? [];
  const { values } = parseCliArgs({
    args,
    options: {
      ...Object.fromEntries(spec.flags.map((flag) => [flag, { type: "string" as const }])),
      ...Object.fromEntries(booleans.map((flag) => [flag, { type: "boolean" as const }])),
      format: { type: "string", default: "text" },
      "fail-on": { type: "string", default: "fail" },
    },
    strict: true,
    allowPositionals: false,
  });
  const format = oneOf(String(values.format), REPORT_FORMATS, "--format");
  const failOn = oneOf(String(values["fail-on"]), FAIL_ON, "--fail-on");
  const inputs = readCliInputs(spec, (name) => {
    const value = (values as Record<string, unknown>)[name];
    return typeof value === "string" ? value : value === true ? "true" : "";
  });
  const result = await spec.run(inputs, { workspace: process.cwd(), allowedRoots: [] });
  await writeReport(result, format);
  return blocksMerge(result.verdict, failOn) || "error" in result ? EXIT.fail : EXIT.ok;
}

/** The action's input schema applied to flags; its refusals become usage errors that name the flags. */
function readCliInputs<Inputs>(spec: GateCommandSpec<Inputs>, getInput: (name: string) => string): Inputs {
  try {
    return spec.readInputs(getInput);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const flags = new Set<string>([...spec.flags, ...(spec.booleanFlags ?? [])]);
    const message = error.message
      .replace(/^Inputs? /, "")
      .replace(/"([a-z]+(?:-[a-z]+)*)"/g, (quoted, name: string) => (flags.has(name) ? `--${name}` : quoted));
    throw new UsageError(message);
  }
}

/** A flag's value when it is one of `allowed`; else a usage error listing them. */
export function oneOf<T extends string>(value: string, allowed: readonly T[], flag: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flag} is "${value}"; allowed: ${allowed.join(", ")}.`);
}
