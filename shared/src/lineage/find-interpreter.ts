import { accessSync, closeSync, constants, openSync, readSync, statSync } from "node:fs";
import path from "node:path";
import type { ShellWord } from "./shell-words.js";
import { singleCommandWords } from "./shell-words.js";

/** The interpreter a training command runs, found the way the command itself finds it. */
export interface Interpreter {
  kind: "python" | "node";
  /** Absolute path of the interpreter program; symbolic links are kept (a venv's python is a link). */
  path: string;
  /** Interpreter flags that change where it finds packages (Python's -I, -E, -s, -S, -P), to query it alike. */
  options: string[];
  /** Variables the command line itself sets for the interpreter (`PYTHONPATH=src python train.py`). */
  env: Record<string, string>;
}

export interface CommandContext {
  cwd: string;
  /** The environment the command runs with: its PATH decides which program a bare name is. */
  env: Readonly<Record<string, string | undefined>>;
  platform: string;
}

const PYTHON_NAME = /^(?:python|pypy)(?:\d+(?:\.\d+)*)?(?:\.exe)?$/i;
const NODE_NAME = /^(?:node|nodejs)(?:\.exe)?$/i;
/** Python flags that change sys.path (docs.python.org, "Command line and environment"). */
const PYTHON_PATH_FLAGS = "IEsSP";

/**
 * Which interpreter argv runs, or undefined when that cannot be known without guessing. Known when the
 * program (after `VAR=value` assignments, `exec`, `command` and an option-less `env`) is a Python or Node.js
 * interpreter, or a script whose `#!` line names one (directly or through `/usr/bin/env [-S]`). A bare name
 * is looked up on the command's PATH, in order, skipping entries that are not executable files (execvp).
 * `bash … -c SCRIPT` / `sh -c SCRIPT` (how the action runs `run`) count when SCRIPT is one simple command.
 */
export function findInterpreter(argv: readonly string[], context: CommandContext): Interpreter | undefined {
  const words = commandWords(argv);
  const command = words && skipPrefixes(words);
  const program = command?.rest[0];
  if (!command || !program || program.dynamic) return undefined;
  const resolved = resolveProgram(program.text, context);
  if (resolved === undefined) return undefined;
  const found = classify(resolved, command.rest.slice(1)) ?? fromShebang(resolved, context);
  return found && { ...found, env: command.assignments };
}

/** argv as words: itself, or the words of `bash|sh [options] -c SCRIPT`'s script. */
function commandWords(argv: readonly string[]): ShellWord[] | undefined {
  const literal = argv.map((text) => ({ text, dynamic: false }));
  if (!/^(?:bash|sh|dash)$/.test(path.basename(argv[0] ?? ""))) return literal;
  let command = false;
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--rcfile" || arg === "--init-file") i++;
    else if (/^[-+][a-zA-Z]+$/.test(arg)) {
      if (arg.includes("c")) command = true;
      if (/[oO]/.test(arg)) i++;
    } else if (arg.startsWith("--")) continue;
    else return command ? singleCommandWords(arg) : literal;
  }
  return undefined;
}

/** Variables whose value decides which interpreter runs or which packages it sees. */
const INTERPRETER_VARIABLE = /^(?:PATH|PYTHON\w*|VIRTUAL_ENV|CONDA_\w+|NODE_\w+)$/;

/**
 * The command after its `VAR=value` assignments, `exec`, `command` and `env`, with the assignments (they
 * reach the interpreter); undefined when PATH is assigned or an interpreter variable gets an expansion.
 */
function skipPrefixes(
  words: readonly ShellWord[],
): { rest: ShellWord[]; assignments: Record<string, string> } | undefined {
  const assignments: Record<string, string> = {};
  let i = 0;
  let afterEnv = false;
  for (; i < words.length; i++) {
    const word = words[i]!;
    const assignment = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(word.text);
    if (assignment) {
      const [, name = "", value = ""] = assignment;
      if (name === "PATH" || (word.dynamic && INTERPRETER_VARIABLE.test(name))) return undefined;
      if (!word.dynamic) assignments[name] = value;
      continue;
    }
    if (word.dynamic || afterEnv) break;
    if (word.text === "exec" || word.text === "command") continue;
    if (word.text === "env") {
      afterEnv = true;
      continue;
    }
    break;
  }
  if (afterEnv && words[i]?.text.startsWith("-")) return undefined;
  return { rest: words.slice(i), assignments };
}

