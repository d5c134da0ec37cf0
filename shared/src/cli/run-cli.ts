import { ModelgateError } from "../core/modelgate-error.js";
import type { CommandEntry } from "./commands.js";
import { EXIT, UsageError } from "./commands.js";

/**
 * Every command by its name and summary (the help lists them), each loaded only when it runs: a command's module
 * brings the code of its gate, so loading all of them made every command start by compiling every other's.
 */
const COMMANDS: readonly CommandEntry[] = [
  {
    name: "validate",
    summary: "check a data file's schema, quality and drift under modelgate.yml (validate-data)",
    load: async () => (await import("./validate-command.js")).validateCommand,
  },
  {
    name: "infer-schema",
    summary: "write a starting data: schema for modelgate.yml from a data file",
    load: async () => (await import("./infer-schema-command.js")).inferSchemaCommand,
  },
  {
    name: "profile",
    summary: "build and merge mergeable data profiles (sharded data too big for one runner)",
    load: async () => (await import("./profile-command.js")).profileCommand,
  },
  {
    name: "train",
    summary: "run a training command with a pinned seed and write its lineage manifest (train-reproducibly)",
    load: async () => (await import("./train-command.js")).trainCommand,
  },
  {
    name: "evaluate",
    summary: "judge a candidate's metrics against a baseline under modelgate.yml (evaluate-gate)",
    load: async () => (await import("./evaluate-command.js")).evaluateCommand,
  },
  {
    name: "bias",
    summary: "judge a candidate's fairness per group under modelgate.yml (bias-check)",
    load: async () => (await import("./bias-command.js")).biasCommand,
  },
  {
    name: "shadow",
    summary: "compare a shadow model's log with production's on the same requests (shadow-compare)",
    load: async () => (await import("./shadow-command.js")).shadowCommand,
  },
  {
    name: "promote",
    summary: "register a model version and assign it to a stage, on the gates' evidence (local git or --repo)",
    load: async () => (await import("./promote-command.js")).promoteCommand,
  },
  {
    name: "rollback",
    summary: "move a stage back to an earlier version after verifying its artifacts (local git or --repo)",
    load: async () => (await import("./rollback-command.js")).rollbackCommand,
  },
  {
    name: "registry",
    summary: "read the git-native model registry: list, show, history, verify",
    load: async () => (await import("./registry-command.js")).registryCommand,
  },
  {
    name: "publish",
    summary: "post a finished pull_request run's result artifacts as PR comments (publish-reports)",
    load: async () => (await import("./publish-command.js")).publishCommand,
  },
  {
    name: "preview",
    summary: "render result JSONs or markdown reports as one HTML page, as GitHub shows them",
    load: async () => (await import("./preview-command.js")).previewCommand,
  },
  {
    name: "demo",
    summary: "run the gates on the built-in example and show what a reviewer sees",
    load: async () => (await import("./demo-command.js")).demoCommand,
  },
];

const HELP = `modelgate: put ML models through the same discipline as code.

Usage: modelgate <command> [options]     modelgate <command> --help

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`).join("\n")}

A flag takes one value: given twice it is a usage error (exit 2), unless the command's help marks it repeatable.
`;

/**
 * Runs one `modelgate` command line (without the node and script arguments) and returns its exit code: the usage
 * on a usage error (exit 2), the message and its fix for an error the user can fix (exit 1), never a stack trace
 * as the only message.
 */
export async function runCli(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name) {
    // No command is a usage error: the help goes where errors go.
    process.stderr.write(HELP);
    return EXIT.usage;
  }
  if (name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(HELP);
    return EXIT.ok;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  if (!entry) {
    process.stderr.write(`modelgate: unknown command "${name}".\n\n${HELP}`);
    return EXIT.usage;
  }
  const command = await entry.load();
  // Only flags before "--" ask for help: train's command after it may take a --help of its own.
  const flags = rest.includes("--") ? rest.slice(0, rest.indexOf("--")) : rest;
  if (flags.includes("--help") || flags.includes("-h")) {
    process.stdout.write(`${command.usage}\n`);
    return EXIT.ok;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      process.stderr.write(`modelgate ${name}: ${(error as Error).message}\n\n${command.usage}\n`);
      return EXIT.usage;
    }
    if (error instanceof ModelgateError) {
      process.stderr.write(`modelgate ${name}: ${error.message}\nFix: ${error.hint}\n`);
      return EXIT.fail;
    }
    process.stderr.write(
      `modelgate ${name}: internal error, please report it: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return EXIT.fail;
  }
}
