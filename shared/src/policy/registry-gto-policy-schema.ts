import * as z from "zod/mini";

/**
 * The `registry:` keys that keep the registry GTO-compatible (contract §5). Other `registry:` keys (promotion
 * rules) have schemas of their own; this object lists only these two so the section's schema can spread them.
 */
export const REGISTRY_GTO_KEYS = {
  /** `one` (default): a commit carries one version of a model, as GTO requires. `many`: scheduled retrains on an
   * unchanged commit may register further versions; GTO's show and history then fail for the model (ManyVersions). */
  "versions-per-commit": z.optional(z.enum(["one", "many"])),
  /** Tags written outside modelgate (GTO, `git tag -a`) are always read, with no gate evidence; `registry verify`
   * fails on them unless this is true. */
  "allow-foreign-tags": z.optional(z.boolean()),
};

/** What the registry reads from those keys, with their defaults. */
export interface RegistryGtoPolicy {
  versionsPerCommit: "one" | "many";
  allowForeignTags: boolean;
}

/** The GTO keys of a parsed `registry:` section (or none), with defaults. */
export function toRegistryGtoPolicy(section: { "versions-per-commit"?: "one" | "many" | undefined; "allow-foreign-tags"?: boolean | undefined } | undefined): RegistryGtoPolicy {
  return { versionsPerCommit: section?.["versions-per-commit"] ?? "one", allowForeignTags: section?.["allow-foreign-tags"] ?? false };
}
