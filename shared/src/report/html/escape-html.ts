import { stripBidiControls } from "../strip-bidi-controls.js";

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Makes an untrusted string inert as HTML text or a quoted attribute value: the five HTML metacharacters escaped, bidi controls removed. */
export function escapeHtml(text: string): string {
  return stripBidiControls(text).replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}
