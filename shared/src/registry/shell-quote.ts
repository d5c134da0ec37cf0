/** A POSIX shell word for `text`, for the repair commands the registry prints (single quotes; a quote inside is closed, escaped and reopened). */
export function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}
