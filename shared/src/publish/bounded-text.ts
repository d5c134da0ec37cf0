import * as z from "zod/mini";

/**
 * A string field of a published result, cut to `max` characters (the last one `…`) rather than refused: names in
 * real results come from the user's columns, paths and values, which no gate bounds, so a length limit must never
 * refuse a genuine result; the artifact's entry limits bound what a hostile one can hold, and the cut bounds what a
 * comment shows. A cut never splits a surrogate pair.
 */
export const boundedText = (max: number) =>
  z.pipe(
    z.string(),
    z.transform((value: string) => cutText(value, max)),
  );

/**
 * `value` when it fits in `max` UTF-16 units, else its first `max - 1` and `…`: a bound on what the result holds, so
 * it counts units where `core/cut-text` (GitHub's limits) counts characters.
 */
export function cutText(value: string, max: number): string {
  if (value.length <= max) return value;
  let end = max - 1;
  const last = value.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${value.slice(0, end)}…`;
}

/** An array of which the first `max` items are kept: every item is still checked (the entry limits bound them). */
export const boundedArray = <T extends z.ZodMiniType>(item: T, max: number) =>
  z.pipe(
    z.array(item),
    z.transform((items: Array<z.output<T>>) => items.slice(0, max)),
  );
