import type { ForeignVersion, ModelRegistry, RegisteredVersion } from "./model-registry.js";
import { compareSemVer, parseSemVer } from "./semver.js";
import type { HistoryRow } from "./registry-history.js";
import { registryHistory } from "./registry-history.js";
import type { ArtifactRecord, GateRecord } from "./registry-records.js";
import { currentAssignment, stagesOf } from "./stage-state.js";
import { buildModelHistory } from "./model-history.js";
import type { ModelHistory } from "./model-history.js";

/** The metrics evaluate-gate judged for any version that held the stage, sorted: the history's rows. */
function recordedMetrics(registry: ModelRegistry, stage: string): string[] {
  const names = new Set<string>();
  for (const event of registry.events) {
    if (event.stage !== stage || event.cancel) continue;
    const gates =
      event.record.gates ?? registry.versions.find((v) => v.version === event.record.version)?.record.gates ?? [];
    for (const gate of gates)
      if (gate.action === "evaluate-gate") for (const name of Object.keys(gate.metrics ?? {})) names.add(name);
  }
  return [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** One version as `registry show` and the promote report present it: its record and its stage events. */
export interface VersionPage {
  version: string;
  tag: string;
  commit_sha: string;
  /**
   * false for a version tag written outside modelgate (GTO's `gto register`, `git tag -a`): it has no record, so no
   * gates, metrics or artifacts, and nothing shows that any gate judged it.
   */
  gate_evidence: boolean;
  /** Who registered it, and when (the version record's actor and created_at; a foreign tag's tagger and time). */
  actor: string;
  created_at: string;
  /** Promoted with --allow-ungated: required gates may be missing. */
  allow_ungated: boolean;
  /** The stages it holds now. */
  stages: string[];
  artifacts: ArtifactRecord[];
  manifest_sha256: string | null;
  metrics: Record<string, number>;
  /** What the gates judged, as promote recorded it. */
  gates: GateRecord[];
  /** Its stage events, oldest first: who promoted it (or rolled back to it, or away from it) and why; events written
   * outside modelgate say `gate_evidence: false`. */
  events: HistoryRow[];
}

/** The whole registry of one model for `registry show --format json` (`modelgate.registry-show/v1`). */
export interface RegistryShow {
  schema: "modelgate.registry-show/v1";
  model: string;
  /** Each stage with events and the version it holds now (null: emptied). */
  stages: Record<string, string | null>;
  /** Newest version first (by SemVer precedence), modelgate's and those written outside it. */
  versions: VersionPage[];
  /** Versions GTO reads as inactive: deregistered by a tag written outside modelgate. */
  deregistered: string[];
  /** Tags that are not trusted, and why. */
  problems: Array<{ tag: string; problem: string }>;
  /** Each stage's history: its gated metrics over the last N versions that held it, on the same evaluation data. */
  history: ModelHistory[];
}

/** How many comparable versions `registry show` puts in each stage's history unless told otherwise. */
export const DEFAULT_HISTORY_WINDOW = 5;

/** Every version of the model as a page, newest first, with what each stage holds and the untrusted tags. */
export function toRegistryShow(registry: ModelRegistry, historyWindow = DEFAULT_HISTORY_WINDOW): RegistryShow {
  const stages = Object.fromEntries(
    stagesOf(registry).map((stage) => [stage, currentAssignment(registry, stage)?.record.version ?? null]),
  );
  const pages = [
    ...registry.versions.map((version) => toVersionPage(registry, version)),
    ...registry.foreignVersions.map((version) => toForeignVersionPage(registry, version)),
  ];
  const versions = pages.sort((a, b) => compareSemVer(parseSemVer(b.version)!, parseSemVer(a.version)!));
  const history = Object.keys(stages).map((stage) =>
    buildModelHistory(registry, { stage, window: historyWindow, metrics: recordedMetrics(registry, stage) }),
  );
  return {
    schema: "modelgate.registry-show/v1",
    model: registry.model,
    stages,
    versions,
    deregistered: registry.deregistered,
    problems: registry.problems,
    history,
  };
}

/** One version's page, read from the registry it belongs to. */
export function toVersionPage(registry: ModelRegistry, version: RegisteredVersion): VersionPage {
  const { record } = version;
  return {
    version: version.version,
    tag: version.tag,
    commit_sha: version.commitSha,
    gate_evidence: true,
    actor: record.actor,
    created_at: record.created_at,
    allow_ungated: record.allow_ungated ?? false,
    stages: holding(registry, version.version),
    artifacts: record.artifacts,
    manifest_sha256: record.manifest_sha256,
    metrics: record.metrics,
    gates: record.gates,
    events: registryHistory(registry).filter((row) => row.version === version.version),
  };
}

/** The page of a version tag written outside modelgate: its tagger, time and events, and no gate evidence. */
function toForeignVersionPage(registry: ModelRegistry, version: ForeignVersion): VersionPage {
  return {
    version: version.version,
    tag: version.tag,
    commit_sha: version.commitSha,
    gate_evidence: false,
    actor: version.tagger,
    created_at: new Date(version.taggerTime * 1000).toISOString().replace(/\.\d{3}Z$/, "Z"),
    allow_ungated: false,
    stages: holding(registry, version.version),
    artifacts: [],
    manifest_sha256: null,
    metrics: {},
    gates: [],
    events: registryHistory(registry).filter((row) => row.version === version.version),
  };
}

function holding(registry: ModelRegistry, version: string): string[] {
  return stagesOf(registry).filter((stage) => currentAssignment(registry, stage)?.record.version === version);
}
