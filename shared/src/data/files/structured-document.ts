/** A parsed JSON or YAML document that can say on which line a key path sits. */
export interface StructuredDocument {
  value: unknown;
  /** 1-based line of the node at `path`, or of its nearest existing ancestor. */
  lineOf(path: ReadonlyArray<string | number>): number | undefined;
}
