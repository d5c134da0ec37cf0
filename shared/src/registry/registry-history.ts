import type { ModelRegistry, StageEventRecord } from "./model-registry.js";
import type { GateRecord } from "./registry-records.js";

/** One row of a stage's history, oldest first. */
export interface HistoryRow {
  counter: number;
  tag: string;
  stage: string;
  /** `assign` (and an `unassign` with `gate_evidence: false`) comes from a tag written outside modelgate (GTO). */
  event: StageEventRecord["event"];
  version: string;
  previous_version: string | null;
  actor: string;
  reason: string | null;
  created_at: string;
  run_url: string | null;
  /** false for an event written outside modelgate: nothing shows that any gate judged it. */
  gate_evidence: boolean;
  /** The gates that judged this promotion, when the event recorded its own (a version promoted to a second stage). */
  gates?: GateRecord[];
}

/** The model's stage events as rows, oldest first (GTO's order), optionally of one stage only. Untrusted tags are not rows. */
export function registryHistory(registry: ModelRegistry, stage?: string): HistoryRow[] {
  return registry.events
    .filter((event) => stage === undefined || event.stage === stage)
    .map((event) => ({
      counter: event.counter,
      tag: event.tag,
      stage: event.stage,
      event: event.record.event,
      version: event.record.version,
      previous_version: event.record.previous_version,
      actor: event.record.actor,
      reason: event.record.reason,
      created_at: event.record.created_at,
      run_url: event.record.run_url,
      gate_evidence: !event.foreign,
      ...(event.record.gates ? { gates: event.record.gates } : {}),
    }));
}
