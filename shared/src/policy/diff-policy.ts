import type { PolicyDifference } from "../core/result-base.js";

/**
 * Key-level differences between two policy documents, base → head, sorted by key path. Leaves are
 * compared by their JSON text, so `0.8` and `0.80` are equal and a reordered mapping is no change.
 */
export function diffPolicy(base: unknown, head: unknown): PolicyDifference[] {
  const before = leaves(base);
  const after = leaves(head);
  const paths = [...new Set([...before.keys(), ...after.keys()])].sort();
  return paths
    .filter((path) => before.get(path) !== after.get(path))
    .map((path) => ({ path, base: before.get(path), head: after.get(path) }));
}

function leaves(document: unknown): Map<string, string> {
  const out = new Map<string, string>();
  const visit = (node: unknown, path: string) => {
    if (node !== null && typeof node === "object" && !Array.isArray(node)) {
      const entries = Object.entries(node);
      if (entries.length === 0) out.set(path, "{}");
      for (const [key, child] of entries) visit(child, path === "" ? key : `${path}.${key}`);
      return;
    }
    out.set(path, JSON.stringify(node) ?? "null");
  };
  visit(document, "");
  return out;
}
