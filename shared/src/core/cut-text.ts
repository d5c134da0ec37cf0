/**
 * Cuts text to at most `max` characters (code points, so an emoji is never split into a lone surrogate), ending
 * with `suffix` when anything was cut. GitHub counts its limits in characters.
 */
export function cutText(text: string, max: number, suffix = "…"): string {
  // `.length` counts UTF-16 units, never fewer than code points: under the limit there, it is under in code points.
  if (text.length <= max) return text;
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  const tail = Array.from(suffix);
  return chars.slice(0, Math.max(0, max - tail.length)).join("") + tail.slice(0, max).join("");
}
