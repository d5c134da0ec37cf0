import type { Element, Root } from "hast";
import { fromHtml } from "hast-util-from-html";
import { select, selectAll } from "hast-util-select";
import { toText } from "hast-util-to-text";

/** HTML parsed as a browser parses it (parse5, the HTML standard's algorithm): a fragment, or a whole document. */
export function parseHtml(html: string, options: { document?: boolean } = {}): Root {
  return fromHtml(html, { fragment: !options.document });
}

/** The first element matching a CSS selector, or throws naming it. */
export function one(selector: string, node: Root | Element): Element {
  const found = select(selector, node);
  if (!found) throw new Error(`No element matches ${selector}`);
  return found;
}

/** Every element matching a CSS selector, in document order. */
export function all(selector: string, node: Root | Element): Element[] {
  return selectAll(selector, node);
}

/** The text a node shows, as `textContent` would give it. */
export function textOf(node: Root | Element | undefined): string {
  return node ? toText(node, { whitespace: "pre" }) : "";
}

/** An attribute's value as a string ("" when absent); `name` as written in HTML (`href`, `data-verdict`). */
export function attribute(element: Element, name: string): string {
  const key = name.startsWith("data-")
    ? name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())
    : name === "http-equiv"
      ? "httpEquiv"
      : name;
  const value = element.properties[key];
  return Array.isArray(value) ? value.join(" ") : value === undefined || value === null ? "" : String(value);
}

/** Every attribute name (lower-case, as HTML writes it) on every element under `node`. */
export function attributeNames(node: Root | Element): string[] {
  return all("*", node).flatMap((element) => Object.keys(element.properties).map((key) => key.toLowerCase()));
}
