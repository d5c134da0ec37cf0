import type { ModelRegistry } from "./read-model-registry.js";

/** One row of a stage's history, oldest first. */
export interface HistoryRow {
  counter: number;
  tag: string;
  stage: string;
  event: "promote" | "rollback" | "unassign";
  version: string;
  previous_version: string | null;
  actor: string;
  reason: string | null;
  created_at: string;
  run_url: string | null;
}

/** The model's stage events as rows, oldest first, optionally of one stage only. Untrusted tags are not rows. */
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
    }));
}
