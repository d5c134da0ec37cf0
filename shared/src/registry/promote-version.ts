import { sha256Hex } from "../core/digest.js";
import { InputError } from "../core/modelgate-error.js";
import { appendStageEvent } from "./append-stage-event.js";
import type { RegisteredVersion, StageEvent } from "./model-registry.js";
import { registerVersion } from "./register-version.js";
import type { RegisterOptions } from "./register-version.js";
import { RegistryError } from "./registry-error.js";
import { requireRegistryName } from "./registry-names.js";
import type { ArtifactRecord, GateRecord } from "./registry-records.js";
import type { RegistryStore, StoredAsset } from "./registry-store.js";
import { currentAssignment, higherActiveVersions } from "./stage-state.js";
import type { Bump } from "./semver.js";
import { verifyVersionAssets } from "./verify-assets.js";

export interface PromoteRequest {
  model: string;
  stage: string;
  /** An explicit version, or a bump of the highest registered one. */
  version: { explicit: string } | { bump: Bump };
  /** The commit that produced the model (the version tag and stage events go on it). */
  commitSha: string;
  artifacts: StoredAsset[];
  manifestSha256: string | null;
  metrics: Record<string, number>;
  gates: GateRecord[];
  /** Promoted with the CLI's explicit --allow-ungated: written into the record. */
  allowUngated?: boolean;
  actor: string;
  reason: string | null;
  runUrl: string | null;
  /** ISO timestamp written into new records. */
  now: string;
}

export interface PromoteOutcome {
  version: RegisteredVersion;
  /** The event written, or the existing assignment when the stage already held this version. */
  event: StageEvent;
  versionCreated: boolean;
  eventCreated: boolean;
  previousVersion: string | null;
  /** Unassignments written first: higher versions still active in the stage, which GTO's `which` would name. */
  superseded: StageEvent[];
  /** 1 + every compare-and-swap this promotion lost (version tag and events). */
  attempts: number;
}

/**
 * Registers a version (see registerVersion: one commit point, nothing visible from a loser), verifies its stored
 * artifacts, then assigns it to the stage. Before assigning a version below others still active in the stage it
 * unassigns them, so GTO names the same holder in SemVer and in time order. Re-running the same promotion is a no-op.
 * @throws RegistryError when the version or commit is taken by other content, or assets do not verify.
 */
export async function promoteVersion(
  store: RegistryStore,
  request: PromoteRequest,
  options: RegisterOptions = {},
): Promise<PromoteOutcome> {
  const model = requireRegistryName(request.model, "model");
  const stage = requireRegistryName(request.stage, "stage");
  const records = toArtifactRecords(request.artifacts);
  const registered = await registerVersion(
    store,
    {
      model,
      version: request.version,
      commitSha: request.commitSha,
      artifacts: request.artifacts,
      records,
      record: {
        manifest_sha256: request.manifestSha256,
        metrics: request.metrics,
        gates: request.gates,
        actor: request.actor,
        created_at: request.now,
        ...(request.allowUngated ? { allow_ungated: true } : {}),
      },
    },
    options,
  );
  const { version } = registered.version;
  await verifyVersionAssets(store, registered.version.tag, registered.version.record.artifacts);

  let attempts = registered.attempts;
  let previousVersion: string | null = null;
  const superseded: StageEvent[] = [];
  const base = { actor: request.actor, run_url: request.runUrl, created_at: request.now };
  // Each assignment keeps the gates that judged it: a version promoted to a second stage is judged again.
  const evidence = { gates: request.gates, metrics: request.metrics };
  for (let step = 0; step < 2 * (options.maxAttempts ?? 30); step++) {
    const appended = await appendStageEvent(
      store,
      model,
      (now) => {
        const higher = higherActiveVersions(now, stage, version)[0];
        // The holder before this promotion wrote anything is the one it replaces.
        if (superseded.length === 0) previousVersion = currentAssignment(now, stage)?.record.version ?? null;
        if (higher) {
          const reason = `${version} replaces it in ${stage}${request.reason ? `: ${request.reason}` : ""}`;
          return {
            kind: "write",
            stage,
            cancel: true,
            commitSha: higher.commitSha,
            record: { event: "unassign", version: higher.record.version, previous_version: null, reason, ...base },
          };
        }
        const current = currentAssignment(now, stage);
        // Held already, and nothing unassigned on the way: a re-run, nothing to write. After unassigning higher
        // versions the assignment is written anyway, so the history says who promoted it and why.
        if (current?.record.version === version && superseded.length === 0) return { kind: "done", result: current };
        return {
          kind: "write",
          stage,
          cancel: false,
          commitSha: registered.version.commitSha,
          record: {
            event: "promote",
            version,
            previous_version: previousVersion,
            reason: request.reason,
            ...base,
            ...evidence,
          },
        };
      },
      options,
    );
    attempts += appended.attempts - 1;
    const event = appended.event!;
    if (appended.created && event.cancel) {
      superseded.push(event);
      continue;
    }
    const eventCreated = appended.created;
    return {
      version: registered.version,
      event,
      versionCreated: registered.created,
      eventCreated,
      previousVersion: eventCreated ? previousVersion : event.record.previous_version,
      superseded,
      attempts,
    };
  }
  throw new RegistryError(
    `Could not assign ${model} ${version} to ${stage}: other writers kept changing the stage.`,
    `Re-run the job; serialize promotions of this model with a workflow concurrency group.`,
  );
}

function toArtifactRecords(assets: readonly StoredAsset[]): ArtifactRecord[] {
  const seen = new Set<string>();
  return assets
    .map((asset) => {
      if (!/^[A-Za-z0-9._-]+$/.test(asset.name) || asset.name.startsWith(".") || seen.has(asset.name)) {
        throw new InputError(
          `Artifact name "${asset.name}" is ${seen.has(asset.name) ? "given twice" : "not a plain file name"}.`,
          `Give each artifact a distinct file name of letters, digits, ".", "_" and "-" (it becomes a release asset name).`,
          { input: "artifacts" },
        );
      }
      seen.add(asset.name);
      return {
        name: asset.name,
        sha256: sha256Hex(asset.bytes),
        bytes: asset.bytes.byteLength,
        uri: "",
        ...(asset.role ? { role: asset.role } : {}),
      };
    })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
