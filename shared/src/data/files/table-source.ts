/** Where a table comes from, for messages: the input that named it, the path as given, and as resolved. */
export interface TableSource {
  input: string;
  file: string;
  absolute: string;
}
