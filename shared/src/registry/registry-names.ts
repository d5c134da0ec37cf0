import { InputError } from "../errors/modelgate-error.js";

/** GTO's name grammar (contract §5), shared by model and stage names. */
export const NAME_PATTERN = "[a-z0-9](?:[a-z0-9/-]*[a-z0-9])?";
const NAME_RE = new RegExp(`^${NAME_PATTERN}$`);

/** True when `name` follows GTO's name grammar. */
export function isRegistryName(name: string): boolean {
  return NAME_RE.test(name) && !name.includes("//");
}

/**
 * Returns `name` when it is a valid model or stage name.
 * @throws InputError naming the input and the grammar.
 */
export function requireRegistryName(name: string, input: "model" | "stage"): string {
  if (!isRegistryName(name)) {
    throw new InputError(
      `Input "${input}" is "${name}", which is not a valid ${input} name.`,
      `Use lower-case letters, digits, "-" and "/", starting and ending with a letter or digit (GTO's grammar [a-z0-9]([a-z0-9-/]*[a-z0-9])?).`,
      { input },
    );
  }
  return name;
}
