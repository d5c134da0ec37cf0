/**
 * An instant (ms since the epoch) as `Date.prototype.toISOString` writes it: `YYYY-MM-DDTHH:mm:ss.sssZ`. Years 0 to
 * 9999 are written from the date's UTC fields, since the engine's own toISOString costs about 1 ms at its first call
 * in a process (Node 20 and 24 alike), where the fields cost a few microseconds; other years (±YYYYYY) and invalid
 * times (a RangeError) are left to toISOString.
 */
export function formatIsoTime(ms: number): string {
  const date = new Date(ms);
  const year = date.getUTCFullYear();
  if (!(year >= 0 && year <= 9999)) return date.toISOString();
  return (
    `${pad(year, 4)}-${pad(date.getUTCMonth() + 1, 2)}-${pad(date.getUTCDate(), 2)}` +
    `T${pad(date.getUTCHours(), 2)}:${pad(date.getUTCMinutes(), 2)}:${pad(date.getUTCSeconds(), 2)}` +
    `.${pad(date.getUTCMilliseconds(), 3)}Z`
  );
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, "0");
}
