import type { RegistryStore } from "./registry-store.js";
import { parseRegistryTag } from "./registry-tags.js";

/** Every model that has a version or stage tag, sorted. */
export async function listModels(store: RegistryStore): Promise<string[]> {
  const tags = await store.listTags("");
  const models = new Set<string>();
  for (const tag of tags) {
    const parsed = parseRegistryTag(tag.name);
    if (parsed && parsed.kind !== "artifact") models.add(parsed.model);
  }
  return [...models].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