/** The absolute program a name runs: a path as given (from cwd), a bare name from PATH; undefined when not found. */
export function resolveProgram(name: string, context: CommandContext): string | undefined {
  if (name.includes("/") || (context.platform === "win32" && name.includes("\\"))) {
    const absolute = path.resolve(context.cwd, name);
    return isExecutableFile(absolute, context.platform) ? absolute : undefined;
  }
  const searchPath = context.env.PATH ?? context.env.Path;
  if (searchPath === undefined) return undefined;
  const extensions =
    context.platform === "win32" ? ["", ...(context.env.PATHEXT ?? ".COM;.EXE;.BAT;.CMD").split(";")] : [""];
  for (const folder of searchPath.split(context.platform === "win32" ? ";" : ":")) {
    for (const extension of extensions) {
      const candidate = path.resolve(context.cwd, folder === "" ? "." : folder, name + extension);
      if (isExecutableFile(candidate, context.platform)) return candidate;
    }
  }
  return undefined;
}

function isExecutableFile(file: string, platform: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    if (platform !== "win32") accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function classify(program: string, args: readonly ShellWord[]): Omit<Interpreter, "env"> | undefined {
  const name = path.basename(program);
  if (NODE_NAME.test(name)) return { kind: "node", path: program, options: [] };
  if (!PYTHON_NAME.test(name)) return undefined;
  const options = pythonPathFlags(args);
  return options && { kind: "python", path: program, options };
}

/** The sys.path flags among Python's options (they end at the script, `-`, `-c` or `-m`); undefined when one is an expansion. */
function pythonPathFlags(args: readonly ShellWord[]): string[] | undefined {
  const flags = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const { text, dynamic } = args[i]!;
    if (dynamic) return undefined;
    if (text === "--" || !text.startsWith("-") || text === "-" || text.startsWith("--")) break;
    if (/^-[XW]$/.test(text)) i++;
    if (/^-[XW]/.test(text)) continue;
    const letters = text.slice(1);
    const stop = letters.search(/[cm]/);
    for (const letter of stop < 0 ? letters : letters.slice(0, stop))
      if (PYTHON_PATH_FLAGS.includes(letter)) flags.add(`-${letter}`);
    if (stop >= 0) break;
  }
  return [...flags];
}

/** A script's `#!` line (Linux passes the rest of the line as one argument; `env -S` splits it). */
function fromShebang(script: string, context: CommandContext): Omit<Interpreter, "env"> | undefined {
  const line = readFirstLine(script);
  if (!line?.startsWith("#!")) return undefined;
  const [interpreter = "", ...args] = line
    .slice(2)
    .trim()
    .split(/[ \t]+/);
  if (!path.isAbsolute(interpreter)) return undefined;
  if (path.basename(interpreter) !== "env")
    return classify(
      interpreter,
      args.map((text) => ({ text, dynamic: false })),
    );
  const envArgs =
    args[0] === "-S" ? args.slice(1) : args[0]?.startsWith("-S") ? [args[0].slice(2), ...args.slice(1)] : args;
  const rest = envArgs.filter((a) => !/^[A-Za-z_][A-Za-z0-9_]*=/.test(a));
  if (rest.length !== envArgs.length || !rest[0] || rest[0].startsWith("-")) return undefined;
  const program = resolveProgram(rest[0], context);
  return program === undefined
    ? undefined
    : classify(
        program,
        rest.slice(1).map((text) => ({ text, dynamic: false })),
      );
}

function readFirstLine(file: string): string | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, "r");
    const buffer = Buffer.alloc(256);
    const read = readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, read).toString("utf8").split(/\r?\n/)[0];
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
