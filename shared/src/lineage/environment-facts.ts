import type { EnvironmentInfo, GitState } from "./manifest.js";

/**
 * A manifest's environment as flat `name → value` facts for diffs and reports. Reads manifests of earlier
 * versions too (a baseline, or one restored from the cache): `node` as a version string, `python` null or
 * without `path`, dirty files as bare paths.
 */
export function environmentFacts(environment: EnvironmentInfo): Record<string, string> {
  const env = environment as EnvironmentInfo & { node: unknown; python: unknown };
  const out: Record<string, string> = { os: `${env.os.platform} ${env.os.release}`, arch: env.arch };
  for (const [name, value] of Object.entries(env.runner)) out[`runner.${name}`] = value;
  addRuntime(out, "node", env.node, ["path", "version"]);
  addRuntime(out, "python", env.python, ["path", "executable", "version", "packages_sha256"]);
  if (env.cuda) out["cuda.driver"] = env.cuda.driver;
  if (env.container) out["container.image"] = env.container.image;
  return out;
}

function addRuntime(out: Record<string, string>, name: string, value: unknown, fields: readonly string[]): void {
  if (typeof value === "string") out[name] = value;
  else if (value !== null && typeof value === "object") {
    for (const field of fields) {
      const fact = (value as Record<string, unknown>)[field];
      if (fact !== undefined) out[`${name}.${field}`] = fact === null ? "unknown" : String(fact);
    }
  }
}

/** Dirty files as `path → sha256` ("deleted" for a removed file, "not recorded" from a manifest that kept only names). */
export function dirtyFileFacts(git: GitState | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const file of (git?.dirty_files ?? []) as ReadonlyArray<GitState["dirty_files"][number] | string>) {
    if (typeof file === "string") out[file] = "not recorded";
    else out[file.path] = file.sha256 ?? "deleted";
  }
  return out;
}
