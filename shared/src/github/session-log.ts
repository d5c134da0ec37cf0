/** Where the GitHub layer reports what it could not do; a failed write is a warning, never a verdict. */
export interface SessionLog {
  warning(message: string): void;
  info(message: string): void;
  debug(message: string): void;
}
