import { InputError } from "../core/modelgate-error.js";

/**
 * GTO 1.10's name grammar (gto/constants.py `name`): letters, digits, "-", "_" and "/", starting and ending with a
 * letter or digit. Stage names follow it; model names may add GTO's `dirname:` prefix.
 */
export const NAME_PATTERN = "[a-zA-Z0-9](?:[a-zA-Z0-9/_-]*[a-zA-Z0-9])?";
/** GTO's `dirname` (gto/constants.py): the folder part of `dirname:name`. */
const DIRNAME_PATTERN = "[a-zA-Z0-9_./-]+";
/** A model name as GTO's `fullname`: `[dirname:]name`. */
export const MODEL_PATTERN = `(?:${DIRNAME_PATTERN}:)?${NAME_PATTERN}`;
/** A model name as it appears in a tag: GTO writes the `:` of `dirname:name` as `=`. */
export const MODEL_IN_TAG_PATTERN = `(?:${DIRNAME_PATTERN}=)?${NAME_PATTERN}`;

const NAME_RE = new RegExp(`^${NAME_PATTERN}$`);
const MODEL_RE = new RegExp(`^${MODEL_PATTERN}$`);

const NAME_RULE = `letters, digits, "-", "_" and "/", starting and ending with a letter or digit (GTO's name grammar [a-zA-Z0-9]([a-zA-Z0-9-/_]*[a-zA-Z0-9])?)`;

/** `dirname:name` -> `dirname=name`, as GTO spells a model inside a tag (gto/constants.py `name_to_tag`). */
export function modelToTag(model: string): string {
  return model.replace(":", "=");
}

/** `dirname=name` -> `dirname:name` (gto/constants.py `tag_to_name`). */
export function tagToModel(text: string): string {
  return text.replace("=", ":");
}

/**
 * Why a model's tag form cannot be a git ref (git-check-ref-format: no "//", no "..", no component starting with "."
 * or ending with ".lock"); undefined when it can. GTO's grammar allows such names, but no tag can carry them.
 */
export function refNameProblem(model: string): string | undefined {
  const inTag = modelToTag(model);
  if (inTag.includes("//")) return `it contains "//"`;
  if (inTag.includes("..")) return `it contains ".."`;
  for (const part of inTag.split("/")) {
    if (part.startsWith(".")) return `its path part "${part}" starts with "."`;
    if (part.endsWith(".lock")) return `its path part "${part}" ends with ".lock"`;
  }
  return undefined;
}

/** True when `name` is a stage name (GTO's `name`) that git can carry in a tag. */
export function isStageName(name: string): boolean {
  return NAME_RE.test(name) && !name.includes("//");
}

/** True when `name` is a model name (GTO's `fullname`, `[dirname:]name`) that git can carry in a tag. */
export function isModelName(name: string): boolean {
  return MODEL_RE.test(name) && refNameProblem(name) === undefined;
}

/** True when `name` follows GTO's grammar for `kind` (model: `[dirname:]name`; stage: `name`). */
export function isRegistryName(name: string, kind: "model" | "stage" = "model"): boolean {
  return kind === "model" ? isModelName(name) : isStageName(name);
}

/**
 * Returns `name` when it is a valid model or stage name.
 * @throws InputError naming the input and GTO's grammar.
 */
export function requireRegistryName(name: string, input: "model" | "stage"): string {
  if (isRegistryName(name, input)) return name;
  const gitProblem =
    input === "model" && MODEL_RE.test(name)
      ? refNameProblem(name)
      : input === "stage" && NAME_RE.test(name)
        ? `it contains "//"`
        : undefined;
  if (gitProblem) {
    throw new InputError(
      `Input "${input}" is "${name}", which GTO's grammar allows but git cannot carry in a tag: ${gitProblem}.`,
      `Choose a ${input} name without "//", "..", a path part starting with "." or ending with ".lock".`,
      { input },
    );
  }
  throw new InputError(
    `Input "${input}" is "${name}", which is not a valid ${input} name.`,
    input === "model"
      ? `Use ${NAME_RULE}, optionally after a folder prefix "dirname:" (e.g. churn, Churn_Model, models/churn:classifier).`
      : `Use ${NAME_RULE} (e.g. prod, Prod, canary-eu).`,
    { input },
  );
}
