/** Why a JSON or YAML text could not be parsed, with the line and column it points at. */
export class StructuredTextSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number | undefined,
    readonly column: number | undefined,
  ) {
    super(message);
  }
}
