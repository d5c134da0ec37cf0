import type { DecidedResultBase } from "../core/result-base.js";
import type { Subject } from "../core/subject.js";
import type { HistoryRow } from "./registry-history.js";
import type { ArtifactRecord, GateRecord } from "./registry-records.js";
import type { VersionPage } from "./version-page.js";

/** Where the promoted or restored commit came from, and whether a deployment and a workflow followed. */
export interface RegistryEffects {
  /** GitHub Deployment id, when `environment` was set. */
  deployment: { environment: string; id: number } | null;
  /** Workflow file started with `workflow_dispatch`, when `dispatch` was set. */
  dispatched: string | null;
}

/** What promote wrote, when the evidence allowed it. */
export interface Promotion extends RegistryEffects {
  version: string;
  version_tag: string;
  /** The stage event written, or the one already assigning this version (an idempotent re-run). */
  event_tag: string;
  version_created: boolean;
  event_created: boolean;
  previous_version: string | null;
  /** Attempts the compare-and-swap took (1 without contention). */
  attempts: number;
  artifacts: ArtifactRecord[];
}

/**
 * The result of promote: the evidence checks (required checks on the judged commit, the gates' results, the
 * artifacts against the manifest), then what was written. `promotion` is null when the evidence refused it.
 */
export interface PromoteResult extends DecidedResultBase {
  action: "promote";
  subject: Subject;
  model: string;
  stage: string;
  /** The commit the version tag and stage event go on (the pushed commit). */
  commit_sha: string;
  /** The commit whose checks decided: the merged pull request's head, or the commit itself. */
  judged: { sha: string; pull_number: number | null };
  gates: GateRecord[];
  promotion: Promotion | null;
  history: HistoryRow[];
  /** The promoted version's page as `registry show` prints it (its record may predate this run); null when refused. */
  version_page: VersionPage | null;
}

/** What rollback moved, after verifying the target's artifacts. */
export interface Rollback extends RegistryEffects {
  from: string;
  to: string;
  unassign_tag: string;
  assign_tag: string;
  artifacts: ArtifactRecord[];
}

/**
 * The result of rollback: the stage moved back to a verified version, and the stage's history after it. `rollback`
 * is null when the policy's rules refused it (nothing was written).
 */
export interface RollbackResult extends DecidedResultBase {
  action: "rollback";
  model: string;
  stage: string;
  rollback: Rollback | null;
  history: HistoryRow[];
}
