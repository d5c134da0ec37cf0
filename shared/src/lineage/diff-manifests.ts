import { dirtyFileFacts, environmentFacts } from "./environment-facts.js";
import type { Manifest, PathDigest } from "./manifest.js";
import { ownEntry } from "../core/own-entry.js";

/** One difference between the baseline manifest and this run's, for the report. */
export interface ManifestChange {
  /** inputs, params, lockfiles, outputs, dirty files, environment, seed, command */
  section: string;
  /** The path, or the field inside environment / seed / command. */
  name: string;
  change: "added" | "removed" | "changed";
  baseline: string | null;
  current: string | null;
}

const PATH_SECTIONS = ["inputs", "params", "lockfiles", "outputs"] as const;

/** What changed since the baseline manifest: per path by digest (dirty files too), and per environment, seed and command field (pure). */
export function diffManifests(baseline: Manifest, current: Manifest): ManifestChange[] {
  const changes: ManifestChange[] = [];
  for (const section of PATH_SECTIONS) changes.push(...diffPaths(section, baseline[section], current[section]));
  changes.push(...diffFields("seed", { value: String(baseline.seed.value) }, { value: String(current.seed.value) }));
  changes.push(
    ...diffFields(
      "command",
      { argv: JSON.stringify(baseline.command.argv), working_directory: baseline.command.working_directory },
      { argv: JSON.stringify(current.command.argv), working_directory: current.command.working_directory },
    ),
  );
  changes.push(...diffFields("dirty files", dirtyFileFacts(baseline.git), dirtyFileFacts(current.git)));
  changes.push(
    ...diffFields("environment", environmentFacts(baseline.environment), environmentFacts(current.environment)),
  );
  return changes;
}

function diffPaths(section: string, before: PathDigest[], after: PathDigest[]): ManifestChange[] {
  const old = new Map(before.map((p) => [p.path, p.sha256]));
  const now = new Map(after.map((p) => [p.path, p.sha256]));
  const names = [...new Set([...old.keys(), ...now.keys()])].sort();
  return names.flatMap((name) => toChange(section, name, old.get(name) ?? null, now.get(name) ?? null));
}

function diffFields(section: string, before: Record<string, string>, after: Record<string, string>): ManifestChange[] {
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return names.flatMap((name) =>
    toChange(section, name, ownEntry(before, name) ?? null, ownEntry(after, name) ?? null),
  );
}

function toChange(section: string, name: string, baseline: string | null, current: string | null): ManifestChange[] {
  if (baseline === current) return [];
  const change = baseline === null ? "added" : current === null ? "removed" : "changed";
  return [{ section, name, change, baseline, current }];
}
