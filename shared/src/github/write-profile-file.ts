import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { resolveInputPath } from "../data/files/resolve-input-path.js";
import { toCanonicalJson } from "../core/canonical-json.js";
import type { Profile } from "../validate/profile/profile-schema.js";
import type { RunContext } from "./read-run-context.js";

/**
 * Writes the data's profile (canonical JSON) to `profile-path`, or RUNNER_TEMP/modelgate/validate-data-<key>.profile.json,
 * for `modelgate profile merge` across shards. Returns the path.
 */
export function writeProfileFile(
  profile: Profile,
  key: string,
  profilePath: string | undefined,
  context: Pick<RunContext, "workspace" | "runnerTemp">,
): string {
  const file = profilePath
    ? resolveInputPath(
        profilePath,
        { workspace: context.workspace, allowedRoots: [context.workspace, context.runnerTemp] },
        "profile-path",
      )
    : path.join(context.runnerTemp, "modelgate", `validate-data-${key.replace(/[^A-Za-z0-9._-]/g, "_")}.profile.json`);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, toCanonicalJson(profile));
  return file;
}
