import { documentLimit, readInputFile } from "../../data/files/read-input-file.js";
import { JSON_DOCUMENT_MEMORY_SHARE } from "../../data/files/read-limits.js";
import type { FileAccess } from "../../data/files/resolve-input-path.js";
import type { NamedProfile } from "./merge-profiles.js";
import { parseProfile } from "./read-profile.js";

export { isProfileFile } from "./is-profile-file.js";

/** Reads and checks a profile JSON named by an input. */
export async function loadProfileFile(spec: string, access: FileAccess, input: string): Promise<NamedProfile> {
  const file = await readInputFile(spec, access, input, documentLimit(access, JSON_DOCUMENT_MEMORY_SHARE));
  return { file: spec, profile: parseProfile(file.text, spec) };
}
