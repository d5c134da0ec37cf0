import { ModelgateError } from "../core/modelgate-error.js";
import type { Command } from "./commands.js";
import { EXIT, UsageError } from "./commands.js";
import { biasCommand } from "./bias-command.js";
import { demoCommand } from "./demo-command.js";
import { evaluateCommand } from "./evaluate-command.js";
import { inferSchemaCommand } from "./infer-schema-command.js";
import { profileCommand } from "./profile-command.js";
import { previewCommand } from "./preview-command.js";
import { promoteCommand } from "./promote-command.js";
import { publishCommand } from "./publish-command.js";
import { registryCommand } from "./registry-command.js";
import { rollbackCommand } from "./rollback-command.js";
import { shadowCommand } from "./shadow-command.js";
import { trainCommand } from "./train-command.js";
import { validateCommand } from "./validate-command.js";

const COMMANDS: readonly Command[] = [
  validateCommand,
  inferSchemaCommand,
  profileCommand,
  trainCommand,
  evaluateCommand,
  biasCommand,
  shadowCommand,
  promoteCommand,
  rollbackCommand,
  registryCommand,
  publishCommand,
  previewCommand,
  demoCommand,
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
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`modelgate: unknown command "${name}".\n\n${HELP}`);
    return EXIT.usage;
  }
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
